import { bareSurnameFits, personNamesMatch } from "../../resolve/names-match.js";
import { asGivenName, type PersonName, parsePersonName } from "../../resolve/person-name.js";
import type { Mention } from "./mention.js";

function fullness(name: PersonName): number {
  return (name.surname ? 1 : 0) + name.given.filter((part) => !part.isInitial).length;
}

/**
 * In-document coreference for short names: a person mention that is only a surname, an initial and surname, or a
 * lone given name refers to the fuller name in the same article that it fits, when exactly one distinct fuller
 * name fits ("Kovalenko" → "Taras Kovalenko" unless "Olena Kovalenko" is also in the article and gender does not
 * tell them apart). Earlier names are preferred; a later one is used for headlines that name the surname first.
 * Returns a copy; existing links are kept.
 */
export function linkSurnames(mentions: readonly Mention[]): Mention[] {
  const parsed = mentions.map((mention) =>
    mention.type === "person" && !mention.nominal ? parsePersonName(mention.text) : null,
  );
  const linked = mentions.map((mention, index) => {
    const own = parsed[index];
    if (!own || mention.refersTo !== undefined) return mention;
    const ownFullness = fullness(own);
    // Fuller names in the article that `fits` accepts, one entry per spelling: earlier occurrences win, a later one
    // is only kept when nothing earlier fits.
    const fullerNames = (fits: (other: PersonName) => boolean): Map<string, number> => {
      const found = new Map<string, number>();
      for (const [j, other] of parsed.entries()) {
        const target = mentions[j];
        if (!other || !target || j === index || target.refersTo !== undefined) continue;
        if (fullness(other) <= ownFullness || other.surname === null || !fits(other)) continue;
        const seen = found.get(target.text);
        if (seen === undefined || (j < index && seen > index)) found.set(target.text, j);
      }
      return found;
    };
    let candidates = fullerNames((other) =>
      own.surname === null ? lonesGivenFits(own, other) : personNamesMatch(own, other) && bareSurnameFits(own, [other]),
    );
    // A lone word that is no one's surname here may be someone's first name ("Ivanka" → "Ivanka Trump", "Асия" →
    // "Асия Биби"), even when the lexicon does not know it as a given name.
    // A lower-case word ("torysi", "демократи") is a common noun, never a first name.
    const word = mention.text.trim();
    if (candidates.size === 0 && own.surname !== null && own.given.length === 0 && /^\p{Lu}\S*$/u.test(word)) {
      const asGiven = asGivenName(word);
      candidates = fullerNames((other) => firstNameFits(asGiven, other));
    }
    let distinct = dedupeBySameName([...candidates.entries()], parsed);
    // Two people share the surname (a minister and his wife): a bare surname before the second is introduced can
    // only mean the first.
    if (distinct.length > 1) distinct = distinct.filter((j) => j < index);
    if (distinct.length !== 1) return mention;
    const [target] = distinct;
    return target === undefined ? mention : { ...mention, refersTo: target };
  });
  return collapseChains(linked);
}

/** "Trump" → "Donald Trump" → "Donald John Trump" becomes two direct links to the fullest name. */
export function collapseChains(mentions: Mention[]): Mention[] {
  return mentions.map((mention) => {
    let target = mention.refersTo;
    for (let hops = 0; target !== undefined && hops < mentions.length; hops++) {
      const next = mentions[target]?.refersTo;
      if (next === undefined) break;
      target = next;
    }
    return target === mention.refersTo ? mention : { ...mention, refersTo: target };
  });
}

/** "Donald" refers to "Donald Trump": the lone given name must equal the full name's first given name. */
function lonesGivenFits(own: PersonName, other: PersonName): boolean {
  const [first] = own.given;
  const [otherFirst] = other.given;
  if (!first || !otherFirst || otherFirst.isInitial) return false;
  if (own.gender !== null && other.gender !== null && own.gender !== other.gender) return false;
  return first.key === otherFirst.key;
}

/**
 * A one-word mention (read by asGivenName) as the first given name of a full name: the same variant group or
 * spelling skeleton, or, for a name the lexicon does not know, the same loose skeleton (Азия/Асия/Ася), and no clash
 * of gender.
 */
function firstNameFits(own: ReturnType<typeof asGivenName>, other: PersonName): boolean {
  const [first] = other.given;
  if (!own || !first || first.isInitial) return false;
  if (own.gender !== null && other.gender !== null && own.gender !== other.gender) return false;
  if (own.part.key === first.key) return true;
  if (own.part.key.startsWith("=") && first.key.startsWith("=")) return false;
  // The loose skeleton is lossy: only a word with the same first letter as the full name's first name may use it.
  return (
    own.part.loose.length > 1 &&
    own.part.loose === first.loose &&
    [...own.part.initials].some((letter) => first.initials.has(letter))
  );
}

/** Several spellings of one name ("Taras Kovalenko", "Тарас Коваленко") count as one candidate. */
function dedupeBySameName(candidates: Array<[string, number]>, parsed: ReadonlyArray<PersonName | null>): number[] {
  const kept: number[] = [];
  for (const [, index] of candidates.sort((a, b) => a[1] - b[1])) {
    const name = parsed[index];
    if (!name) continue;
    const same = kept.some((other) => {
      const otherName = parsed[other];
      return otherName !== null && otherName !== undefined && personNamesMatch(name, otherName);
    });
    if (!same) kept.push(index);
  }
  return kept;
}
