import type { Article } from "../model/article.js";
import {
  BODY_CHARS_READ,
  BODY_TOKENS_READ,
  ENTITY_WEIGHT,
  LEAD_WEIGHT,
  NUMBER_WEIGHT,
  ONE_LINER_MAX_BODY_TOKENS,
  TITLE_WEIGHT,
} from "./cluster-params.js";
import {
  classAt,
  fnv,
  LETTER,
  LOWER,
  NUMBER,
  pushSpan,
  SPACE,
  scanTokens,
  type TokenSpans,
  termHash,
  tokenSpans,
  UPPER,
  unitsAt,
} from "./tokenize.js";

/** Entity terms live in the same vector as words; the prefix keeps "paris" the word apart from "@paris" the name. */
export const ENTITY_PREFIX = "@";

export interface ArticleTerms {
  /** Term → raw weight (title and figures counted more, entities added), before IDF. */
  counts: Map<string, number>;
  /** True when the body is too short to carry the article alone: it must clear a higher bar. */
  oneLiner: boolean;
  /** The title's content tokens (the clusterer keys syndicated headlines on them). */
  titleTokens: string[];
}

/**
 * Where an article's weighted terms go, in first-seen order, a term once per occurrence: a map of strings here, the
 * clusterer's interned ids there (it looks a token up straight from its span, without cutting a string).
 */
export interface TermSink {
  /**
   * Every token of `spans` in order, token i (`spans.lower.slice(starts[i], ends[i])`) with `weights[i]`; `title`
   * for the headline's tokens. All at once, so a sink can look them up in batches.
   */
  tokens(spans: TokenSpans, weights: Float64Array, title: boolean): void;
  /**
   * The article's entity terms (ENTITY_PREFIX and a key), as spans of one string of them all, in order, each with
   * `weight` once: a term the article already gave is ignored. All at once, like `tokens`.
   */
  entities(spans: TokenSpans, weight: number): void;
}

/** Token spans of the title and of the body head, reused from article to article (one article at a time). */
const TITLE_SPANS = tokenSpans();
const BODY_SPANS = tokenSpans(BODY_TOKENS_READ);
/** Names guessed from capitals, as start, end pairs (in the head, then in the title): reused likewise. */
const NAME_BOUNDS: number[] = [];

/**
 * The weighted terms of an article. `entityKeys` come from the entities stage when it ran; without them,
 * capitalised words inside sentences stand in for names (cheap, and right often enough for English-like scripts).
 */
export function articleTerms(article: Article, entityKeys?: readonly string[]): ArticleTerms {
  const counts = new Map<string, number>();
  const titleTokens: string[] = [];
  const oneLiner = collectArticleTerms(article, entityKeys, {
    tokens(spans, weights, title) {
      for (let i = 0; i < spans.count; i++) {
        const token = spans.lower.slice(spans.starts[i] as number, spans.ends[i] as number);
        counts.set(token, (counts.get(token) ?? 0) + (weights[i] as number));
        if (title) titleTokens.push(token);
      }
    },
    entities(spans, weight) {
      for (let i = 0; i < spans.count; i++) {
        const term = spans.lower.slice(spans.starts[i] as number, spans.ends[i] as number);
        if (!counts.has(term)) counts.set(term, weight);
      }
    },
  });
  return { counts, oneLiner, titleTokens };
}

/** Sends the weighted terms of an article to `sink` (see `articleTerms`); returns whether it is a one-liner. */
export function collectArticleTerms(
  article: Article,
  entityKeys: readonly string[] | undefined,
  sink: TermSink,
): boolean {
  const title = scanTokens(article.title, TITLE_SPANS);
  const weights = weightsFor(title.count);
  for (let i = 0; i < title.count; i++) weights[i] = TITLE_WEIGHT * figureWeight(title, i);
  sink.tokens(title, weights, true);
  // News puts the event first (inverted pyramid): the lead paragraph counts more, and the tail past
  // BODY_TOKENS_READ is background that differs between reports of one event (and costs time to read).
  const head = article.text.slice(0, BODY_CHARS_READ);
  const leadEnd = head.indexOf("\n\n");
  // One tokenisation of the head; a token is in the lead when it starts before the first blank line.
  const body = scanTokens(head, BODY_SPANS, BODY_TOKENS_READ);
  const bodyWeights = weightsFor(body.count);
  for (let i = 0; i < body.count; i++) {
    const inLead = leadEnd < 0 || (body.starts[i] as number) < leadEnd;
    bodyWeights[i] = figureWeight(body, i) * (inLead ? LEAD_WEIGHT : 1);
  }
  sink.tokens(body, bodyWeights, false);
  // Names repeat within an article: the sink takes each entity term once (same terms, same first-seen order).
  if (ENTITY_WEIGHT > 0) {
    const keys = KEYS;
    keys.count = 0;
    KEY_LENGTH = 0;
    KEY_SURROGATES = false;
    if (entityKeys !== undefined) {
      for (const name of entityKeys) {
        const key = name.toLowerCase();
        if (key !== "") addKey(key);
      }
    } else {
      const bounds = NAME_BOUNDS;
      bounds.length = 0;
      bodyNames(head, bounds);
      const inHead = bounds.length;
      capitalisedWords(article.title, true, bounds);
      for (let k = 0; k < bounds.length; k += 2)
        addName(k < inHead ? head : article.title, bounds[k] as number, bounds[k + 1] as number);
    }
    keys.lower = KEY_SURROGATES
      ? unitsToString(KEY_UNITS, KEY_LENGTH)
      : UTF16.decode(KEY_UNITS.subarray(0, KEY_LENGTH));
    sink.entities(keys, ENTITY_WEIGHT);
  }
  return body.count < ONE_LINER_MAX_BODY_TOKENS;
}

/** Per-token weights handed to the sink, reused (a sink reads them before the next call). */
let TOKEN_WEIGHTS = new Float64Array(BODY_TOKENS_READ);

function weightsFor(count: number): Float64Array {
  if (TOKEN_WEIGHTS.length < count) TOKEN_WEIGHTS = new Float64Array(count * 2);
  return TOKEN_WEIGHTS;
}

/** Figures (340 residents, 4.2%) identify an event: NUMBER_WEIGHT for a token holding one, else 1. */
function figureWeight(spans: TokenSpans, i: number): number {
  return spans.figures[i] === 1 ? NUMBER_WEIGHT : 1;
}

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const LOWER_A = 0x61;
const LOWER_Z = 0x7a;
const LOWER_S = 0x73;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const NEWLINE = 0x0a;
const SPACE_UNIT = 0x20;
const ASCII_END = 0x80;
const WORD = LETTER | NUMBER;

/**
 * A spelling skeleton for names guessed from capitals: romanisations of one name differ in y/i, kh/h and doubled
 * letters (Daletsky/Daletski, Lyubrava/Liubrava, Khomich/Homich), so those are folded. Given entity keys are kept
 * as they are: the entities stage resolves spellings itself.
 */
function foldSpelling(name: string): string {
  return name
    .toLowerCase()
    .replace(/kh/gu, "h")
    .replace(/y/gu, "i")
    .replace(/(\p{L})\1/gu, "$1");
}

/**
 * The article's entity terms spelled out one after another (ENTITY_PREFIX and a key each) and their spans: one
 * string for all of them, made once they are all known. Reused; the units grow on demand.
 */
let KEY_UNITS = new Uint16Array(1024);
let KEY_LENGTH = 0;
/** A key holds a surrogate: the decoder would replace a lone one, so those keys are joined unit by unit. */
let KEY_SURROGATES = false;
const KEYS = tokenSpans();
/** Decodes the spelled-out keys in one native call (String.fromCharCode on ~400 units cost as much as folding). */
const UTF16 = new TextDecoder("utf-16le", { ignoreBOM: true });

function reserveKeyUnits(units: number): void {
  if (KEY_UNITS.length >= KEY_LENGTH + units) return;
  const grown = new Uint16Array((KEY_LENGTH + units) * 2);
  grown.set(KEY_UNITS.subarray(0, KEY_LENGTH));
  KEY_UNITS = grown;
}

function pushKey(start: number, hash: number): void {
  pushSpan(KEYS, start, KEY_LENGTH, hash, 0);
}

/**
 * Adds the name `text[start, end)` to KEYS as an entity term, folded (see `foldSpelling`), unless it is a calendar
 * word. A name in ASCII (nearly every one guessed from capitals) is lower-cased, folded and hashed in two passes over
 * its units, without a string of its own; any other goes through the regular expressions.
 */
function addName(text: string, start: number, end: number): void {
  reserveKeyUnits(end - start + 1);
  const units = KEY_UNITS;
  const first = KEY_LENGTH;
  units[first] = ENTITY_PREFIX_UNIT;
  // Lower case, "kh" → "h" and "y" → "i", as the first two replacements do (left to right, no overlaps); the hash
  // of the plain lower-cased name is taken on the way, for the calendar test.
  let length = first + 1;
  let lowerHash = termHash("");
  for (let index = start; index < end; index++) {
    const raw = text.charCodeAt(index);
    if (raw >= ASCII_END) {
      addNonAsciiName(text.slice(start, end));
      return;
    }
    const unit = lowerAscii(raw);
    lowerHash = fnv(lowerHash, unit);
    if (unit === LOWER_K && index + 1 < end && lowerAscii(text.charCodeAt(index + 1)) === LOWER_H) {
      lowerHash = fnv(lowerHash, LOWER_H);
      units[length++] = LOWER_H;
      index++;
    } else units[length++] = unit === LOWER_Y ? LOWER_I : unit;
  }
  if (end - start <= LONGEST_CALENDAR_WORD && CALENDAR_HASHES.has(lowerHash)) {
    if (CALENDAR_WORDS.has(text.slice(start, end).toLowerCase())) return;
  }
  // A doubled letter keeps one, the pair consumed, as the third replacement does; the hash is taken on the way.
  let hash = PREFIX_HASH;
  let written = first + 1;
  for (let read = first + 1; read < length; read++) {
    const unit = units[read] as number;
    units[written++] = unit;
    hash = fnv(hash, unit);
    if (unit >= LOWER_A && unit <= LOWER_Z && read + 1 < length && units[read + 1] === unit) read++;
  }
  KEY_LENGTH = written;
  pushKey(first, hash);
}

/** `addName` for a name with a character outside ASCII: through the regular expressions. */
function addNonAsciiName(name: string): void {
  if (name.length <= LONGEST_CALENDAR_WORD && CALENDAR_WORDS.has(name.toLowerCase())) return;
  const key = foldSpelling(name);
  if (key !== "") addKey(key);
}

/** Adds ENTITY_PREFIX + `key` to KEYS. */
function addKey(key: string): void {
  reserveKeyUnits(key.length + 1);
  const first = KEY_LENGTH;
  KEY_UNITS[first] = ENTITY_PREFIX_UNIT;
  let hash = PREFIX_HASH;
  for (let index = 0; index < key.length; index++) {
    const unit = key.charCodeAt(index);
    if (unit >= HIGH_SURROGATE && unit <= LAST_SURROGATE) KEY_SURROGATES = true;
    KEY_UNITS[first + 1 + index] = unit;
    hash = fnv(hash, unit);
  }
  KEY_LENGTH = first + 1 + key.length;
  pushKey(first, hash);
}

function lowerAscii(unit: number): number {
  return unit >= UPPER_A && unit <= UPPER_Z ? unit | CASE_BIT : unit;
}

/** `units[0, length)` as a string, in chunks (a spread of a very long name would exceed the argument limit). */
function unitsToString(units: Uint16Array, length: number): string {
  let text = "";
  for (let from = 0; from < length; from += STRING_CHUNK)
    text += String.fromCharCode(...units.subarray(from, Math.min(length, from + STRING_CHUNK)));
  return text;
}

/** Units per String.fromCharCode call: well under the engine's argument limit. */
const STRING_CHUNK = 4_096;
const ENTITY_PREFIX_UNIT = ENTITY_PREFIX.charCodeAt(0);
const PREFIX_HASH = termHash(ENTITY_PREFIX);
const HIGH_SURROGATE = 0xd800;
const LAST_SURROGATE = 0xdfff;
const UPPER_A = 0x41;
const UPPER_Z = 0x5a;
const CASE_BIT = 0x20;
const LOWER_H = 0x68;
const LOWER_I = 0x69;
const LOWER_K = 0x6b;
const LOWER_Y = 0x79;

/** Capitalised in English but not names: calendar words would make every report of a week look alike. */
const CALENDAR_WORDS = new Set(
  (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august " +
    "september october november december today yesterday tomorrow"
  ).split(" "),
);

/** A longer name cannot be a calendar word: the lower-cased copy and the lookup are skipped. */
const LONGEST_CALENDAR_WORD = Math.max(...[...CALENDAR_WORDS].map((word) => word.length));

/** Calendar words by the hash of their (lower-case) spelling, to test an ASCII name without a string. */
const CALENDAR_HASHES = new Set([...CALENDAR_WORDS].map(termHash));

/** White space as `\s` matches it; printable ASCII (most of a text) is answered without the class table. */
function isSpace(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit > SPACE_UNIT && unit < ASCII_END) return false;
  return (classAt(text, index) & SPACE) !== 0;
}

/** Ends a sentence when white space follows: . ! ? : ; and straight or curly double quotes. */
function endsSentence(unit: number): boolean {
  return (
    unit === 0x2e ||
    unit === 0x21 ||
    unit === 0x3f ||
    unit === 0x3a ||
    unit === 0x3b ||
    unit === 0x22 ||
    unit === 0x201c ||
    unit === 0x201d
  );
}

/**
 * Capitalised words not opening a sentence, appended to `names`: a stand-in for names when no entities are given. A
 * title in Title Case capitalises every word, so a title is used only when most of its words are lower-case.
 *
 * A scanner, equivalent to splitting into sentences at a sentence mark followed by white space or at line breaks,
 * then into words at white space, and trimming each word's non-letters, but without the per-word regular
 * expressions (they were the costliest part of reading an article). A body's words are judged as they are met; a
 * title's are held until its sentence ends, to count its capitals first.
 */
function capitalisedWords(text: string, isTitle: boolean, names: number[]): void {
  const bounds = TITLE_WORDS;
  bounds.length = 0;
  const length = text.length;
  /** Position of the next word in its sentence. */
  let word = 0;
  let index = 0;
  while (index < length) {
    if (isSpace(text, index)) {
      if (text.charCodeAt(index) === NEWLINE) {
        if (isTitle) titleNames(text, bounds, names);
        word = 0;
      }
      index++;
      continue;
    }
    const start = index;
    while (index < length && !isSpace(text, index)) index++;
    // A sentence mark followed by white space ends the sentence and is not part of the word.
    const ends = index < length && endsSentence(text.charCodeAt(index - 1));
    const end = ends ? index - 1 : index;
    if (end > start) {
      if (isTitle) bounds.push(start, end);
      else if (word > 0) nameOf(text, start, end, names);
      word++;
    }
    if (ends) {
      if (isTitle) titleNames(text, bounds, names);
      word = 0;
    }
  }
  if (isTitle) titleNames(text, bounds, names);
}

/**
 * A word that can be a name: white space, then a character that is not white space, a lower-case ASCII letter or a
 * digit. `test` with `lastIndex` finds each one natively without building a match object.
 */
const NAME_START = /\s[^\sa-z0-9]/g;

/**
 * `capitalisedWords(text, false, names)` for a body, faster: instead of reading every character in a loop, a
 * regular expression finds the few words that can be names, and each is placed in its sentence by looking back at
 * the white space and the word before it. The first word of a text opens its sentence, so it is never a name.
 */
function bodyNames(text: string, names: number[]): void {
  const length = text.length;
  NAME_START.lastIndex = 0;
  while (NAME_START.test(text)) {
    const start = NAME_START.lastIndex - 1;
    let index = start;
    while (index < length && !isSpace(text, index)) index++;
    const end = index < length && endsSentence(text.charCodeAt(index - 1)) ? index - 1 : index;
    // The word after it is found from its end: the next match is at least one white-space character away.
    NAME_START.lastIndex = index;
    if (end > start && !opensSentence(text, start)) nameOf(text, start, end, names);
  }
}

/**
 * True when the word starting at `start` (after white space) is the first of its sentence: a line break in the
 * white space before it, a sentence mark ending the word before that, or no word before it at all.
 */
function opensSentence(text: string, start: number): boolean {
  let index = start - 1;
  while (index >= 0 && isSpace(text, index)) {
    if (text.charCodeAt(index) === NEWLINE) return true;
    index--;
  }
  return index < 0 || endsSentence(text.charCodeAt(index));
}

/** Word bounds (start, end pairs) of a title's current sentence: reused. */
const TITLE_WORDS: number[] = [];

/** The names among one title sentence's words, unless most of them are capitalised; empties `bounds`. */
function titleNames(text: string, bounds: number[], names: number[]): void {
  const words = bounds.length / 2;
  let capitalised = 0;
  for (let word = 0; word < words; word++) if ((classAt(text, bounds[2 * word] as number) & UPPER) !== 0) capitalised++;
  if (capitalised * 2 <= words)
    for (let word = 1; word < words; word++)
      nameOf(text, bounds[2 * word] as number, bounds[2 * word + 1] as number, names);
  bounds.length = 0;
}

/**
 * The word `text[start, end)` (not opening its sentence), trimmed, appended to `names` as a start, end pair when it
 * looks like a name (calendar words are left to `sendName`).
 */
function nameOf(text: string, start: number, end: number, names: number[]): void {
  // Most words start with a lower-case ASCII letter or a digit and can never be a name: skip them first.
  const first = text.charCodeAt(start);
  if ((first >= LOWER_A && first <= LOWER_Z) || (first >= DIGIT_0 && first <= DIGIT_9)) return;
  while (start < end && (classAt(text, start) & WORD) === 0) start += unitsAt(text, start);
  while (end > start && (classAt(text, end - unitsBefore(text, end)) & WORD) === 0) end -= unitsBefore(text, end);
  const last = text.charCodeAt(end - 2);
  if (end - start >= 2 && text.charCodeAt(end - 1) === LOWER_S && (last === APOSTROPHE || last === RIGHT_QUOTE))
    end -= 2;
  if (end - start < 3) return;
  if ((classAt(text, start) & UPPER) === 0) return;
  if ((classAt(text, start + unitsAt(text, start)) & LOWER) === 0) return;
  names.push(start, end);
}

/** UTF-16 units of the code point that ends just before `end`: 2 for a surrogate pair, else 1. */
function unitsBefore(text: string, end: number): number {
  const low = text.charCodeAt(end - 1);
  if (low < 0xdc00 || low > 0xdfff || end < 2) return 1;
  const high = text.charCodeAt(end - 2);
  return high >= 0xd800 && high <= 0xdbff ? 2 : 1;
}
