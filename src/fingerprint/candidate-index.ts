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

/** The LSH band keys of a sketch, written into `into[0..BANDS)`: no allocation on the add/query path. */
export function writeBandKeys(sketch: Sketch, into: Uint32Array | Int32Array): void {
  for (let band = 0; band < BANDS; band++) {
    let h = BAND_SEED + band;
    for (let row = 0; row < BAND_ROWS; row++) {
      h = combine32(h, sketch.shingles[band * BAND_ROWS + row] as number);
    }
    into[band] = h;
  }
}

/** Words per posting in the entry table: key, slot, next. One posting is one cache line read, not three. */
const ENTRY_WORDS = 3;
const ENTRY_KEY = 0;
const ENTRY_SLOT = 1;
const ENTRY_NEXT = 2;
/** The most postings one query can read: every key it looks up, each capped at `MAX_POSTINGS_PER_KEY`. */
const MAX_QUERY_POSTINGS = (BANDS + 2 * MAX_QUERY_KEYS) * MAX_POSTINGS_PER_KEY;
/**
 * The query's slot -> counter table: open addressing at load <= 0.4, so a probe rarely takes a second step. Cells are
 * stamped with the query number, so no query clears it. It stays in cache, where per-slot `seen` arrays cost a random
 * memory read per posting at a million articles.
 */
const QUERY_TABLE_BITS = Math.ceil(Math.log2(MAX_QUERY_POSTINGS * 2.5));
const QUERY_TABLE_SIZE = 1 << QUERY_TABLE_BITS;
/**
 * A query reads a bucket's posting count only when its chain is at least this long: shorter chains cannot be stock
 * keys (`STOCK_KEY_POSTINGS`), and must be at most `MAX_POSTINGS_PER_KEY` so no key stops before the check.
 */
const STOCK_PEEK = 8;
/** Keys of one query: the bands, then the anchors, then the fact pairs. */
const MAX_KEYS_PER_QUERY = BANDS + 2 * MAX_QUERY_KEYS;

/**
 * Candidate lookup for copy detection. Keys (LSH bands, anchors, fact pairs) live in one chained hash table on a
 * single typed array of interleaved (key, slot, next) postings: ~12 B per posting plus ~5 B of bucket, so an article
 * costs well under 1.5 KB with its 16-bit sketch. Lookup walks only the chains of the query's keys, never the
 * stored articles, and counts hits in a small cache-resident table, so its cost stays flat as the index grows.
 */
export class CandidateIndex {
  readonly #windowMs: number;
  #ids: (string | undefined)[] = [];
  #times: Float64Array;
  #sketches: Uint16Array;
  #slots = 0;
  #live = 0;
  /** Slots below this one are evicted (eviction is FIFO), so a posting's liveness needs no per-slot read. */
  #oldest = 0;
  #newestTime = Number.NEGATIVE_INFINITY;

  /** Postings, `ENTRY_WORDS` per entry; keys are stored as int32 (`key | 0`). */
  #entryData: Int32Array;
  #entryCapacity: number;
  #entries = 0;
  #heads: Int32Array;
  /** Postings per bucket, saturating at 255: the stock-key test without walking the chain. */
  #chainLength: Uint8Array;
  #mask: number;

  #keyCounts: Uint8Array;

  // Query scratch, reused by every query.
  #queryKeys = new Int32Array(MAX_KEYS_PER_QUERY);
  #tableSlots = new Int32Array(QUERY_TABLE_SIZE);
  #tableStamps = new Uint32Array(QUERY_TABLE_SIZE);
  #stamp = 0;
  #tableIndex = new Int32Array(QUERY_TABLE_SIZE);
  #foundSlots = new Int32Array(MAX_QUERY_POSTINGS);
  /** Live postings of the key being walked, counted only once the key is known not to be a stock key. */
  #pendingSlots = new Int32Array(MAX_POSTINGS_PER_KEY);
  /** Hits per found slot: band, anchor, fact at 3i, 3i+1, 3i+2. */
  #foundHits = new Uint16Array(MAX_QUERY_POSTINGS * 3);

  constructor(options: CandidateIndexOptions = {}) {
    this.#windowMs = options.windowMs ?? Number.POSITIVE_INFINITY;
    const articles = Math.max(64, options.expectedArticles ?? 1024);
    this.#times = new Float64Array(articles);
    this.#sketches = new Uint16Array(articles * STORED_SKETCH_WORDS);
    this.#keyCounts = new Uint8Array(articles * 2);
    const entries = articles * (BANDS + MAX_STORED_ANCHORS + MAX_STORED_FACTS);
    this.#entryCapacity = entries;
    this.#entryData = new Int32Array(entries * ENTRY_WORDS);
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
    const stored = this.#sketches;
    for (let i = 0; i < SHINGLE_BINS; i++) stored[base + i] = sketch.shingles[i] as number;
    for (let i = 0; i < CONTENT_BINS; i++) stored[base + SHINGLE_BINS + i] = sketch.content[i] as number;
    this.#slots++;
    this.#live++;
    // Articles with no word at all have nothing to match on; their sketch is all sentinels.
    if (sketch.words === 0) return;
    const keys = this.#queryKeys;
    writeBandKeys(sketch, keys);
    for (let band = 0; band < BANDS; band++) this.#insert(keys[band] as number, slot);
    const anchors = Math.min(sketch.anchors.length, MAX_STORED_ANCHORS);
    const facts = Math.min(sketch.facts.length, MAX_STORED_FACTS);
    this.#keyCounts[slot * 2] = anchors;
    this.#keyCounts[slot * 2 + 1] = facts;
    for (let i = 0; i < anchors; i++) this.#insert(sketch.anchors[i] as number, slot);
    for (let i = 0; i < facts; i++) this.#insert((sketch.facts[i] as number) ^ FACT_TAG, slot);
  }

  /** Ids of indexed articles sharing at least `MIN_SHARED_KEYS` bands, anchors or fact pairs with the sketch. */
  candidates(sketch: Sketch): string[] {
    return this.query(sketch).map((candidate) => candidate.id);
  }

  /** Candidates with the sketch estimates a caller needs to decide which pairs to verify. */
  query(sketch: Sketch): Candidate[] {
    if (sketch.words === 0 || this.#live === 0) return [];
    // The query uses all of its keys, not only the lowest that `add` stores: a short cut stored earlier holds anchors
    // that need not be among the lowest of the long article that contains it. Stock-key skipping bounds the cost.
    const anchors = Math.min(sketch.anchors.length, MAX_QUERY_KEYS);
    const facts = Math.min(sketch.facts.length, MAX_QUERY_KEYS);
    const keys = this.#queryKeys;
    writeBandKeys(sketch, keys);
    for (let i = 0; i < anchors; i++) keys[BANDS + i] = sketch.anchors[i] as number;
    for (let i = 0; i < facts; i++) keys[BANDS + anchors + i] = (sketch.facts[i] as number) ^ FACT_TAG;
    const keyCount = BANDS + anchors + facts;
    const data = this.#entryData;
    const heads = this.#heads;
    const chainLength = this.#chainLength;
    const mask = this.#mask;
    const oldest = this.#oldest;
    this.#stamp = (this.#stamp + 1) >>> 0;
    if (this.#stamp === 0) {
      this.#tableStamps.fill(0);
      this.#stamp = 1;
    }
    const stamp = this.#stamp;
    const tableStamps = this.#tableStamps;
    const tableSlots = this.#tableSlots;
    const tableIndex = this.#tableIndex;
    const foundSlots = this.#foundSlots;
    const foundHits = this.#foundHits;
    const pending = this.#pendingSlots;
    let found = 0;
    for (let k = 0; k < keyCount; k++) {
      const key = keys[k] as number;
      const bucket = key & mask;
      // 0 band, 1 anchor, 2 fact: the offset of this key's counter among a found slot's three.
      const kind = k < BANDS ? 0 : k < BANDS + anchors ? 1 : 2;
      let visited = 0;
      let matches = 0;
      let pendingCount = 0;
      let stock = false;
      for (let e = heads[bucket] as number; e >= 0; e = data[e * ENTRY_WORDS + ENTRY_NEXT] as number) {
        // Most chains are shorter than the peek and are never checked: one random read per key saved.
        if (++visited === STOCK_PEEK && (chainLength[bucket] as number) > STOCK_KEY_POSTINGS) {
          stock = true;
          break;
        }
        const at = e * ENTRY_WORDS;
        if (data[at + ENTRY_KEY] !== key) continue;
        if (++matches > MAX_POSTINGS_PER_KEY) break;
        const slot = data[at + ENTRY_SLOT] as number;
        if (slot >= oldest) pending[pendingCount++] = slot;
      }
      if (stock) continue;
      for (let p = 0; p < pendingCount; p++) {
        const slot = pending[p] as number;
        let probe = Math.imul(slot, 0x9e3779b1) >>> (32 - QUERY_TABLE_BITS);
        let index = -1;
        while (tableStamps[probe] === stamp) {
          if (tableSlots[probe] === slot) {
            index = tableIndex[probe] as number;
            break;
          }
          probe = (probe + 1) & (QUERY_TABLE_SIZE - 1);
        }
        if (index < 0) {
          index = found++;
          tableStamps[probe] = stamp;
          tableSlots[probe] = slot;
          tableIndex[probe] = index;
          foundSlots[index] = slot;
          foundHits[index * 3] = 0;
          foundHits[index * 3 + 1] = 0;
          foundHits[index * 3 + 2] = 0;
        }
        foundHits[index * 3 + kind] = (foundHits[index * 3 + kind] as number) + 1;
      }
    }
    const result: Candidate[] = [];
    const queryShort = sketch.anchors.length + sketch.facts.length < SHORT_ARTICLE_KEYS;
    const stored = this.#sketches;
    for (let i = 0; i < found; i++) {
      const slot = foundSlots[i] as number;
      const storedAnchors = this.#keyCounts[slot * 2] as number;
      const storedFacts = this.#keyCounts[slot * 2 + 1] as number;
      const short = queryShort || storedAnchors + storedFacts < SHORT_ARTICLE_KEYS;
      const bandHits = foundHits[i * 3] as number;
      const anchorHits = foundHits[i * 3 + 1] as number;
      const factHits = foundHits[i * 3 + 2] as number;
      if (anchorHits + bandHits + factHits < (short ? 1 : MIN_SHARED_KEYS)) continue;
      const base = slot * STORED_SKETCH_WORDS;
      let sameShingles = 0;
      for (let b = 0; b < SHINGLE_BINS; b++) {
        if (stored[base + b] === ((sketch.shingles[b] as number) & 0xffff)) sameShingles++;
      }
      let sameContent = 0;
      for (let b = 0; b < CONTENT_BINS; b++) {
        if (stored[base + SHINGLE_BINS + b] === ((sketch.content[b] as number) & 0xffff)) sameContent++;
      }
      result.push({
        id: this.#ids[slot] as string,
        resemblance: sameShingles / SHINGLE_BINS,
        contentSimilarity: sameContent / CONTENT_BINS,
        anchorHits,
        bandHits,
        factHits,
        anchorContainment: anchorHits / Math.max(1, Math.min(anchors, storedAnchors)),
        factContainment: factHits / Math.max(1, Math.min(facts, storedFacts)),
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
      this.#keyCounts.byteLength +
      this.#entryData.byteLength +
      this.#heads.byteLength +
      this.#chainLength.byteLength +
      this.#queryKeys.byteLength +
      this.#tableSlots.byteLength +
      this.#tableStamps.byteLength +
      this.#tableIndex.byteLength +
      this.#foundSlots.byteLength +
      this.#pendingSlots.byteLength +
      this.#foundHits.byteLength;
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
    if (this.#entries === this.#entryCapacity) this.#growEntries();
    const e = this.#entries++;
    const bucket = key & this.#mask;
    const at = e * ENTRY_WORDS;
    this.#entryData[at + ENTRY_KEY] = key;
    this.#entryData[at + ENTRY_SLOT] = slot;
    this.#entryData[at + ENTRY_NEXT] = this.#heads[bucket] as number;
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
    const keyCounts = new Uint8Array(capacity * 2);
    keyCounts.set(this.#keyCounts);
    this.#keyCounts = keyCounts;
  }

  #growEntries(): void {
    const capacity = Math.ceil(this.#entryCapacity * GROWTH);
    const data = new Int32Array(capacity * ENTRY_WORDS);
    data.set(this.#entryData);
    this.#entryData = data;
    this.#entryCapacity = capacity;
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
    const data = this.#entryData;
    for (let e = 0; e < this.#entries; e++) {
      const at = e * ENTRY_WORDS;
      const bucket = (data[at + ENTRY_KEY] as number) & this.#mask;
      data[at + ENTRY_NEXT] = this.#heads[bucket] as number;
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
    const data = this.#entryData;
    let entries = 0;
    for (let e = 0; e < this.#entries; e++) {
      const slot = remap[data[e * ENTRY_WORDS + ENTRY_SLOT] as number] as number;
      if (slot < 0) continue;
      data[entries * ENTRY_WORDS + ENTRY_KEY] = data[e * ENTRY_WORDS + ENTRY_KEY] as number;
      data[entries * ENTRY_WORDS + ENTRY_SLOT] = slot;
      entries++;
    }
    this.#slots = slots;
    this.#live = slots;
    this.#oldest = 0;
    this.#entries = entries;
    this.#rehash(this.#heads.length);
  }
}
