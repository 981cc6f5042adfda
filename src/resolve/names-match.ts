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
  if (a.generation !== b.generation) return false;
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

/** How two person names fit: by the strict key, by the loose skeleton with agreeing given names, or not at all. */
export type NameFit = "strict" | "loose" | "bare-loose" | null;

// A surname matched only by its loose skeleton needs this many consonants in it: shorter ones collide across
// unrelated names (Shoigu and Tsekov both reduce to s-k).
const MIN_LOOSE_SURNAME_CONSONANTS = 3;
// With first names equal by key, two consonants are enough (Kurz/Курц, Khan/Хан): the given name is the second witness.
const MIN_EXACT_GIVEN_SURNAME_CONSONANTS = 2;

function givenLooselyCompatible(a: GivenPart, b: GivenPart): boolean {
  if (a.isInitial || b.isInitial) return givenCompatible(a, b);
  if (a.key === b.key) return true;
  // Two names the lexicon knows and puts in different groups are different names, however alike they sound
  // (Sergei and George both reduce to s-r-s).
  if (a.key.startsWith("=") && b.key.startsWith("=")) return false;
  return a.loose === b.loose;
}

/**
 * First vowel letter of a surname as spelled, y as i and u as a (English short u is а/ъ in Cyrillic:
 * Sturgeon/Стърджън): "Kuciak" and "Кейсик" differ in it, Barnier and Барние do not.
 */
function firstVowel(light: string): string {
  // Italian gi/ci before a vowel write a soft consonant, not a vowel (Giuliani/Джулиани); an initial у before a vowel
  // is the English w that Cyrillic writes with it (Уилямс/Williams, Уолтер/Walter).
  const consonantal = light
    .replace(/^[yj](?=[aeiou])/, "")
    .replace(/^([gc])i(?=[aeou])/, "$1")
    .replace(/^u(?=[aeio])/, "");
  const vowel = /[aeiouy]/.exec(consonantal)?.[0] ?? "";
  return vowel.replace("y", "i").replace("u", "a");
}

function surnamesLooselyAgree(
  a: NonNullable<PersonName["surname"]>,
  b: NonNullable<PersonName["surname"]>,
  minConsonants: number,
): boolean {
  if (a.loose !== b.loose || a.loose.length === 0) return false;
  if (a.stem === b.stem) return true;
  return a.loose.replace(/[a-]/g, "").length >= minConsonants && firstVowel(a.light) === firstVowel(b.light);
}

/**
 * The loose path for names written by ear in another script (Michel Barnier/Мишел Барние): loose surname skeletons
 * equal, no gender clash, and the first given names of both agree by key or loose skeleton, so that two
 * independent parts of the name vouch for each other. A bare surname with an equal loose skeleton is "bare-loose":
 * the index accepts it only into an entity that already holds a strictly matching spelling.
 */
export function personNamesFit(a: PersonName, b: PersonName): NameFit {
  if (personNamesMatch(a, b)) return "strict";
  if (a.generation !== b.generation || a.surname === null || b.surname === null) return null;
  if (a.gender !== null && b.gender !== null && a.gender !== b.gender) return null;
  const [firstA] = a.given;
  const [firstB] = b.given;
  // A short surname (Kurz/Курц) may agree loosely when the first given names agree exactly, not only by sound.
  const exactGiven = firstA !== undefined && firstB !== undefined && !firstA.isInitial && firstA.key === firstB.key;
  const minConsonants = exactGiven ? MIN_EXACT_GIVEN_SURNAME_CONSONANTS : MIN_LOOSE_SURNAME_CONSONANTS;
  if (!surnamesLooselyAgree(a.surname, b.surname, minConsonants)) return null;
  if (!firstA || !firstB) return "bare-loose";
  if (firstA.isInitial && firstB.isInitial) return null;
  // First against first only: the middle-name leniency of the strict path would let "Shah Mahmood" fit
  // "Muhammad Haneef" by sound.
  return givenLooselyCompatible(firstA, firstB) ? "loose" : null;
}
