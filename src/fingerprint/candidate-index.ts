import { combine32 } from "./hash.js";
import { CONTENT_BINS, SHINGLE_BINS, type Sketch } from "./sketch.js";

/**
 * Classic LSH banding over the shingle MinHash: 8 bands of 4 rows (32 of the 64 bins). A near-copy at resemblance
 * 0.7 collides in some band with probability 1 - (1 - 0.24)^8 = 89%, an unrelated pair (resemblance < 0.05) with
 * about 5e-5. Bands over content words were tried for rewrites and dropped: news articles share topic words, so at
 * a million articles every band bucket filled with unrelated articles. Rewrites come through fact pairs instead.
 */
export const BAND_ROWS = 4;
export const BANDS = 8;
/**
 * Anchors stored per article (the lowest hashes of its sampled shingles). A short article contained in a long one
 * matches on any of its own anchors, and the lowest ones are the ones both keep. 24 x ~17 B keeps the index small.
 */
export const MAX_STORED_ANCHORS = 24;
/** Fact pairs stored per article, lowest hashes first, for the same reason: a rewrite queries with all of its own. */
export const MAX_STORED_FACTS = 16;
/**
 * A hash bucket holding more postings than this holds a stock phrase ("percent of the budget"), a trailer or a
 * common name pair: it says nothing about copying, so lookups skip it without walking it. A wire story copied by
 * more outlets than this still links through its many other keys while they are rarer, and through the most recent
 * copies. Bounds lookup cost whatever the corpus size.
 */
export const STOCK_KEY_POSTINGS = 64;
/** Keys of each kind a query looks up; a 5 KB article has ~45 anchors and ~45 fact pairs. */
const MAX_QUERY_KEYS = 96;
/**
 * Candidates must share at least this many keys. One shared key is a coincidence (a name and a year, a phrase around
 * a place name); a copy, a cut or a rewrite shares many. Articles too short to hold two keys are stubs.
 */
export const MIN_SHARED_KEYS = 2;
/**
 * ...unless either side is short: a three-sentence brief cut from a long article holds only a handful of anchors,
 * of which the long article stores a few. Then one shared key makes a candidate, and the verifier decides.
 */
const SHORT_ARTICLE_KEYS = 10;
/** A lookup reads at most this many postings of one key, most recent first. */
export const MAX_POSTINGS_PER_KEY = 32;
/** Stored sketches keep the low 16 bits of each bin (b-bit MinHash): a false bin match costs 1/65536. */
const STORED_SKETCH_WORDS = SHINGLE_BINS + CONTENT_BINS;
/** Rebuild the arrays when this share of slots belongs to evicted articles. */
const COMPACT_DEAD_SHARE = 0.5;
const MIN_COMPACT_SLOTS = 1024;
/** Growth factor for the typed arrays: 1.5 wastes at most a third of capacity, doubling up to a half. */
const GROWTH = 1.5;
const BAND_SEED = 0x6a09e667;
/** Keeps fact-pair keys apart from anchor keys in the shared table. */
const FACT_TAG = 0x5be0cd19;

export interface CandidateIndexOptions {
  /** Evict articles published more than this long before the newest one (milliseconds). Bounds memory for a stream. */
  windowMs?: number;
  /** Presize for this many articles, so the arrays do not over-allocate while growing. */
  expectedArticles?: number;
}

export interface Candidate {
  id: string;
  /** Estimated Jaccard resemblance of word 4-shingles. */
  resemblance: number;
  /** Estimated Jaccard of content-word sets. */
  contentSimilarity: number;
  /** Anchors shared with the query (containment and near-copy signal). */
  anchorHits: number;
  /** LSH bands shared with the query (near-copy signal). */
  bandHits: number;
  /** Fact pairs shared with the query (rewrite signal). */
  factHits: number;
  /** Shared anchors over the stored anchors of the smaller side: near 1 for copies and for a cut inside a longer text. */
  anchorContainment: number;
  /** Shared fact pairs over the stored fact pairs of the smaller side: high for rewrites. */
  factContainment: number;
}

export interface CandidateIndexStats {
  articles: number;
  entries: number;
  /** Bytes held by the index's typed arrays (capacity, not just use), plus an estimate for the id strings. */
  bytes: number;
}

function parseTime(publishedAt: string | number | null | undefined): number {
  if (typeof publishedAt === "number") return publishedAt;
  if (!publishedAt) return Number.NaN;
  return Date.parse(publishedAt);
}

export function bandKeys(sketch: Sketch): Uint32Array {
  const keys = new Uint32Array(BANDS);
  for (let band = 0; band < BANDS; band++) {
    let h = BAND_SEED + band;
    for (let row = 0; row < BAND_ROWS; row++) {
      h = combine32(h, sketch.shingles[band * BAND_ROWS + row] as number);
    }
    keys[band] = h;
  }
  return keys;
}

/**
 * Candidate lookup for copy detection. Keys (LSH bands and anchors) live in one chained hash table on typed arrays:
 * ~12 B per entry plus ~5 B of bucket, so an article costs well under 1.5 KB with its 16-bit sketch.
 * Lookup walks only the chains of the query's keys, never the stored articles.
 */
export class CandidateIndex {
  readonly #windowMs: number;
  #ids: (string | undefined)[] = [];
  #times: Float64Array;
  #sketches: Uint16Array;
  #slots = 0;
  #live = 0;
  #oldest = 0;
  #newestTime = Number.NEGATIVE_INFINITY;

  #keys: Uint32Array;
  #slotOf: Uint32Array;
  #next: Int32Array;
  #entries = 0;
  #heads: Int32Array;
  /** Postings per bucket, saturating at 255: the stock-key test without walking the chain. */
  #chainLength: Uint8Array;
  #mask: number;

  #keyCounts: Uint8Array;
  #seen: Uint32Array;
  #seenIndex: Int32Array;
  #stamp = 0;

  constructor(options: CandidateIndexOptions = {}) {
    this.#windowMs = options.windowMs ?? Number.POSITIVE_INFINITY;
    const articles = Math.max(64, options.expectedArticles ?? 1024);
    this.#times = new Float64Array(articles);
    this.#sketches = new Uint16Array(articles * STORED_SKETCH_WORDS);
    this.#keyCounts = new Uint8Array(articles * 2);
    this.#seen = new Uint32Array(articles);
    this.#seenIndex = new Int32Array(articles);
    const entries = articles * (BANDS + MAX_STORED_ANCHORS + MAX_STORED_FACTS);
    this.#keys = new Uint32Array(entries);
    this.#slotOf = new Uint32Array(entries);
    this.#next = new Int32Array(entries);
    const buckets = 2 ** Math.ceil(Math.log2(entries));
    this.#heads = new Int32Array(buckets).fill(-1);
    this.#chainLength = new Uint8Array(buckets);
    this.#mask = buckets - 1;
  }

  /** Articles currently indexed (evicted ones excluded). */
  get size(): number {
    return this.#live;
  }

  add(id: string, sketch: Sketch, publishedAt?: string | number | null): void {
    const time = parseTime(publishedAt);
    if (time > this.#newestTime) this.#newestTime = time;
    this.#evictOutsideWindow();
    const slot = this.#slots;
    if (slot === this.#times.length) this.#growSlots();
    this.#ids[slot] = id;
    this.#times[slot] = time;
    const base = slot * STORED_SKETCH_WORDS;
    for (let i = 0; i < SHINGLE_BINS; i++) this.#sketches[base + i] = sketch.shingles[i] as number;
    for (let i = 0; i < CONTENT_BINS; i++) this.#sketches[base + SHINGLE_BINS + i] = sketch.content[i] as number;
    this.#slots++;
    this.#live++;
    // Articles with no word at all have nothing to match on; their sketch is all sentinels.
    if (sketch.words === 0) return;
    const bands = bandKeys(sketch);
    for (const key of bands) this.#insert(key, slot);
    const anchors = Math.min(sketch.anchors.length, MAX_STORED_ANCHORS);
    const facts = Math.min(sketch.facts.length, MAX_STORED_FACTS);
    this.#keyCounts[slot * 2] = anchors;
    this.#keyCounts[slot * 2 + 1] = facts;
    for (let i = 0; i < anchors; i++) this.#insert(sketch.anchors[i] as number, slot);
    for (let i = 0; i < facts; i++) this.#insert(((sketch.facts[i] as number) ^ FACT_TAG) >>> 0, slot);
  }

  /** Ids of indexed articles sharing at least `MIN_SHARED_KEYS` bands, anchors or fact pairs with the sketch. */
  candidates(sketch: Sketch): string[] {
    return this.query(sketch).map((candidate) => candidate.id);
  }

  /** Candidates with the sketch estimates a caller needs to decide which pairs to verify. */
  query(sketch: Sketch): Candidate[] {
    if (sketch.words === 0 || this.#live === 0) return [];
    this.#stamp = (this.#stamp + 1) >>> 0;
    if (this.#stamp === 0) {
      this.#seen.fill(0);
      this.#stamp = 1;
    }
    const found: number[] = [];
    const anchorHits: number[] = [];
    const bandHits: number[] = [];
    const factHits: number[] = [];
    const hits = [bandHits, anchorHits, factHits];
    const visit = (key: number, kind: 0 | 1 | 2): void => {
      let matches = 0;
      const bucket = key & this.#mask;
      if ((this.#chainLength[bucket] as number) > STOCK_KEY_POSTINGS) return;
      for (let e = this.#heads[bucket] as number; e >= 0; e = this.#next[e] as number) {
        if (this.#keys[e] !== key) continue;
        if (++matches > MAX_POSTINGS_PER_KEY) return;
        const slot = this.#slotOf[e] as number;
        if (this.#ids[slot] === undefined) continue;
        let index: number;
        if (this.#seen[slot] !== this.#stamp) {
          this.#seen[slot] = this.#stamp;
          index = found.length;
          this.#seenIndex[slot] = index;
          found.push(slot);
          anchorHits.push(0);
          bandHits.push(0);
          factHits.push(0);
        } else {
          index = this.#seenIndex[slot] as number;
        }
        const counter = hits[kind] as number[];
        counter[index] = (counter[index] as number) + 1;
      }
    };
    // The query uses all of its keys, not only the lowest that `add` stores: a short cut stored earlier holds anchors
    // that need not be among the lowest of the long article that contains it. Stock-key skipping bounds the cost.
    const anchors = Math.min(sketch.anchors.length, MAX_QUERY_KEYS);
    const facts = Math.min(sketch.facts.length, MAX_QUERY_KEYS);
    for (const key of bandKeys(sketch)) visit(key, 0);
    for (let i = 0; i < anchors; i++) visit(sketch.anchors[i] as number, 1);
    for (let i = 0; i < facts; i++) visit(((sketch.facts[i] as number) ^ FACT_TAG) >>> 0, 2);
    const result: Candidate[] = [];
    for (let i = 0; i < found.length; i++) {
      const slot = found[i] as number;
      const short =
        sketch.anchors.length + sketch.facts.length < SHORT_ARTICLE_KEYS ||
        (this.#keyCounts[slot * 2] as number) + (this.#keyCounts[slot * 2 + 1] as number) < SHORT_ARTICLE_KEYS;
      const shared = (anchorHits[i] as number) + (bandHits[i] as number) + (factHits[i] as number);
      if (shared < (short ? 1 : MIN_SHARED_KEYS)) continue;
      const base = slot * STORED_SKETCH_WORDS;
      let sameShingles = 0;
      for (let b = 0; b < SHINGLE_BINS; b++) {
        if (this.#sketches[base + b] === ((sketch.shingles[b] as number) & 0xffff)) sameShingles++;
      }
      let sameContent = 0;
      for (let b = 0; b < CONTENT_BINS; b++) {
        if (this.#sketches[base + SHINGLE_BINS + b] === ((sketch.content[b] as number) & 0xffff)) sameContent++;
      }
      result.push({
        id: this.#ids[slot] as string,
        resemblance: sameShingles / SHINGLE_BINS,
        contentSimilarity: sameContent / CONTENT_BINS,
        anchorHits: anchorHits[i] as number,
        bandHits: bandHits[i] as number,
        factHits: factHits[i] as number,
        anchorContainment:
          (anchorHits[i] as number) / Math.max(1, Math.min(anchors, this.#keyCounts[slot * 2] as number)),
        factContainment:
          (factHits[i] as number) / Math.max(1, Math.min(facts, this.#keyCounts[slot * 2 + 1] as number)),
      });
    }
    return result;
  }

  /** Drops every article published before `time` (ms since epoch) that the FIFO order has reached. */
  evictBefore(time: number): number {
    let evicted = 0;
    while (this.#oldest < this.#slots) {
      const slot = this.#oldest;
      if (this.#ids[slot] !== undefined) {
        const published = this.#times[slot] as number;
        // An undated article is kept until a dated neighbour behind it is evicted: dates are what bound the window.
        if (!(published < time)) break;
        this.#ids[slot] = undefined;
        this.#live--;
        evicted++;
      }
      this.#oldest++;
    }
    const dead = this.#slots - this.#live;
    if (dead >= MIN_COMPACT_SLOTS && dead >= this.#slots * COMPACT_DEAD_SHARE) this.#compact();
    return evicted;
  }

  stats(): CandidateIndexStats {
    const typed =
      this.#times.byteLength +
      this.#sketches.byteLength +
      this.#seen.byteLength +
      this.#seenIndex.byteLength +
      this.#keyCounts.byteLength +
      this.#keys.byteLength +
      this.#slotOf.byteLength +
      this.#next.byteLength +
      this.#heads.byteLength +
      this.#chainLength.byteLength;
    // A pointer per slot plus a short one-byte string (header + characters) per live id.
    let idBytes = this.#ids.length * 8;
    for (let slot = this.#oldest; slot < this.#slots; slot++) {
      const id = this.#ids[slot];
      if (id !== undefined) idBytes += 16 + id.length;
    }
    return { articles: this.#live, entries: this.#entries, bytes: typed + idBytes };
  }

  #evictOutsideWindow(): void {
    if (!Number.isFinite(this.#windowMs) || !Number.isFinite(this.#newestTime)) return;
    this.evictBefore(this.#newestTime - this.#windowMs);
  }

  #insert(key: number, slot: number): void {
    if (this.#entries === this.#keys.length) this.#growEntries();
    const e = this.#entries++;
    const bucket = key & this.#mask;
    this.#keys[e] = key;
    this.#slotOf[e] = slot;
    this.#next[e] = this.#heads[bucket] as number;
    this.#heads[bucket] = e;
    if ((this.#chainLength[bucket] as number) < 255)
      this.#chainLength[bucket] = (this.#chainLength[bucket] as number) + 1;
  }

  #growSlots(): void {
    const capacity = Math.ceil(this.#times.length * GROWTH);
    const times = new Float64Array(capacity);
    times.set(this.#times);
    this.#times = times;
    const sketches = new Uint16Array(capacity * STORED_SKETCH_WORDS);
    sketches.set(this.#sketches);
    this.#sketches = sketches;
    const seen = new Uint32Array(capacity);
    seen.set(this.#seen);
    this.#seen = seen;
    this.#seenIndex = new Int32Array(capacity);
    const keyCounts = new Uint8Array(capacity * 2);
    keyCounts.set(this.#keyCounts);
    this.#keyCounts = keyCounts;
  }

  #growEntries(): void {
    const capacity = Math.ceil(this.#keys.length * GROWTH);
    const keys = new Uint32Array(capacity);
    keys.set(this.#keys);
    const slotOf = new Uint32Array(capacity);
    slotOf.set(this.#slotOf);
    this.#keys = keys;
    this.#slotOf = slotOf;
    this.#next = new Int32Array(capacity);
    this.#rehash(2 ** Math.ceil(Math.log2(capacity)));
  }

  /** Relinks entries in insertion order, so each chain still lists the most recent posting first. */
  #rehash(buckets: number): void {
    if (buckets !== this.#heads.length) {
      this.#heads = new Int32Array(buckets);
      this.#chainLength = new Uint8Array(buckets);
    }
    this.#heads.fill(-1);
    this.#chainLength.fill(0);
    this.#mask = buckets - 1;
    for (let e = 0; e < this.#entries; e++) {
      const bucket = (this.#keys[e] as number) & this.#mask;
      this.#next[e] = this.#heads[bucket] as number;
      this.#heads[bucket] = e;
      if ((this.#chainLength[bucket] as number) < 255)
        this.#chainLength[bucket] = (this.#chainLength[bucket] as number) + 1;
    }
  }

  /** Moves live articles and their entries to the front of the arrays, so a windowed stream stays bounded. */
  #compact(): void {
    const remap = new Int32Array(this.#slots).fill(-1);
    let slots = 0;
    for (let slot = this.#oldest; slot < this.#slots; slot++) {
      if (this.#ids[slot] === undefined) continue;
      remap[slot] = slots;
      this.#ids[slots] = this.#ids[slot];
      this.#times[slots] = this.#times[slot] as number;
      this.#keyCounts[slots * 2] = this.#keyCounts[slot * 2] as number;
      this.#keyCounts[slots * 2 + 1] = this.#keyCounts[slot * 2 + 1] as number;
      this.#sketches.copyWithin(
        slots * STORED_SKETCH_WORDS,
        slot * STORED_SKETCH_WORDS,
        (slot + 1) * STORED_SKETCH_WORDS,
      );
      slots++;
    }
    this.#ids.length = slots;
    let entries = 0;
    for (let e = 0; e < this.#entries; e++) {
      const slot = remap[this.#slotOf[e] as number] as number;
      if (slot < 0) continue;
      this.#keys[entries] = this.#keys[e] as number;
      this.#slotOf[entries] = slot;
      entries++;
    }
    this.#slots = slots;
    this.#live = slots;
    this.#oldest = 0;
    this.#entries = entries;
    this.#seen.fill(0);
    this.#stamp = 0;
    this.#rehash(this.#heads.length);
  }
}
