import type { MentionType } from "../extract/entities/mention.js";
import { parsePersonName } from "./person-name.js";
import { skeleton } from "./phonetic.js";
import { toLatin } from "./transliterate.js";

// Function words that translations and reorderings of one organisation or place name drop or add.
const NAME_STOP_WORDS = new Set([
  "the",
  "of",
  "and",
  "for",
  "a",
  "an",
  "i",
  "a",
  "na",
  "v",
  "w",
  "za",
  "do",
  "und",
  "der",
]);

// Acronyms and short words are compared letter for letter: as skeletons "ANO", "UN" and "Unia" would collide.
const MAX_EXACT_WORD = 4;
// Words with this many consonants are distinctive enough for the vowel-blind skeleton (Londyn/Лондон/London);
// shorter ones keep their vowels (Litva vs Latvija).
const MIN_SKELETON_CONSONANTS = 4;

/** One word of an organisation or place name, lightly folded, with a final case or gender vowel dropped. */
function otherWordKey(word: string): string {
  const latin = toLatin(word).replace(/[^a-z0-9]/g, "");
  if (/^\p{Lu}{2,}$/u.test(word) || latin.length <= MAX_EXACT_WORD) return latin;
  const light = latin
    .replace(/kh|ch/g, "h")
    .replace(/w/g, "v")
    .replace(/[yj]/g, "i")
    .replace(/(.)\1+/g, "$1");
  const consonants = light.replace(/[aeiou]/g, "").length;
  return consonants >= MIN_SKELETON_CONSONANTS
    ? skeleton(latin).replace(/(?<=.)a$/, "")
    : light.replace(/[aeiou]+$/, "");
}

/**
 * Key of an organisation or place name. Lighter than a person's skeleton: vowels stay, because "Litva" and
 * "Latvija" are two countries; only the final vowels (case endings: Polska/Polski) are dropped.
 */
export function otherNameKey(name: string): string {
  const words = name
    .replace(/&/g, " and ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && !NAME_STOP_WORDS.has(toLatin(word)));
  return words.map((word) => otherWordKey(word)).join(" ");
}

/**
 * Key of a name, equal across scripts and romanisations of one name and different for a husband and his wife
 * (gender is part of it): "Aliaksandr Lukashenka" and "Александр Лукашенко" share a key; "Alexei Navalny" and
 * "Yulia Navalnaya" do not, nor do "Lukashenko" and "Lukashev". Keys of different types never collide.
 */
export function nameKey(name: string, type: MentionType = "person"): string {
  if (type !== "person") return `${type}:${otherNameKey(name)}`;
  const parsed = parsePersonName(name);
  const given = parsed.given.find((part) => !part.isInitial)?.key ?? "";
  return `person:${given}|${parsed.surname?.stem ?? ""}|${parsed.gender ?? ""}`;
}
