/**
 * Group nouns tagged as people: nationalities and party members ("Brytyjczycy", "британци", "Britové", "Britanec",
 * "американцы", "Američani", "республиканец", "демократи"). Every Slavic language builds them from one stem with
 * its own suffixes, so the product's own craft here is to cut those suffixes off and compare what is left: "brit"
 * and "britan" are one group, "pol" and "polit" are not. No library does this for six languages at once.
 */
import { toLatin } from "./transliterate.js";

// Folding before the suffixes are cut: Polish cz and Cyrillic ц are one "c"; Czech č (toLatin "ch", the palatalised
// k of "Američan") is k again; y/j/w are i/i/v.
const FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/cz|ts/g, "c"],
  [/kh/g, "h"],
  [/ch/g, "k"],
  [/[yj]/g, "i"],
  [/w/g, "v"],
];

// Relational adjectives ("британский", "американски", "německý"): cut before any demonym suffix, so that
// "немецкий" reaches the "немец" stem and then "нем". Only from lower-case words: capitalised, these endings are
// surnames (Zelensky, Bondarenko).
const ADJECTIVE = /(?<=.{3})s?k(?:ii|ai|aia|ie|oe|oi|ogo|ih|i|a|o|e)$/;

// Demonym and member suffixes, plural and singular, longest first: Polish -czycy/-czyk/-anie/-anin, Czech -ové/
// -ané/-ci/-ec, Slovene -ani/-ci/-ec, Russian/Ukrainian -цы/-ане/-ец, Bulgarian -ци/-ец. Plain plural -i/-y/-e
// is only cut from common nouns (lower case): on a capitalised word it is as likely a surname ("Rossi").
const DEMONYM = /(?<=.{3})(?:cici|ciki|cik|anie|ianie|iane|ane|ani|anin|anka|ovie|ove|ci|ec)$/;
const PLURAL = /(?<=.{3})(?:ii|i|e|a)$/;

// Stems shorter than this say too little ("ru", "pol" is the floor): below it the word is not read as a group.
const MIN_STEM = 3;
// A stem may stand for a longer one only through the -an- that some languages put before the suffix ("brit" in
// "Britové", "britan" in "британци"; "amerik" in "Američani", "amerikan" in "американцы"). Any other extension
// joins different groups: "slov" Slovaks and "sloven" Slovenes, "avstr" Austrians and "avstral" Australians.
const LINK_INFIXES = new Set(["an", "ian"]);
// Long stems may differ by one letter (Russian "республиканец", Bulgarian "републиканци"); short ones may not
// ("avstr" and "austr" are the same, but so would be "slovak" and "slovan").
const MIN_FUZZY_STEM = 8;
// The block is the first two letters, so that a stem one letter off from another still meets it after them.
const BLOCK_LETTERS = 2;

/** The word romanised and folded (FOLDS), before any suffix is cut. */
function foldedLetters(word: string): string {
  let folded = toLatin(word).replace(/[^a-z]/g, "");
  for (const [pattern, replacement] of FOLDS) folded = folded.replace(pattern, replacement);
  return folded;
}

/** Whether a group noun is written in lower case, so that it can never be a surname. */
export function isLowerCase(name: string): boolean {
  return !/\p{Lu}/u.test(name);
}

/**
 * The stem of a group noun, or null when the name is not one. A lower-case single word (Russian and Bulgarian
 * write nationalities and party members in lower case) is a group noun whatever its ending; a capitalised one
 * only with a demonym suffix, and even then the index reads it as a surname when a person of that name is known.
 */
export function groupStem(name: string): string | null {
  const word = name.trim();
  if (!/^\p{L}+$/u.test(word)) return null;
  const lower = isLowerCase(word);
  const folded = foldedLetters(word);
  let stem = lower ? folded.replace(ADJECTIVE, "") : folded;
  const adjective = stem !== folded;
  const cut = stem.replace(DEMONYM, "");
  if (cut === stem && !adjective && !lower) return null;
  stem = cut === stem && lower ? stem.replace(PLURAL, "") : cut;
  // Polish softened stems (Niemcy, Brytyjczycy) and trailing vowels left by the cut ("britii", "rossii").
  stem = stem
    .replace(/[aeiou]+$/, "")
    .replace(/(?<=[^aeiou])ie/g, "e")
    .replace(/(.)\1+/g, "$1");
  return stem.length >= MIN_STEM ? stem : null;
}

/** Two group stems name one group when equal, or when they differ only by the -an- link ("brit", "britan"). */
export function groupStemsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.startsWith(short) && LINK_INFIXES.has(long.slice(short.length))) return true;
  return short.length >= MIN_FUZZY_STEM && oneEditApart(short, long);
}

/**
 * Whether two strings differ by at most one inserted, deleted or replaced letter. Hand-written because only this
 * yes/no answer is needed, on two short stems; a full edit-distance table would be the slower answer.
 */
function oneEditApart(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  const shortRest = short.length === long.length ? short.slice(i + 1) : short.slice(i);
  return shortRest === long.slice(i + 1);
}

/**
 * A weaker reading for a capitalised word with no demonym suffix but a final vowel ("Demokrata", "Demokraté"):
 * the stem without that vowel, which the index uses only to join a group already known under it.
 */
export function weakGroupStem(name: string): string | null {
  const word = name.trim();
  if (!/^\p{Lu}\p{Ll}+$/u.test(word) || groupStem(word) !== null) return null;
  const folded = foldedLetters(word);
  const stem = folded.replace(PLURAL, "");
  return stem !== folded && stem.length >= MIN_FUZZY_STEM - 1 ? stem : null;
}

/** The blocking key of a group stem: its first letters, so that prefix-related stems share a block. */
export function groupBlock(stem: string): string {
  return stem.slice(0, BLOCK_LETTERS);
}
