import { describe, expect, it } from "vitest";
import { DirichletStream } from "./dirichlet-stream.js";

const words = (text: string) => text.split(" ");

describe("DirichletStream", () => {
  it("puts identical documents in one cluster", () => {
    const stream = new DirichletStream();
    const ids = [1, 2, 3, 4].map(() => stream.add(words("storm floods coast town")));
    expect(new Set(ids).size).toBe(1);
  });

  it("splits documents that share no word", () => {
    const stream = new DirichletStream();
    const a = stream.add(words("storm floods coast town"));
    const b = stream.add(words("court sentences journalist prison"));
    const c = stream.add(words("storm floods coast"));
    const d = stream.add(words("journalist prison sentences appeal"));
    expect(a).not.toBe(b);
    expect(c).toBe(a);
    expect(d).toBe(b);
    expect(stream.size).toBe(2);
  });

  it("gives the same assignments for the same stream (argmax, and sampling with one seed)", () => {
    const docs = [
      "storm floods coast town",
      "court sentences journalist",
      "storm coast evacuation",
      "journalist appeal court",
      "election results capital",
      "storm town damage",
      "election turnout capital vote",
    ].map(words);
    const run = (options: ConstructorParameters<typeof DirichletStream>[0]) => {
      const stream = new DirichletStream(options);
      return docs.map((doc) => stream.add(doc));
    };
    expect(run({})).toEqual(run({}));
    expect(run({ choice: "sample", seed: 42 })).toEqual(run({ choice: "sample", seed: 42 }));
  });

  it("updates documents, tokens and word counts as documents join", () => {
    const stream = new DirichletStream();
    const id = stream.add(words("storm floods storm"));
    expect(stream.add(words("storm coast"))).toBe(id);
    const counts = stream.counts(id);
    expect(counts?.documents).toBe(2);
    expect(counts?.tokens).toBe(5);
    expect(counts?.words.get("storm")).toBe(3);
    expect(counts?.words.get("floods")).toBe(1);
    expect(counts?.words.get("coast")).toBe(1);
    expect(stream.documents).toBe(2);
    expect(stream.vocabulary).toBe(3);
  });

  it("scores only clusters sharing a word, and that matches scoring every cluster", () => {
    const docs = ["a b c", "d e f", "a b", "g h", "d e", "c x", "y z", "a b c"].map(words);
    const indexed = new DirichletStream();
    const exhaustive = new DirichletStream({ exhaustive: true });
    expect(docs.map((doc) => indexed.add(doc))).toEqual(docs.map((doc) => exhaustive.add(doc)));
  });

  it("re-assigns the current batch in refineBatch and leaves closed batches alone", () => {
    const stream = new DirichletStream({ batches: true });
    const first = [stream.add(words("storm floods coast")), stream.add(words("storm coast town"))];
    expect(stream.closeBatch()).toEqual(first);
    stream.add(words("court sentences journalist"));
    stream.add(words("journalist court appeal"));
    const refined = stream.refineBatch(3);
    expect(refined[0]).toBe(refined[1]);
    expect(refined[0]).not.toBe(first[0]);
    const counts = stream.counts(first[0] as number);
    expect(counts?.documents).toBe(2);
    expect(stream.closeBatch()).toEqual(refined);
    expect(stream.refineBatch(1)).toEqual([]);
  });
});
