import type { GivenPart, PersonName } from "./person-name.js";

const MIN_BARE_SURNAME_CONSONANTS = 5;

/**
 * A bare surname has only its skeleton to go on, and short skeletons collide ("Gore"/"Harry", "Hunter"/"Gantar"):
 * it may join names of that skeleton only when the skeleton is long or one of them is spelled (lightly folded) alike.
 */
export function bareSurnameFits(bare: PersonName, others: readonly PersonName[]): boolean {
  if (!bare.surname || bare.given.length > 0) return true;
  if (bare.surname.stem.replace(/a/g, "").length >= MIN_BARE_SURNAME_CONSONANTS) return true;
  return others.some((other) => other.surname?.light === bare.surname?.light);
}

function givenCompatible(a: GivenPart, b: GivenPart): boolean {
  if (a.isInitial && b.isInitial) return [...a.initials].some((letter) => b.initials.has(letter));
  if (a.isInitial) return [...a.initials].some((letter) => b.initials.has(letter));
  if (b.isInitial) return [...b.initials].some((letter) => a.initials.has(letter));
  return a.key === b.key;
}

/**
 * Whether two person names can denote one person: same surname stem, no gender clash, and given names that agree
 * (an initial agrees with any name it may abbreviate; a name without given names agrees with any).
 * Deliberately not transitive: "A. Navalny" fits both "Alexei Navalny" and "Anna Navalny", which do not fit each other.
 */
export function personNamesMatch(a: PersonName, b: PersonName): boolean {
  if (a.junior !== b.junior) return false;
  if (a.gender !== null && b.gender !== null && a.gender !== b.gender) return false;
  if (a.surname === null || b.surname === null) {
    // A lone given name only matches the same lone given name; linking it to a full name is coreference's job.
    if (a.surname !== b.surname) return false;
  } else if (a.surname.stem !== b.surname.stem) return false;
  if (a.given.length === 0 || b.given.length === 0) return true;
  // Middle names are often dropped ("Donald John Trump"), so the first given name of each must match some given name
  // of the other.
  const [firstA] = a.given;
  const [firstB] = b.given;
  if (!firstA || !firstB) return true;
  return b.given.some((part) => givenCompatible(firstA, part)) || a.given.some((part) => givenCompatible(firstB, part));
}
