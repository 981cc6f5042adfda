import { MAX_ARTICLE_TERMS, MAX_CENTROID_TERMS } from "./cluster-params.js";

/**
 * Entries a centroid can hold at once: a pruned centroid plus one article's vector (pruning then cuts it back), or
 * two pruned centroids being merged.
 */
export const CENTROID_BLOCK = MAX_CENTROID_TERMS + MAX_ARTICLE_TERMS;

/**
 * The centroids of the live stories and the inverted index over them (term id → the live stories whose centroid
 * holds it, with the term's mass there), in typed arrays: no object per story, term or entry, so adding an article
 * allocates nothing here and the garbage collector never walks or copies the index.
 *
 * Centroids. Each live story has a block of CENTROID_BLOCK entries in `centroidTerms` and `centroidMasses`; the
 * first `centroidSizes[block]` count, in insertion order (the order a Map would iterate them, so sums run in the
 * same order). A block is a small number reused once its story leaves search.
 *
 * Postings. Each term's list is a run of entries (story block, mass, position hint) in one arena, sized in powers
 * of two and moved when it outgrows its run. The mass is mirrored from the centroid (the centroid stays the source
 * of truth) so candidate search reads one run per term instead of a posting and then a centroid lookup: that pair
 * was the hottest loop of `add()`. Each centroid entry knows its posting slot, so a mass changes in O(1); an entry
 * leaves a posting by moving the last entry into its place (posting order carries no meaning: candidate search
 * ranks by a total order), and the moved entry's position hint finds its centroid entry to tell it the new slot
 * (dropping terms only ever moves the others towards the front, so the entry is at the hint or before it).
 */
export class StoryIndex {
  centroidTerms = new Int32Array(INITIAL_BLOCKS * CENTROID_BLOCK);
  centroidMasses = new Float64Array(INITIAL_BLOCKS * CENTROID_BLOCK);
  /** Per centroid entry: its slot in the term's posting run (entry index within the run). */
  #centroidSlots = new Int32Array(INITIAL_BLOCKS * CENTROID_BLOCK);
  centroidSizes = new Int32Array(INITIAL_BLOCKS);
  /** Story seq of each block in use; -1 for a free block. */
  #seqs = new Int32Array(INITIAL_BLOCKS).fill(-1);
  #freeBlocks: number[] = [];
  #blocks = 0;

  /** Posting runs: per term id, where its run starts in the arena, how many entries it holds, and its capacity. */
  #runStart = new Int32Array(INITIAL_TERMS);
  #runLength = new Int32Array(INITIAL_TERMS);
  #runCapacity = new Int32Array(INITIAL_TERMS);
  /** The arena: per posting entry, the story's block, the term's mass there and its position hint. */
  postingBlocks = new Int32Array(INITIAL_ENTRIES);
  postingMasses = new Float64Array(INITIAL_ENTRIES);
  #postingHints = new Int32Array(INITIAL_ENTRIES);
  /** Arena entries handed out so far (the top); freed runs are reused by capacity class before the top moves. */
  #arenaTop = 0;
  #freeRuns: number[][] = [];
  #terms = 0;

  /**
   * Marked terms as a small open-addressing table (term id → position): at most CENTROID_BLOCK terms, so it stays
   * in the first-level cache, where an array over the whole vocabulary missed the cache on most lookups.
   */
  #markedTerms = new Int32Array(MARK_SLOTS).fill(EMPTY);
  #markedPositions = new Int32Array(MARK_SLOTS);

  /** A new, empty centroid block for story `seq`. */
  open(seq: number): number {
    let block = this.#freeBlocks.pop();
    if (block === undefined) {
      block = this.#blocks++;
      if (block >= this.centroidSizes.length) this.#growBlocks();
    }
    this.centroidSizes[block] = 0;
    this.#seqs[block] = seq;
    return block;
  }

  /** The story seq whose centroid is in `block`. */
  seqOf(block: number): number {
    return this.#seqs[block] as number;
  }

  /** Blocks handed out so far: every block number is below this. */
  get blocks(): number {
    return this.#blocks;
  }

  /**
   * Adds `weights[i]` to the mass of `terms[i]` for the first `count` terms, in order; a term the centroid lacks is
   * appended with mass 0 + weight (exactly what summing into a Map gives).
   */
  accumulate(block: number, terms: ArrayLike<number>, weights: ArrayLike<number>, count = terms.length): void {
    const base = block * CENTROID_BLOCK;
    this.markCentroid(block);
    for (let i = 0; i < count; i++) {
      const term = terms[i] as number;
      const position = this.positionOf(term);
      if (position >= 0) {
        this.#setMass(block, position, (this.centroidMasses[base + position] as number) + (weights[i] as number));
        continue;
      }
      const at = this.#append(block, term, 0 + (weights[i] as number));
      this.#markOne(term, at);
    }
    this.unmarkCentroid(block);
  }

  /** Multiplies every mass of the centroid by `factor` (fading, or scaling a merge down to the cap). */
  scale(block: number, factor: number): void {
    const base = block * CENTROID_BLOCK;
    const size = this.centroidSizes[block] as number;
    for (let position = 0; position < size; position++)
      this.#setMass(block, position, (this.centroidMasses[base + position] as number) * factor);
  }

  /**
   * Drops the centroid entries whose `drop[position]` is 1, keeping the others in their order (as deleting from a
   * Map does), and takes the dropped terms out of their postings.
   */
  drop(block: number, drop: Uint8Array): void {
    this.#compact(block, drop, false);
  }

  /**
   * The centroid of `block` as it would be after `accumulate(block, terms, weights, count)`, into `stagedTerms` and
   * `stagedMasses` (its own entries, then the new terms in order); returns how many. Nothing is written: the caller
   * picks the entries to drop and passes them to `commit`, so a new term that would be dropped at once never enters
   * a posting list. `terms` must be distinct.
   */
  stage(block: number, terms: ArrayLike<number>, weights: ArrayLike<number>, count: number): number {
    const base = block * CENTROID_BLOCK;
    const size = this.centroidSizes[block] as number;
    const stagedTerms = this.stagedTerms;
    const stagedMasses = this.stagedMasses;
    const changed = this.#stagedChanged;
    stagedTerms.set(this.centroidTerms.subarray(base, base + size));
    stagedMasses.set(this.centroidMasses.subarray(base, base + size));
    changed.fill(0, 0, size);
    this.markCentroid(block);
    let staged = size;
    for (let i = 0; i < count; i++) {
      const term = terms[i] as number;
      const position = this.positionOf(term);
      if (position >= 0) {
        stagedMasses[position] = (stagedMasses[position] as number) + (weights[i] as number);
        changed[position] = 1;
        continue;
      }
      stagedTerms[staged] = term;
      stagedMasses[staged] = 0 + (weights[i] as number);
      staged++;
    }
    this.unmarkCentroid(block);
    this.#stagedSize = staged;
    return staged;
  }

  /** Terms and masses of the last `stage`: read them to rank the entries. */
  readonly stagedTerms = new Int32Array(CENTROID_BLOCK);
  readonly stagedMasses = new Float64Array(CENTROID_BLOCK);
  #stagedChanged = new Uint8Array(CENTROID_BLOCK);
  #stagedSize = 0;

  /**
   * Writes the last `stage` of `block`, leaving out the staged entries whose `drop[position]` is 1 (null: none): the
   * same centroid, in the same order, as `accumulate` and then `drop` would leave.
   */
  commit(block: number, drop: Uint8Array | null): void {
    const size = this.centroidSizes[block] as number;
    this.#compact(block, drop, true);
    for (let position = size; position < this.#stagedSize; position++) {
      if (drop !== null && drop[position] === 1) continue;
      this.#append(block, this.stagedTerms[position] as number, this.stagedMasses[position] as number);
    }
  }

  /**
   * Removes the centroid entries whose `drop[position]` is 1 (null: none) in place, keeping the others in their order
   * and taking the dropped terms out of their postings; with `staged`, each kept entry the last `stage` changed gets
   * its staged mass.
   */
  #compact(block: number, drop: Uint8Array | null, staged: boolean): void {
    const base = block * CENTROID_BLOCK;
    const size = this.centroidSizes[block] as number;
    const terms = this.centroidTerms;
    const masses = this.centroidMasses;
    const slots = this.#centroidSlots;
    let kept = 0;
    for (let position = 0; position < size; position++) {
      if (drop !== null && drop[position] === 1) {
        this.#unpost(terms[base + position] as number, slots[base + position] as number);
        continue;
      }
      if (kept !== position) {
        terms[base + kept] = terms[base + position] as number;
        masses[base + kept] = masses[base + position] as number;
        slots[base + kept] = slots[base + position] as number;
      }
      if (staged && this.#stagedChanged[position] === 1)
        this.#setMass(block, kept, this.stagedMasses[position] as number);
      kept++;
    }
    this.centroidSizes[block] = kept;
  }

  /** Takes `block` out of the index: its terms leave their postings and the block is free for another story. */
  close(block: number): void {
    const base = block * CENTROID_BLOCK;
    const size = this.centroidSizes[block] as number;
    for (let position = 0; position < size; position++)
      this.#unpost(this.centroidTerms[base + position] as number, this.#centroidSlots[base + position] as number);
    this.centroidSizes[block] = 0;
    this.#seqs[block] = -1;
    this.#freeBlocks.push(block);
  }

  /**
   * Marks the first `count` of `terms` (a query's) so `positionOf` answers from a table that stays in cache;
   * `unmark` must follow before other terms are marked. Cheaper than a map per story for the few dozen lookups of
   * one comparison.
   */
  mark(terms: ArrayLike<number>, count = terms.length, offset = 0): void {
    for (let position = 0; position < count; position++) this.#markOne(terms[offset + position] as number, position);
  }

  unmark(terms: ArrayLike<number>, count = terms.length, offset = 0): void {
    const marked = this.#markedTerms;
    for (let position = 0; position < count; position++) {
      let slot = markSlot(terms[offset + position] as number);
      while (marked[slot] !== EMPTY) {
        marked[slot] = EMPTY;
        slot = (slot + 1) & MARK_MASK;
      }
    }
  }

  /** `mark` for the terms of a centroid. */
  markCentroid(block: number): void {
    this.mark(this.centroidTerms, this.centroidSizes[block] as number, block * CENTROID_BLOCK);
  }

  unmarkCentroid(block: number): void {
    this.unmark(this.centroidTerms, this.centroidSizes[block] as number, block * CENTROID_BLOCK);
  }

  /** Position of `term` among the marked terms, or -1. */
  positionOf(term: number): number {
    const marked = this.#markedTerms;
    let slot = markSlot(term);
    for (;;) {
      const found = marked[slot] as number;
      if (found === term) return this.#markedPositions[slot] as number;
      if (found === EMPTY) return -1;
      slot = (slot + 1) & MARK_MASK;
    }
  }

  /** Where the posting run of `term` starts in `postingBlocks`/`postingMasses`. */
  runStart(term: number): number {
    return this.#runStart[term] as number;
  }

  /** Entries in the posting run of `term`: live stories whose centroid holds it (0 for none). */
  runLength(term: number): number {
    return term < this.#runLength.length ? (this.#runLength[term] as number) : 0;
  }

  has(term: number): boolean {
    return this.runLength(term) > 0;
  }

  get terms(): number {
    return this.#terms;
  }

  #markOne(term: number, position: number): void {
    const marked = this.#markedTerms;
    let slot = markSlot(term);
    while (marked[slot] !== EMPTY) slot = (slot + 1) & MARK_MASK;
    marked[slot] = term;
    this.#markedPositions[slot] = position;
  }

  #setMass(block: number, position: number, mass: number): void {
    const at = block * CENTROID_BLOCK + position;
    this.centroidMasses[at] = mass;
    const term = this.centroidTerms[at] as number;
    this.postingMasses[(this.#runStart[term] as number) + (this.#centroidSlots[at] as number)] = mass;
  }

  /** Appends `term` with `mass` to the centroid and to the term's posting run; returns its position. */
  #append(block: number, term: number, mass: number): number {
    const position = this.centroidSizes[block] as number;
    const at = block * CENTROID_BLOCK + position;
    this.centroidTerms[at] = term;
    this.centroidMasses[at] = mass;
    this.#centroidSlots[at] = this.#post(term, block, mass, position);
    this.centroidSizes[block] = position + 1;
    return position;
  }

  /** Appends an entry to the term's posting run (moving the run when it is full); returns its slot. */
  #post(term: number, block: number, mass: number, position: number): number {
    if (term >= this.#runLength.length) this.#growTerms(term);
    const length = this.#runLength[term] as number;
    if (length === 0) {
      this.#terms++;
      this.#runStart[term] = this.#allocate(0);
      this.#runCapacity[term] = 1;
    } else if (length === this.#runCapacity[term]) {
      const capacity = length * 2;
      const from = this.#runStart[term] as number;
      const to = this.#allocate(Math.log2(capacity));
      this.postingBlocks.copyWithin(to, from, from + length);
      this.postingMasses.copyWithin(to, from, from + length);
      this.#postingHints.copyWithin(to, from, from + length);
      this.#release(from, length);
      this.#runStart[term] = to;
      this.#runCapacity[term] = capacity;
    }
    const at = (this.#runStart[term] as number) + length;
    this.postingBlocks[at] = block;
    this.postingMasses[at] = mass;
    this.#postingHints[at] = position;
    this.#runLength[term] = length + 1;
    return length;
  }

  /** Removes the entry at `slot` by moving the last entry into it (and telling that entry's centroid). */
  #unpost(term: number, slot: number): void {
    const start = this.#runStart[term] as number;
    const last = (this.#runLength[term] as number) - 1;
    if (slot !== last) {
      const block = this.postingBlocks[start + last] as number;
      const base = block * CENTROID_BLOCK;
      let position = Math.min(this.#postingHints[start + last] as number, (this.centroidSizes[block] as number) - 1);
      while (this.centroidTerms[base + position] !== term) position--;
      this.postingBlocks[start + slot] = block;
      this.postingMasses[start + slot] = this.postingMasses[start + last] as number;
      this.#postingHints[start + slot] = position;
      this.#centroidSlots[base + position] = slot;
    }
    this.#runLength[term] = last;
    if (last === 0) {
      // An empty list gives its run back, so the index shrinks with the live stories.
      this.#release(start, this.#runCapacity[term] as number);
      this.#runCapacity[term] = 0;
      this.#terms--;
    }
  }

  /** A run of 2^capacityClass entries: a freed one of that size, or a new one at the top of the arena. */
  #allocate(capacityClass: number): number {
    const free = this.#freeRuns[capacityClass];
    if (free !== undefined && free.length > 0) return free.pop() as number;
    const capacity = 2 ** capacityClass;
    if (this.#arenaTop + capacity > this.postingBlocks.length) this.#growArena(this.#arenaTop + capacity);
    const start = this.#arenaTop;
    this.#arenaTop += capacity;
    return start;
  }

  #release(start: number, capacity: number): void {
    const capacityClass = Math.log2(capacity);
    let free = this.#freeRuns[capacityClass];
    if (free === undefined) {
      free = [];
      this.#freeRuns[capacityClass] = free;
    }
    free.push(start);
  }

  #growArena(needed: number): void {
    const length = Math.max(needed, this.postingBlocks.length * 2);
    this.postingBlocks = grownInt32(this.postingBlocks, length);
    this.postingMasses = grownFloat64(this.postingMasses, length);
    this.#postingHints = grownInt32(this.#postingHints, length);
  }

  #growTerms(term: number): void {
    const length = Math.max(term + 1, this.#runLength.length * 2);
    this.#runStart = grownInt32(this.#runStart, length);
    this.#runLength = grownInt32(this.#runLength, length);
    this.#runCapacity = grownInt32(this.#runCapacity, length);
  }

  #growBlocks(): void {
    const blocks = this.centroidSizes.length * 2;
    this.centroidTerms = grownInt32(this.centroidTerms, blocks * CENTROID_BLOCK);
    this.centroidMasses = grownFloat64(this.centroidMasses, blocks * CENTROID_BLOCK);
    this.#centroidSlots = grownInt32(this.#centroidSlots, blocks * CENTROID_BLOCK);
    this.centroidSizes = grownInt32(this.centroidSizes, blocks);
    const seqs = new Int32Array(blocks).fill(-1);
    seqs.set(this.#seqs);
    this.#seqs = seqs;
  }
}

function grownInt32(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(length);
  grown.set(array);
  return grown;
}

function grownFloat64(array: Float64Array, length: number): Float64Array<ArrayBuffer> {
  const grown = new Float64Array(length);
  grown.set(array);
  return grown;
}

/** Starting sizes; every array doubles as needed (live stories level off at a few thousand). */
const INITIAL_BLOCKS = 256;
const INITIAL_TERMS = 4_096;
const INITIAL_ENTRIES = 65_536;

/** A power of two at least 2.5 × CENTROID_BLOCK: linear probes stay short (load at most 0.4). */
const MARK_SLOTS = 1 << Math.ceil(Math.log2(CENTROID_BLOCK * 2.5));
const MARK_MASK = MARK_SLOTS - 1;
const MARK_BITS = Math.log2(MARK_SLOTS);
const EMPTY = -1;

/** Fibonacci hashing: term ids are dense small integers, the multiply spreads neighbours across the table. */
function markSlot(term: number): number {
  return Math.imul(term, 0x9e3779b1) >>> (32 - MARK_BITS);
}
