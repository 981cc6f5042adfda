/**
 * Content-word tokens for lexical story grouping. Hand-written because it is small and tuned to the task:
 * lower-cased Unicode words, numbers kept (figures identify stories), a short stop list, crude plural folding.
 */
/** Words too common in news to tell stories apart; exported so tests can hold the scanner to the same list. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between both but by " +
    "can could did do does doing down during each few for from further had has have having he her here hers herself him himself " +
    "his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours out " +
    "over own said same says she should so some such than that the their theirs them themselves then there these they this " +
    "those through to too under until up very was we were what when where which while who whom why will with would you your " +
    "yours yourself mr mrs ms one two new told according year years week day days monday tuesday wednesday thursday friday " +
    "saturday sunday last first people"
  ).split(" "),
);

/** A token longer than every stop word cannot be one: its lookup is skipped. */
const LONGEST_STOP_WORD = Math.max(...[...STOP_WORDS].map((word) => word.length));

/** Words shorter than this carry too little to tell stories apart (and are mostly noise after folding). */
const MIN_TOKEN_LENGTH = 3;

/** A final "s" is folded away only from words this long: a shorter one is more often a word of its own (bus, gas). */
const MIN_PLURAL_LENGTH = 5;

/** Character classes of a code point, as bit flags (Unicode general categories L, N, Lu, Ll, and white space). */
export const LETTER = 1;
export const NUMBER = 2;
export const UPPER = 4;
export const LOWER = 8;
/** White space as `\s` matches it (all of it in the BMP). */
export const SPACE = 16;
/** Marks a cached entry as filled (a code point of no class caches as KNOWN alone). */
const KNOWN = 32;

/**
 * Classes of every UTF-16 unit of the Basic Multilingual Plane, filled on first sight from the Unicode regular
 * expressions: the tokenisers then read one byte per character instead of running a /u regular expression per
 * word (the regular expressions were most of the cost of reading an article). 64 KB, filled lazily.
 */
const BMP_CLASSES = new Uint8Array(65_536);
/** Classes of code points outside the BMP (historic scripts, mathematical letters, emoji): rare, cached as met. */
const ASTRAL_CLASSES = new Map<number, number>();

function classify(character: string): number {
  return (
    KNOWN |
    (/\p{L}/u.test(character) ? LETTER : 0) |
    (/\p{N}/u.test(character) ? NUMBER : 0) |
    (/\p{Lu}/u.test(character) ? UPPER : 0) |
    (/\p{Ll}/u.test(character) ? LOWER : 0) |
    (/\s/u.test(character) ? SPACE : 0)
  );
}

for (let unit = 0; unit < 128; unit++) BMP_CLASSES[unit] = classify(String.fromCharCode(unit));

/**
 * Classes of the code point at `index` (none for a lone surrogate, as in /u regular expressions). A surrogate pair
 * is one code point: `unitsAt` says how many units to step over.
 */
export function classAt(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  if (unit < 0xd800 || unit > 0xdfff) {
    const cached = BMP_CLASSES[unit] as number;
    if (cached !== 0) return cached;
    const computed = classify(String.fromCharCode(unit));
    BMP_CLASSES[unit] = computed;
    return computed;
  }
  const next = text.charCodeAt(index + 1);
  if (unit > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return KNOWN;
  const codePoint = ((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
  let cached = ASTRAL_CLASSES.get(codePoint);
  if (cached === undefined) {
    cached = classify(String.fromCodePoint(codePoint));
    ASTRAL_CLASSES.set(codePoint, cached);
  }
  return cached;
}

/** UTF-16 units of the code point at `index`: 2 for a surrogate pair, else 1. */
export function unitsAt(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  if (unit < 0xd800 || unit > 0xdbff) return 1;
  const next = text.charCodeAt(index + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const LOWER_S = 0x73;
const ASCII_END = 0x80;
const WORD = LETTER | NUMBER;

/**
 * FNV-1a over UTF-16 units: computed while scanning, so a token is looked up without first becoming a string. `fnv`
 * adds one unit to a hash; `termHash("")` is the starting value.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function fnv(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, FNV_PRIME);
}

/** The hash `scanTokens` gives a token, for a term held as a string. */
export function termHash(term: string): number {
  let hash = FNV_OFFSET;
  for (let index = 0; index < term.length; index++) hash = fnv(hash, term.charCodeAt(index));
  return hash;
}

/** True when `lower[start, end)` spells `term`. */
export function spells(term: string, lower: string, start: number, end: number): boolean {
  if (term.length !== end - start) return false;
  for (let index = 0; index < term.length; index++)
    if (term.charCodeAt(index) !== lower.charCodeAt(start + index)) return false;
  return true;
}

/** Stop words by hash: a token is checked without being cut out of the text. */
const STOP_WORDS_BY_HASH = new Map<number, string[]>();
for (const word of STOP_WORDS) {
  const hash = termHash(word);
  STOP_WORDS_BY_HASH.set(hash, [...(STOP_WORDS_BY_HASH.get(hash) ?? []), word]);
}

function isStopWord(lower: string, start: number, end: number, hash: number): boolean {
  if (end - start > LONGEST_STOP_WORD) return false;
  const words = STOP_WORDS_BY_HASH.get(hash);
  if (words === undefined) return false;
  for (const word of words) if (spells(word, lower, start, end)) return true;
  return false;
}

/**
 * The content tokens of one text as spans of its lower-cased copy: `lower.slice(starts[i], ends[i])` is token i,
 * `hashes[i]` its `termHash`, `figures[i]` 1 when it holds a number. Reused from text to text (grown on demand):
 * reading a token allocates nothing until a caller needs it as a string.
 */
export interface TokenSpans {
  lower: string;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  hashes: Int32Array;
  figures: Uint8Array;
}

export function tokenSpans(capacity = 64): TokenSpans {
  return {
    lower: "",
    count: 0,
    starts: new Int32Array(capacity),
    ends: new Int32Array(capacity),
    hashes: new Int32Array(capacity),
    figures: new Uint8Array(capacity),
  };
}

/**
 * Fills `spans` with the content tokens of `text`, at most `limit` of them (callers that read only the head need not
 * tokenise the rest). A scanner over character classes, equivalent to matching `[\p{L}\p{N}]+(?:['’]\p{L}+)?` on
 * the lower-cased text, dropping a final `'s`, short words and stop words, and folding a plural `s`, without a match
 * object or a string per word.
 */
export function scanTokens(text: string, spans: TokenSpans, limit = Number.POSITIVE_INFINITY): TokenSpans {
  const lower = text.toLowerCase();
  const length = lower.length;
  spans.lower = lower;
  spans.count = 0;
  let index = 0;
  while (index < length && spans.count < limit) {
    let unit = lower.charCodeAt(index);
    let units = unit < ASCII_END ? 1 : unitsAt(lower, index);
    let classes = unit < ASCII_END ? (BMP_CLASSES[unit] as number) : classAt(lower, index);
    if ((classes & WORD) === 0) {
      index += units;
      continue;
    }
    const start = index;
    let hash = FNV_OFFSET;
    // The hash without the last unit: the plural fold drops it.
    let previous = hash;
    let figure = 0;
    for (;;) {
      if ((classes & NUMBER) !== 0) figure = 1;
      previous = hash;
      hash = fnv(hash, unit);
      if (units === 2) {
        previous = hash;
        hash = fnv(hash, lower.charCodeAt(index + 1));
      }
      index += units;
      if (index >= length) break;
      unit = lower.charCodeAt(index);
      units = unit < ASCII_END ? 1 : unitsAt(lower, index);
      classes = unit < ASCII_END ? (BMP_CLASSES[unit] as number) : classAt(lower, index);
      if ((classes & WORD) === 0) break;
    }
    let end = index;
    if ((unit === APOSTROPHE || unit === RIGHT_QUOTE) && index + 1 < length && classAt(lower, index + 1) & LETTER) {
      let groupHash = fnv(hash, unit);
      let groupPrevious = hash;
      index++;
      while (index < length && (classAt(lower, index) & LETTER) !== 0) {
        groupPrevious = groupHash;
        groupHash = fnv(groupHash, lower.charCodeAt(index));
        if (unitsAt(lower, index) === 2) {
          groupPrevious = groupHash;
          groupHash = fnv(groupHash, lower.charCodeAt(index + 1));
          index++;
        }
        index++;
      }
      // A possessive ("council's") is the word itself.
      if (index - end !== 2 || lower.charCodeAt(index - 1) !== LOWER_S) {
        end = index;
        hash = groupHash;
        previous = groupPrevious;
      }
    }
    if (end - start < MIN_TOKEN_LENGTH || isStopWord(lower, start, end, hash)) continue;
    // Fold the most common English plural so "protest" and "protests" meet; longer stems are left alone on purpose.
    if (
      end - start >= MIN_PLURAL_LENGTH &&
      lower.charCodeAt(end - 1) === LOWER_S &&
      lower.charCodeAt(end - 2) !== LOWER_S
    ) {
      end--;
      hash = previous;
    }
    pushSpan(spans, start, end, hash, figure);
  }
  return spans;
}

/** Appends a token span (grows the arrays when full). */
export function pushSpan(spans: TokenSpans, start: number, end: number, hash: number, figure: number): void {
  const at = spans.count;
  if (at === spans.starts.length) {
    const grown = tokenSpans(at * 2);
    grown.starts.set(spans.starts);
    grown.ends.set(spans.ends);
    grown.hashes.set(spans.hashes);
    grown.figures.set(spans.figures);
    spans.starts = grown.starts;
    spans.ends = grown.ends;
    spans.hashes = grown.hashes;
    spans.figures = grown.figures;
  }
  spans.starts[at] = start;
  spans.ends[at] = end;
  spans.hashes[at] = hash;
  spans.figures[at] = figure;
  spans.count = at + 1;
}

/**
 * A copy of `text` that shares no memory with a longer string. V8 makes a substring of 13 or more units a view into
 * its parent, so a term cut from an article would keep the whole lower-cased article head alive as long as the
 * vocabulary holds the term.
 */
export function detach(text: string): string {
  if (text.length < SLICE_MIN_LENGTH) return text;
  const units: number[] = [];
  let copy = "";
  for (let index = 0; index < text.length; index++) {
    units.push(text.charCodeAt(index));
    if (units.length === DETACH_CHUNK) {
      copy += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return copy + String.fromCharCode(...units);
}

/** V8's shortest substring kept as a view of its parent (SlicedString::kMinLength). */
const SLICE_MIN_LENGTH = 13;
/** Units per String.fromCharCode call: well under the engine's argument limit. */
const DETACH_CHUNK = 4_096;

/** Scratch for `contentTokens`: it turns spans into strings straight away, so one set serves every call. */
const SCRATCH = tokenSpans();

/**
 * The content tokens of `text` as strings (see `scanTokens`). `starts`, when given, receives each token's offset in
 * `text`: callers weight tokens by where they occur. `limit` stops after that many tokens.
 */
export function contentTokens(text: string, starts?: number[], limit = Number.POSITIVE_INFINITY): string[] {
  const spans = scanTokens(text, SCRATCH, limit);
  const tokens: string[] = [];
  for (let i = 0; i < spans.count; i++) {
    tokens.push(spans.lower.slice(spans.starts[i] as number, spans.ends[i] as number));
    starts?.push(spans.starts[i] as number);
  }
  return tokens;
}
