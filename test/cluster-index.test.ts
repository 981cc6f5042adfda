import { describe, expect, it } from "vitest";
import { CENTROID_BLOCK, StoryIndex } from "../src/cluster/story-index.js";
import { TermStatistics } from "../src/cluster/term-statistics.js";
import { scanTokens, tokenSpans } from "../src/cluster/tokenize.js";

/** Deterministic pseudo-random integers below `limit`. */
function random(seed: number): (limit: number) => number {
  let state = seed;
  return (limit) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return Math.floor((state / 4_294_967_296) * limit);
  };
}

/** Every posting entry mirrors a centroid entry (same story, same mass), and every centroid entry has one. */
function expectConsistent(
  index: StoryIndex,
  model: Map<number, Map<number, number>>,
  blocks: Map<number, number>,
  terms: number,
): void {
  let entries = 0;
  for (let term = 0; term < terms; term++) {
    const length = index.runLength(term);
    entries += length;
    if (length === 0) continue;
    const start = index.runStart(term);
    for (let at = start; at < start + length; at++) {
      const seq = index.seqOf(index.postingBlocks[at] as number);
      expect(blocks.get(seq)).toBe(index.postingBlocks[at]);
      expect(model.get(seq)?.get(term)).toBe(index.postingMasses[at]);
    }
  }
  let held = 0;
  for (const centroid of model.values()) held += centroid.size;
  expect(entries).toBe(held);
}

describe("StoryIndex", () => {
  it("keeps centroids in Map order and postings in step through adds, stages, drops and closes", () => {
    const next = random(3);
    const index = new StoryIndex();
    const model = new Map<number, Map<number, number>>();
    const blocks = new Map<number, number>();
    const TERMS = 60;
    for (let round = 0; round < 2_000; round++) {
      const action = next(10);
      if (action === 0 || model.size === 0) {
        const seq = round;
        blocks.set(seq, index.open(seq));
        model.set(seq, new Map());
        continue;
      }
      const seqs = [...model.keys()];
      const seq = seqs[next(seqs.length)] as number;
      const centroid = model.get(seq) as Map<number, number>;
      const block = blocks.get(seq) as number;
      if (action === 1) {
        index.close(block);
        model.delete(seq);
        blocks.delete(seq);
        continue;
      }
      const count = 1 + next(12);
      const terms = [...new Set(Array.from({ length: count }, () => next(TERMS)))];
      const weights = terms.map(() => (1 + next(100)) / 37);
      for (const [k, term] of terms.entries()) centroid.set(term, (centroid.get(term) ?? 0) + (weights[k] as number));
      const drop = new Uint8Array(64);
      let size: number;
      if (action < 6) {
        size = index.stage(block, terms, weights, terms.length);
        expect([...index.stagedTerms.subarray(0, size)]).toEqual([...centroid.keys()]);
        expect([...index.stagedMasses.subarray(0, size)]).toEqual([...centroid.values()]);
      } else {
        index.accumulate(block, terms, weights);
        size = centroid.size;
      }
      // Drop a few entries at random, as pruning does.
      const keys = [...centroid.keys()];
      for (let position = 0; position < size; position++) {
        if (next(6) !== 0) continue;
        drop[position] = 1;
        centroid.delete(keys[position] as number);
      }
      if (action < 6) index.commit(block, drop);
      else index.drop(block, drop);
      const base = block * CENTROID_BLOCK;
      const end = base + (index.centroidSizes[block] as number);
      expect([...index.centroidTerms.subarray(base, end)]).toEqual([...centroid.keys()]);
      expect([...index.centroidMasses.subarray(base, end)]).toEqual([...centroid.values()]);
      if (round % 97 === 0) expectConsistent(index, model, blocks, TERMS);
    }
    expectConsistent(index, model, blocks, TERMS);
  });
});

describe("TermStatistics", () => {
  it("interns strings and spans alike, forgets singletons and lists terms in first-seen order", () => {
    const stats = new TermStatistics();
    const spans = scanTokens("ferry ferries harbour Tamsby harbour", tokenSpans());
    const ids = new Int32Array(spans.count);
    stats.internSpans(spans, ids);
    expect([...ids].map((id) => stats.term(id))).toEqual(["ferry", "ferrie", "harbour", "tamsby", "harbour"]);
    expect(stats.intern("harbour")).toBe(ids[2]);
    stats.addDocument([ids[0] as number, ids[2] as number]);
    stats.addDocument([ids[2] as number]);
    // Enough terms to make the table grow and move entries.
    for (let i = 0; i < 20_000; i++) stats.intern(`term${i}`);
    const keep = stats.intern("term7");
    stats.forgetSingletons((id) => id === keep);
    expect(stats.entries()).toEqual([
      ["harbour", 2],
      ["term7", 0],
    ]);
    // A forgotten term seen again is new: it goes to the end, and every kept term is still found.
    const again = stats.intern("ferry");
    expect(stats.entries().map(([term]) => term)).toEqual(["harbour", "term7", "ferry"]);
    expect(stats.intern("harbour")).toBe(ids[2]);
    expect(stats.intern("term7")).toBe(keep);
    expect(stats.intern("ferry")).toBe(again);
    expect(stats.size).toBe(3);
  });
});
