import { ENTITY_PREFIX, type TermSink } from "./article-terms.js";
import { detach, spells, type TokenSpans, termHash } from "./tokenize.js";

/**
 * Document frequencies, updated one article at a time, over terms interned to small integer ids: every hot loop
 * (IDF, centroids, postings) then indexes arrays and hashes numbers instead of strings. IDF is read at comparison
 * time, so early articles are not stuck with the noisy weights of a young stream; it is computed exactly from the
 * current counts (one array read and a log), which was cheaper than any cache tried and keeps restore exact.
 */
export class TermStatistics {
  /**
   * Term → id as an open-addressing table (slot → id + 1, 0 empty, linear probing) over `termHash`: a token is
   * looked up straight from its span in the article text, without first becoming a string, and a probe compares
   * a stored 32-bit hash before any characters. Looking terms up was the costliest single step of `add()`.
   */
  #table = new Int32Array(INITIAL_SLOTS);
  /** 32 minus the table's index bits: `#home` keeps the top bits of the mixed hash. */
  #shift = 32 - Math.log2(INITIAL_SLOTS);
  #terms: string[] = [];
  /** Per id, in typed arrays: compact (the hot loops read them at random ids, so size is cache misses). */
  #hashes = new Int32Array(INITIAL_IDS);
  #df = new Int32Array(INITIAL_IDS);
  #entity = new Uint8Array(INITIAL_IDS);
  /** When each id's term was first seen (its rank in `entries()`); -1 for a free id. */
  #born = new Int32Array(INITIAL_IDS);
  #nextBorn = 0;
  #size = 0;
  /** Ids of forgotten terms, reused so the arrays stay as small as the vocabulary kept. */
  #free: number[] = [];
  documents = 0;

  /** The id of `term`, creating it (with no documents yet) when new. */
  intern(term: string): number {
    const hash = termHash(term);
    let slot = this.#home(hash);
    for (;;) {
      const entry = this.#table[slot] as number;
      if (entry === 0) return this.#insert(term, hash, slot);
      if (this.#hashes[entry - 1] === hash && this.#terms[entry - 1] === term) return entry - 1;
      slot = (slot + 1) & (this.#table.length - 1);
    }
  }

  /**
   * The ids of every token of `spans`, into `ids`, creating new terms in token order (as interning them one by one
   * would). Looked up in passes over all the tokens: the table reads of different tokens do not wait on one
   * another, so their cache misses overlap instead of adding up (most of a lookup's cost is those misses).
   */
  internSpans(spans: TokenSpans, ids: Int32Array): void {
    const count = spans.count;
    const table = this.#table;
    for (let i = 0; i < count; i++) ids[i] = table[this.#home(spans.hashes[i] as number)] as number;
    const hashes = this.#hashes;
    // A token whose home slot holds its term (the common case) is confirmed here; the rest are probed in order.
    for (let i = 0; i < count; i++) {
      const entry = ids[i] as number;
      ids[i] = entry !== 0 && hashes[entry - 1] === spans.hashes[i] ? entry : 0;
    }
    const lower = spans.lower;
    for (let i = 0; i < count; i++) {
      const entry = ids[i] as number;
      const start = spans.starts[i] as number;
      const end = spans.ends[i] as number;
      if (entry !== 0 && spells(this.#terms[entry - 1] as string, lower, start, end)) ids[i] = entry - 1;
      else ids[i] = this.internSpan(lower, start, end, spans.hashes[i] as number);
    }
  }

  /** The id of `lower.slice(start, end)`, whose `termHash` is `hash`; the string is cut only for a new term. */
  internSpan(lower: string, start: number, end: number, hash: number): number {
    let slot = this.#home(hash);
    for (;;) {
      const entry = this.#table[slot] as number;
      if (entry === 0) return this.#insert(lower.slice(start, end), hash, slot);
      if (this.#hashes[entry - 1] === hash && spells(this.#terms[entry - 1] as string, lower, start, end))
        return entry - 1;
      slot = (slot + 1) & (this.#table.length - 1);
    }
  }

  #home(hash: number): number {
    return Math.imul(hash, GOLDEN) >>> this.#shift;
  }

  #insert(term: string, hash: number, slot: number): number {
    const id = this.#free.pop() ?? this.#terms.length;
    if (id >= this.#df.length) this.#growIds();
    this.#table[slot] = id + 1;
    this.#terms[id] = detach(term);
    this.#hashes[id] = hash;
    this.#df[id] = 0;
    this.#entity[id] = term.startsWith(ENTITY_PREFIX) ? 1 : 0;
    this.#born[id] = this.#nextBorn++;
    this.#size++;
    if (this.#size * MAX_LOAD_INVERSE > this.#table.length) this.#rehash(this.#table.length * 2);
    return id;
  }

  #growIds(): void {
    const length = this.#df.length * 2;
    const hashes = new Int32Array(length);
    hashes.set(this.#hashes);
    this.#hashes = hashes;
    const df = new Int32Array(length);
    df.set(this.#df);
    this.#df = df;
    const entity = new Uint8Array(length);
    entity.set(this.#entity);
    this.#entity = entity;
    const born = new Int32Array(length);
    born.set(this.#born);
    this.#born = born;
  }

  #rehash(slots: number): void {
    const old = this.#table;
    this.#table = new Int32Array(slots);
    this.#shift = 32 - Math.log2(slots);
    const mask = slots - 1;
    for (const entry of old) {
      if (entry === 0) continue;
      let slot = this.#home(this.#hashes[entry - 1] as number);
      while (this.#table[slot] !== 0) slot = (slot + 1) & mask;
      this.#table[slot] = entry;
    }
  }

  /** Takes `id` out of the table, shifting later entries of its probe run back (no tombstones). */
  #remove(id: number): void {
    const table = this.#table;
    const mask = table.length - 1;
    let hole = this.#home(this.#hashes[id] as number);
    while (table[hole] !== id + 1) hole = (hole + 1) & mask;
    table[hole] = 0;
    for (let next = (hole + 1) & mask; table[next] !== 0; next = (next + 1) & mask) {
      const home = this.#home(this.#hashes[(table[next] as number) - 1] as number);
      // An entry stays when its home lies cyclically in (hole, next]: the hole is not on its probe path.
      const stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
      if (stays) continue;
      table[hole] = table[next] as number;
      table[next] = 0;
      hole = next;
    }
  }

  term(id: number): string {
    return this.#terms[id] as string;
  }

  isEntity(id: number): boolean {
    return this.#entity[id] === 1;
  }

  df(id: number): number {
    return this.#df[id] ?? 0;
  }

  /** The first `count` of `ids`, which must be distinct (one article's terms). */
  addDocument(ids: ArrayLike<number>, count = ids.length): void {
    this.documents++;
    for (let i = 0; i < count; i++) {
      const id = ids[i] as number;
      this.#df[id] = (this.#df[id] as number) + 1;
    }
  }

  /** Smoothed IDF: positive for every term, highest for a term seen once. */
  idf(id: number): number {
    return Math.log(1 + this.documents / (this.#df[id] || 1));
  }

  /**
   * Ranks positions 0..count-1 by `keys` (largest first; equal keys by term, `ids[position]`, ascending) and writes
   * the first `keep` of them, in rank order, to `out`; returns how many were written. The same order as sorting all
   * of them with that comparator and keeping the head, by binary insertion into typed arrays: no comparator
   * callback per comparison and no allocation (a sort was most of the cost of making an article's vector).
   */
  heaviestFirst(keys: Float64Array, ids: ArrayLike<number>, count: number, keep: number, out: Int32Array): number {
    let size = 0;
    for (let position = 0; position < count; position++) {
      const key = keys[position] as number;
      if (size === keep && !this.#ranksBefore(key, position, out[keep - 1] as number, keys, ids)) continue;
      let low = 0;
      let high = size;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (this.#ranksBefore(key, position, out[middle] as number, keys, ids)) high = middle;
        else low = middle + 1;
      }
      if (size < keep) size++;
      out.copyWithin(low + 1, low, size - 1);
      out[low] = position;
    }
    return size;
  }

  #ranksBefore(key: number, position: number, other: number, keys: Float64Array, ids: ArrayLike<number>): boolean {
    const otherKey = keys[other] as number;
    if (key !== otherKey) return key > otherKey;
    return this.term(ids[position] as number) < this.term(ids[other] as number);
  }

  get size(): number {
    return this.#size;
  }

  /** [term, df] in first-seen order (forgotten terms left out; a term forgotten and seen again counts as new). */
  entries(): Array<[string, number]> {
    const ids: number[] = [];
    for (let id = 0; id < this.#terms.length; id++) if ((this.#born[id] as number) >= 0) ids.push(id);
    ids.sort((a, b) => (this.#born[a] as number) - (this.#born[b] as number));
    return ids.map((id) => [this.#terms[id] as string, this.#df[id] as number]);
  }

  load(term: string, df: number): void {
    this.#df[this.intern(term)] = df;
  }

  /**
   * Forgets terms seen in one article only that `keep` does not need (no live story holds them). On a stream the
   * vocabulary grows without end (names, figures, typos); most of it is such one-off terms. Forgetting one only
   * means that, should it come back, it counts as new (df 1 instead of 2): its IDF was near the top either way.
   */
  forgetSingletons(keep: (id: number) => boolean): void {
    for (let id = 0; id < this.#terms.length; id++) {
      if ((this.#born[id] as number) < 0 || (this.#df[id] as number) > 1 || keep(id)) continue;
      this.#remove(id);
      this.#terms[id] = "";
      this.#df[id] = 0;
      this.#born[id] = -1;
      this.#size--;
      this.#free.push(id);
    }
  }
}

/** Slots and ids the tables start with; both double as the vocabulary grows. */
const INITIAL_SLOTS = 4096;
const INITIAL_IDS = 1024;
/** The table is kept at most half full: linear probes then stay short (1.5 slots on average for a hit). */
const MAX_LOAD_INVERSE = 2;
/** Fibonacci hashing spreads FNV's low-entropy bits over the table's index bits. */
const GOLDEN = 0x9e3779b1;

/**
 * One article's terms as interned ids in first-seen order, with their summed weights: the clusterer's TermSink.
 * A token is interned from its span; a small table (id → position) sums repeats. Reused from article to article.
 */
export class ArticleTermIds implements TermSink {
  readonly #stats: TermStatistics;
  ids = new Int32Array(INITIAL_ARTICLE_TERMS);
  weights = new Float64Array(INITIAL_ARTICLE_TERMS);
  count = 0;
  /** Ids of the title's tokens, in order (repeats kept): the clusterer keys syndicated headlines on them. */
  readonly titleIds: number[] = [];
  #slots = new Int32Array(INITIAL_ARTICLE_TERMS * 4).fill(-1);
  /** 32 minus the table's index bits. */
  #slotShift = 32 - Math.log2(INITIAL_ARTICLE_TERMS * 4);

  constructor(stats: TermStatistics) {
    this.#stats = stats;
  }

  /** Empties it for the next article. */
  reset(): void {
    this.#slots.fill(-1);
    this.count = 0;
    this.titleIds.length = 0;
  }

  tokens(spans: TokenSpans, weights: Float64Array, title: boolean): void {
    if (this.#spanIds.length < spans.count) this.#spanIds = new Int32Array(spans.count * 2);
    const ids = this.#spanIds;
    this.#stats.internSpans(spans, ids);
    for (let i = 0; i < spans.count; i++) {
      this.#add(ids[i] as number, weights[i] as number);
      if (title) this.titleIds.push(ids[i] as number);
    }
  }

  /** Ids of one call's tokens: reused. */
  #spanIds = new Int32Array(INITIAL_ARTICLE_TERMS);

  entities(spans: TokenSpans, weight: number): void {
    if (this.#spanIds.length < spans.count) this.#spanIds = new Int32Array(spans.count * 2);
    const ids = this.#spanIds;
    this.#stats.internSpans(spans, ids);
    for (let i = 0; i < spans.count; i++) {
      const id = ids[i] as number;
      if ((this.#slots[this.#slot(id)] as number) < 0) this.#add(id, weight);
    }
  }

  #add(id: number, weight: number): void {
    const slot = this.#slot(id);
    const position = this.#slots[slot] as number;
    if (position >= 0) {
      this.weights[position] = (this.weights[position] as number) + weight;
      return;
    }
    if (this.count === this.ids.length) this.#grow();
    this.#slots[this.#slot(id)] = this.count;
    this.ids[this.count] = id;
    this.weights[this.count] = 0 + weight;
    this.count++;
  }

  /** The slot holding `id`, or the empty slot where it would go. */
  #slot(id: number): number {
    const slots = this.#slots;
    const mask = slots.length - 1;
    let slot = Math.imul(id, GOLDEN) >>> this.#slotShift;
    for (;;) {
      const position = slots[slot] as number;
      if (position < 0 || this.ids[position] === id) return slot;
      slot = (slot + 1) & mask;
    }
  }

  /** Doubles the arrays (and the table, kept at most a quarter full) when an article has unusually many terms. */
  #grow(): void {
    const length = this.ids.length * 2;
    const ids = new Int32Array(length);
    ids.set(this.ids);
    this.ids = ids;
    const weights = new Float64Array(length);
    weights.set(this.weights);
    this.weights = weights;
    this.#slots = new Int32Array(length * 4).fill(-1);
    this.#slotShift = 32 - Math.log2(length * 4);
    for (let position = 0; position < this.count; position++)
      this.#slots[this.#slot(this.ids[position] as number)] = position;
  }
}

/** Distinct terms of a typical article (title, 120 body words, names) fit without growing. */
const INITIAL_ARTICLE_TERMS = 256;
