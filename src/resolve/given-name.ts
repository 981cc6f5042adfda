import { GIVEN_NAME_GROUPS, MALE_NAMES_IN_A } from "./data/given-names.js";
import { skeleton } from "./phonetic.js";
import type { Gender } from "./surname.js";

interface GivenNameInfo {
  key: string;
  gender: Gender;
}

/** A lexicon spelling gives its group's gender; a name only resembling one ("Nicola" ~ "Nikola") gives none. */
export function givenNameGender(latin: string): Gender {
  const word = latin.replace(/[^a-z]/g, "");
  const known = BY_VARIANT.get(word);
  if (known) return known.gender;
  return word.endsWith("a") && !MALE_NAMES_IN_A.has(word) && word.length > 2 ? "f" : null;
}

const BY_VARIANT = new Map<string, GivenNameInfo>();
for (const group of GIVEN_NAME_GROUPS) {
  const key = `=${group.variants[0]}`;
  for (const variant of group.variants) BY_VARIANT.set(variant, { key, gender: group.gender });
}
// A variant's skeleton also identifies the group (Aliaksandr vs Aleksandr spelled yet another way), unless two
// groups share it; then it identifies neither.
const BY_SKELETON = new Map<string, GivenNameInfo | null>();
for (const [variant, info] of BY_VARIANT) {
  const sk = skeleton(variant);
  const seen = BY_SKELETON.get(sk);
  BY_SKELETON.set(sk, seen === undefined || seen?.key === info.key ? info : null);
}

/**
 * A group found by skeleton alone must also share the first letter with one of its spellings: vowels all reduce to
 * one letter in the skeleton, so "Ugur" would otherwise be "Igor".
 */
function bySkeleton(word: string): GivenNameInfo | undefined {
  const info = BY_SKELETON.get(skeleton(word));
  if (!info) return undefined;
  return INITIALS_BY_KEY.get(info.key)?.has(word.slice(0, 1)) ? info : undefined;
}

const INITIALS_BY_KEY = new Map<string, Set<string>>();
for (const group of GIVEN_NAME_GROUPS)
  INITIALS_BY_KEY.set(`=${group.variants[0]}`, new Set(group.variants.map((variant) => variant.slice(0, 1))));

/**
 * Key of a romanised given name: its variant group when known (Alexei = Aliaksei = Oleksiy), else its skeleton.
 * Gender from the group, or from a final -a for unknown Slavic-looking names.
 */
export function givenNameKey(latin: string): GivenNameInfo {
  const word = latin.replace(/[^a-z]/g, "");
  const known = BY_VARIANT.get(word) ?? bySkeleton(word);
  if (known) return known;
  const gender: Gender = word.endsWith("a") && !MALE_NAMES_IN_A.has(word) ? "f" : null;
  return { key: skeleton(word), gender };
}

/** First letters a given name may be abbreviated to, over all its known spellings (Oleksandr may be "A."). */
export function givenNameInitials(latin: string): Set<string> {
  const word = latin.replace(/[^a-z]/g, "");
  const initials = new Set<string>(word.slice(0, 1));
  const info = givenNameKey(word);
  if (info.key.startsWith("=")) {
    for (const group of GIVEN_NAME_GROUPS) {
      if (`=${group.variants[0]}` !== info.key) continue;
      for (const variant of group.variants) initials.add(variant.slice(0, 1));
    }
  }
  return initials;
}

export function isKnownGivenName(latin: string): boolean {
  return BY_VARIANT.has(latin.replace(/[^a-z]/g, ""));
}
