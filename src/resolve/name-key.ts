import type { MentionType } from "../extract/entities/mention.js";
import { ORGANISATIONS } from "./data/organisations.js";
import { PLACES } from "./data/places.js";
import { type PersonName, parsePersonName } from "./person-name.js";
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

// Short words are compared nearly letter for letter: as skeletons "Unia" and "Unie" would be fine, but "Rada" and
// "Rod" would collide. Only their final case vowels go.
const MAX_EXACT_WORD = 4;
// Words with this many consonants are distinctive enough for the vowel-blind skeleton (Londyn/Лондон/London);
// shorter ones keep their vowels (Litva vs Latvija).
const MIN_SKELETON_CONSONANTS = 4;
// Slavic relational adjectives, every gender, case and language (europejski, evropský, европейская, evropskih):
// one "-sk" stem, so that "Parlament Europejski" meets "Европейский парламент". The -ej-/-ij- link vowel that
// Polish and Russian insert and Czech and Slovene do not goes too.
const ADJECTIVE_ENDING =
  /(?:ej|ij)?([sc])k(?:ij|iy|yj|yi|y|i|a|aja|aya|aia|e|ie|o|ogo|oj|ich|ych|ih|ega|ego|ovo|ou|a)?$/;
// The shortest stem an adjective ending may be cut from: "Minsk" and "Omsk" are names, not adjectives.
const MIN_ADJECTIVE_STEM = 4;

function isAcronym(word: string): boolean {
  return /^\p{Lu}{2,}$/u.test(word);
}

/** One word of an organisation or place name, lightly folded, with a final case or gender vowel dropped. */
function otherWordKey(word: string): string {
  const latin = toLatin(word).replace(/[^a-z0-9]/g, "");
  // Acronyms keep every letter and a mark of their own, so "UN" never meets the word "Un(ia)".
  if (isAcronym(word)) return `#${latin}`;
  if (latin.length <= MAX_EXACT_WORD) return latin.length > 2 ? latin.replace(/[aeiouy]+$/, "") : latin;
  const adjective = ADJECTIVE_ENDING.exec(latin);
  const stem =
    adjective && adjective.index >= MIN_ADJECTIVE_STEM ? `${latin.slice(0, adjective.index)}${adjective[1]}k` : latin;
  const light = stem
    .replace(/kh|ch/g, "h")
    .replace(/w/g, "v")
    .replace(/[yj]/g, "i")
    .replace(/(.)\1+/g, "$1");
  const consonants = light.replace(/[aeiou]/g, "").length;
  return consonants >= MIN_SKELETON_CONSONANTS
    ? skeleton(stem).replace(/(?<=.)a$/, "")
    : light.replace(/[aeiou]+$/, "");
}

function contentWords(name: string): string[] {
  return name
    .replace(/&/g, " and ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && !NAME_STOP_WORDS.has(toLatin(word)));
}

/**
 * Key of an organisation or place name. Lighter than a person's skeleton: vowels stay, because "Litva" and
 * "Latvija" are two countries; only the final vowels (case endings: Polska/Polski) are dropped. Word order is
 * ignored: languages put the adjective on either side ("Parlament Europejski", "Европейский парламент").
 */
export function otherNameKey(name: string): string {
  return contentWords(name)
    .map((word) => otherWordKey(word))
    .sort()
    .join(" ");
}

/**
 * The acronym a multi-word name would have (initials of its content words, romanised), or null for a name of
 * fewer than two content words: "Всемирная организация здравоохранения" gives "voz", as "ВОЗ" does.
 */
export function initialsOf(name: string): string | null {
  const words = contentWords(name).filter((word) => /^\p{L}/u.test(word));
  if (words.length < 2 || words.some((word) => isAcronym(word))) return null;
  return scriptMark(name) + words.map((word) => toLatin(word.slice(0, 1)).slice(0, 1)).join("");
}

// An acronym abbreviates a name in its own script: Cyrillic "ИГ" is not Latin "Izba Gmin".
function scriptMark(text: string): string {
  return /\p{Script=Cyrillic}/u.test(text) ? "cyr:" : "lat:";
}

/** The romanised letters of a name that is one acronym ("ВОЗ" → "voz"), else null. */
export function acronymOf(name: string): string | null {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
  const [only] = words;
  if (words.length !== 1 || !only || !isAcronym(only)) return null;
  return scriptMark(only) + [...only].map((letter) => toLatin(letter).slice(0, 1)).join("");
}

interface GazetteerIndex {
  /** Lightly folded spelling of every listed name → entry id. */
  bySpelling: Map<string, string>;
  /** Name key of every listed name → the entries and spellings that have it. */
  byKey: Map<string, Array<{ id: string; spelling: string }>>;
}

const gazetteers = new Map<MentionType, GazetteerIndex>();

// An inflected or misspelled name ("Wielkiej Brytanii") reaches a listed entry by its name key only when its first
// letters agree with a listed spelling: name keys are lossy, and "Сливен" (a Bulgarian town) has Slovenija's.
const GAZETTEER_PREFIX = 4;

function lightSpelling(name: string): string {
  return toLatin(name)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The gazetteer of one type, indexed on first use (places.ts, organisations.ts). */
function gazetteer(type: MentionType): GazetteerIndex | null {
  const entries = type === "place" ? PLACES : type === "organization" ? ORGANISATIONS : null;
  if (!entries) return null;
  const built = gazetteers.get(type);
  if (built) return built;
  const index: GazetteerIndex = { bySpelling: new Map(), byKey: new Map() };
  for (const entry of entries)
    for (const name of entry.names) {
      const spelling = lightSpelling(name);
      index.bySpelling.set(spelling, entry.id);
      const key = otherNameKey(name);
      index.byKey.set(key, [...(index.byKey.get(key) ?? []), { id: entry.id, spelling }]);
    }
  gazetteers.set(type, index);
  return index;
}

/**
 * Gazetteer id of an organisation or place name written in any language the gazetteer lists ("Niemcy", "Германия"
 * → "germany"; "ЕС", "Unia Europejska" → "european-union"), else null.
 */
export function gazetteerEntry(name: string, type: MentionType, key: string = otherNameKey(name)): string | null {
  const index = gazetteer(type);
  if (!index) return null;
  const spelling = lightSpelling(name);
  const exact = index.bySpelling.get(spelling);
  if (exact) return exact;
  // Acronyms are listed letter for letter: a key match would let "EU" stand for any two-word "E... U...".
  if (acronymOf(name)) return null;
  const prefix = spelling.slice(0, GAZETTEER_PREFIX);
  const ids = new Set(
    (index.byKey.get(key) ?? [])
      .filter((entry) => entry.spelling.slice(0, GAZETTEER_PREFIX) === prefix)
      .map((entry) => entry.id),
  );
  return ids.size === 1 ? ([...ids][0] ?? null) : null;
}

/** Key of an organisation or place name: the gazetteer's id for a listed one, else its name key. */
export function otherEntityKey(name: string, type: MentionType): string {
  const key = otherNameKey(name);
  const listed = gazetteerEntry(name, type, key);
  return listed ? `gazetteer:${listed}` : key;
}

/**
 * Key of a name, equal across scripts and romanisations of one name and different for a husband and his wife
 * (gender is part of it): "Aliaksandr Lukashenka" and "Александр Лукашенко" share a key; "Alexei Navalny" and
 * "Yulia Navalnaya" do not, nor do "Lukashenko" and "Lukashev". Keys of different types never collide.
 */
export function nameKey(name: string, type: MentionType = "person"): string {
  if (type !== "person") return `${type}:${otherEntityKey(name, type)}`;
  return personNameKey(parsePersonName(name));
}

/** nameKey of an already parsed person name. */
export function personNameKey(parsed: PersonName): string {
  const given = parsed.given.find((part) => !part.isInitial)?.key ?? "";
  return `person:${given}|${parsed.surname?.stem ?? ""}|${parsed.gender ?? ""}`;
}
