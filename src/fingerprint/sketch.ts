import { foldCase, isDigit, isUpper, isWordChar } from "./characters.js";
import { combine32, FNV_OFFSET, FNV_PRIME, mix32 } from "./hash.js";
import { STOPWORD_HASHES } from "./stopwords.js";

/**
 * Words per shingle for the sketch. Four words are specific enough that two unrelated articles in a million rarely
 * share one by chance, and a 5% word edit rate still leaves ~80% of shingles intact.
 */
export const SKETCH_SHINGLE_WORDS = 4;
/** One-permutation MinHash bins over shingles: 64 x 4 bytes = 256 B, resemblance error ~ +-0.06 at J = 0.5. */
export const SHINGLE_BINS = 64;
/** Bins over content words (the rewrite signal): rewrites keep names, numbers and rare words but not word order. */
export const CONTENT_BINS = 32;
/**
 * Anchors are shingles sampled by hash value (1 in 8 of the shingles that hold a name or a figure). Sampling by
 * value, not by position, is what gives containment: every anchor of a short article is also an anchor of any long
 * article that contains its text. Shingles without a name or figure are stock phrases ("percent of the budget",
 * "a member of the") shared by thousands of unrelated articles, and would flood the index buckets.
 */
export const ANCHOR_SAMPLE_SHIFT = 3;
/**
 * Fact pairs: two key tokens (numbers, capitalised names) of one sentence, hashed as an unordered pair and sampled
 * 1 in 4 by value. A paraphrase rewords a sentence but keeps "Varga ... 12 million" together, so rewrites share fact
 * pairs; unrelated articles almost never do, which makes them a far sharper rewrite key than content-word bands.
 */
export const FACT_SAMPLE_SHIFT = 2;
/** Numbers shorter than this are too common to identify a fact ("3", "12"); "4769", "2019" do. */
const MIN_KEY_NUMBER_LENGTH = 3;
/** Key tokens per sentence used for pairs: bounds the pair count of a sentence that is a list of names. */
const MAX_KEYS_PER_SENTENCE = 8;
/** Words shorter than this are content words only when they hold a digit ("12", "3pm"); "war"/"tax" still count. */
const MIN_CONTENT_WORD_LENGTH = 3;

const EMPTY = 0xffffffff;
const SHINGLE_BIN_SHIFT = 32 - Math.log2(SHINGLE_BINS);
const CONTENT_BIN_SHIFT = 32 - Math.log2(CONTENT_BINS);
/** Seeds that make the anchor hash independent of the bin hash (otherwise anchors would all fall in bins 0..3). */
const ANCHOR_SEED = 0x3c6ef372;
const CONTENT_SEED = 0x1b873593;

export interface Sketch {
  /** One-permutation MinHash with densification over word 4-shingles. */
  shingles: Uint32Array;
  /** The same over the set of content words. */
  content: Uint32Array;
  /** All sampled anchor hashes, ascending and distinct. */
  anchors: Uint32Array;
  /** All sampled fact-pair hashes, ascending and distinct. */
  facts: Uint32Array;
  /** Number of words, so callers can ignore articles too short to judge. */
  words: number;
}

// Reused scratch: sketching is single-threaded and hot, and a 5 KB article has ~900 words.
let wordScratch = new Uint32Array(2048);
let contentScratch = new Uint8Array(2048);

/** Stopword hashes in an open-addressing table: a `Set<number>` lookup per word was a third of the sketch time. */
const STOP_TABLE_BITS = 10;
const STOP_TABLE = (() => {
  const table = new Uint32Array(1 << STOP_TABLE_BITS);
  for (const hash of STOPWORD_HASHES) {
    let i = hash & ((1 << STOP_TABLE_BITS) - 1);
    while (table[i] !== 0) i = (i + 1) & ((1 << STOP_TABLE_BITS) - 1);
    table[i] = hash;
  }
  return table;
})();

function isStopword(hash: number): boolean {
  let i = hash & ((1 << STOP_TABLE_BITS) - 1);
  for (;;) {
    const entry = STOP_TABLE[i] as number;
    if (entry === hash) return true;
    if (entry === 0) return false;
    i = (i + 1) & ((1 << STOP_TABLE_BITS) - 1);
  }
}

/** Per ASCII code: 1 word character, 2 digit, 4 uppercase; the scan only calls the general tests above 0x7f. */
const ASCII_CLASS = (() => {
  const table = new Uint8Array(128);
  for (let c = 48; c <= 57; c++) table[c] = 3;
  for (let c = 65; c <= 90; c++) table[c] = 5;
  for (let c = 97; c <= 122; c++) table[c] = 1;
  return table;
})();

const CONTENT = 1;
const KEY = 2;
const SENTENCE_START = 4;

function scanWords(text: string): number {
  let count = 0;
  let h = FNV_OFFSET;
  let length = 0;
  let digit = false;
  let upper = false;
  // The first word of the text starts a sentence; a gap holding . ! ? or a paragraph break starts the next one.
  let sentenceStart = true;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? text.charCodeAt(i) : 32;
    if (code < 128) {
      const cls = ASCII_CLASS[code] as number;
      if (cls !== 0) {
        if (length === 0) upper = (cls & 4) !== 0;
        h = Math.imul(h ^ (code | ((cls & 4) << 3)), FNV_PRIME);
        length++;
        if (cls & 2) digit = true;
        continue;
      }
    } else if (isWordChar(code)) {
      if (length === 0) upper = isUpper(code);
      h = Math.imul(h ^ foldCase(code), FNV_PRIME);
      length++;
      if (isDigit(code)) digit = true;
      continue;
    }
    if (length === 0) {
      if (code === 46 || code === 33 || code === 63 || code === 10) sentenceStart = true;
      continue;
    }
    if (count === wordScratch.length) {
      const grown = new Uint32Array(count * 2);
      grown.set(wordScratch);
      wordScratch = grown;
      const grownFlags = new Uint8Array(count * 2);
      grownFlags.set(contentScratch);
      contentScratch = grownFlags;
    }
    const word = mix32(h);
    wordScratch[count] = word;
    const content = digit || (length >= MIN_CONTENT_WORD_LENGTH && !isStopword(word));
    // Short numbers ("12 percent", "5 years") recur in every article; names and longer figures identify a fact.
    const key = content && ((digit && length >= MIN_KEY_NUMBER_LENGTH) || (upper && !sentenceStart && !digit));
    contentScratch[count] = (content ? CONTENT : 0) | (key ? KEY : 0) | (sentenceStart ? SENTENCE_START : 0);
    count++;
    h = FNV_OFFSET;
    length = 0;
    digit = false;
    // A decimal point or an abbreviation also lands here; a spurious sentence start only drops a few pairs.
    sentenceStart = code === 46 || code === 33 || code === 63 || code === 10;
  }
  return count;
}

/** Scratch copy of the bins for densification; sized for the larger of the two sketches. */
const densifyScratch = new Uint32Array(Math.max(SHINGLE_BINS, CONTENT_BINS));

/**
 * Fills empty bins from the next non-empty bin to the right (rotation densification, Shrivastava & Li 2014), salted
 * by the distance so two sketches only agree on a borrowed bin when they agree on the bin it came from.
 */
function densify(bins: Uint32Array): void {
  const k = bins.length;
  const original = densifyScratch;
  let filled = 0;
  for (let i = 0; i < k; i++) {
    original[i] = bins[i] as number;
    if (bins[i] !== EMPTY) filled++;
  }
  if (filled === 0 || filled === k) return;
  for (let i = 0; i < k; i++) {
    if (original[i] !== EMPTY) continue;
    let j = i;
    let distance = 0;
    do {
      j = (j + 1) % k;
      distance++;
    } while (original[j] === EMPTY);
    bins[i] = combine32(original[j] as number, distance);
  }
}

// Sampled anchors and fact pairs of the article being sketched; grown on demand like the word scratch.
let anchorScratch: Uint32Array<ArrayBuffer> = new Uint32Array(256);
let factScratch: Uint32Array<ArrayBuffer> = new Uint32Array(256);
const sentenceKeys = new Uint32Array(MAX_KEYS_PER_SENTENCE);

function grow(values: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const grown = new Uint32Array(values.length * 2);
  grown.set(values);
  return grown;
}

/** Sketches one article's text. Pure; about 20-40 us for 5 KB. */
export function sketchText(text: string): Sketch {
  const words = scanWords(text);
  const shingles = new Uint32Array(SHINGLE_BINS).fill(EMPTY);
  const content = new Uint32Array(CONTENT_BINS).fill(EMPTY);
  let anchorCount = 0;
  const w = wordScratch;
  const last = words - SKETCH_SHINGLE_WORDS;
  const flags = contentScratch;
  for (let i = 0; i <= last; i++) {
    const h = mix32(
      Math.imul(w[i] as number, 0x2545f491) ^
        Math.imul(w[i + 1] as number, 0x9e3779b1) ^
        Math.imul(w[i + 2] as number, 0x85ebca77) ^
        Math.imul(w[i + 3] as number, 0xc2b2ae3d),
    );
    const bin = h >>> SHINGLE_BIN_SHIFT;
    if (h < (shingles[bin] as number)) shingles[bin] = h;
    const keyed =
      ((flags[i] as number) | (flags[i + 1] as number) | (flags[i + 2] as number) | (flags[i + 3] as number)) & KEY;
    if (keyed === 0) continue;
    const anchor = mix32(h ^ ANCHOR_SEED);
    if (anchor >>> (32 - ANCHOR_SAMPLE_SHIFT) !== 0) continue;
    if (anchorCount === anchorScratch.length) anchorScratch = grow(anchorScratch);
    anchorScratch[anchorCount++] = anchor;
  }
  // Articles shorter than one shingle still get a sketch from their words, so identical short texts compare equal.
  if (last < 0) {
    for (let i = 0; i < words; i++) {
      const h = mix32(w[i] as number);
      const bin = h >>> SHINGLE_BIN_SHIFT;
      if (h < (shingles[bin] as number)) shingles[bin] = h;
    }
  }
  let factCount = 0;
  let keyCount = 0;
  // One pass more than there are words: the extra step flushes the last sentence's pairs.
  for (let i = 0; i <= words; i++) {
    const wordFlags = i < words ? (flags[i] as number) : SENTENCE_START;
    if (wordFlags & SENTENCE_START) {
      for (let x = 0; x < keyCount; x++) {
        for (let y = x + 1; y < keyCount; y++) {
          const a = sentenceKeys[x] as number;
          const b = sentenceKeys[y] as number;
          if (a === b) continue;
          const pair = a < b ? combine32(a, b) : combine32(b, a);
          if (pair >>> (32 - FACT_SAMPLE_SHIFT) !== 0) continue;
          if (factCount === factScratch.length) factScratch = grow(factScratch);
          factScratch[factCount++] = pair;
        }
      }
      keyCount = 0;
      if (i === words) break;
    }
    if (wordFlags & KEY && keyCount < MAX_KEYS_PER_SENTENCE) sentenceKeys[keyCount++] = w[i] as number;
    if ((wordFlags & CONTENT) === 0) continue;
    const h = mix32((w[i] as number) ^ CONTENT_SEED);
    const bin = h >>> CONTENT_BIN_SHIFT;
    if (h < (content[bin] as number)) content[bin] = h;
  }
  densify(shingles);
  densify(content);
  const anchors = sortedDistinct(anchorScratch, anchorCount);
  const facts = sortedDistinct(factScratch, factCount);
  return { shingles, content, anchors, facts, words };
}

/** The first `count` values of a scratch buffer, copied, sorted ascending and deduplicated. */
function sortedDistinct(values: Uint32Array, count: number): Uint32Array {
  const sorted = values.slice(0, count).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i] as number;
  }
  return sorted.subarray(0, n);
}

/** Fraction of equal bins: an unbiased estimate of Jaccard resemblance for one-permutation hashing. */
export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  const k = Math.min(a.length, b.length);
  if (k === 0) return 0;
  let equal = 0;
  for (let i = 0; i < k; i++) if (a[i] === b[i] && a[i] !== EMPTY) equal++;
  return equal / k;
}
