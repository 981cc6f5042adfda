import { describe, expect, it } from "vitest";
import { DirichletStream, type DirichletStreamOptions, DMM_SWEEP_EVERY, MSTREAM_OPTIONS } from "./dirichlet-stream.js";

const words = (text: string) => text.split(" ");

/** Unrelated two-word topics: they make a stream with many live clusters, as a real one has. */
const FILLERS = ["alpha bravo", "charlie delta", "echo foxtrot", "golf hotel", "india juliet", "kilo lima"];

function run(options: DirichletStreamOptions, docs: readonly string[]) {
  const stream = new DirichletStream(options);
  const ids = docs.map((doc) => stream.add(words(doc)));
  return { stream, ids, final: ids.map((id) => stream.resolve(id) as number) };
}

describe("DirichletStream", () => {
  it("archives a cluster silent for longer than maxSilence: a headline months later starts a new story", () => {
    const day = 86_400_000;
    const stream = new DirichletStream({ maxSilence: 30 * day });
    const first = stream.add(words("harbor bridge vote council"), 0);
    expect(stream.add(words("harbor bridge vote council"), 2 * day)).toBe(first);
    // Enough unrelated headlines, 200 days later, for a sweep to run.
    for (let i = 0; i < DMM_SWEEP_EVERY; i++) stream.add(words(`filler${i} topic${i}`), 200 * day);
    const later = stream.add(words("harbor bridge vote council"), 200 * day);
    expect(later).not.toBe(first);
    // Without the option the old story is still a candidate.
    const forever = new DirichletStream();
    const kept = forever.add(words("harbor bridge vote council"), 0);
    for (let i = 0; i < DMM_SWEEP_EVERY; i++) forever.add(words(`filler${i} topic${i}`), 200 * day);
    expect(forever.add(words("harbor bridge vote council"), 200 * day)).toBe(kept);
  });

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
    ];
    const ids = (options: DirichletStreamOptions) => run(options, docs).final;
    expect(ids({})).toEqual(ids({}));
    expect(ids({ choice: "sample", seed: 42 })).toEqual(ids({ choice: "sample", seed: 42 }));
    expect(ids(MSTREAM_OPTIONS)).toEqual(ids(MSTREAM_OPTIONS));
  });

  it("updates documents, tokens and word counts as documents join", () => {
    const stream = new DirichletStream();
    const id = stream.add(words("storm floods coast storm"));
    expect(stream.add(words("storm floods coast"))).toBe(id);
    const counts = stream.counts(id);
    expect(counts?.documents).toBe(2);
    expect(counts?.tokens).toBe(7);
    expect(counts?.words.get("storm")).toBe(3);
    expect(counts?.words.get("floods")).toBe(2);
    expect(counts?.words.get("coast")).toBe(2);
    expect(stream.documents).toBe(2);
    expect(stream.vocabulary).toBe(3);
  });

  it("scores only clusters sharing a word, and that matches scoring every cluster", () => {
    const docs = ["a b c", "d e f", "a b", "g h", "d e", "c x", "y z", "a b c", "a b c x", "d e f g", "a c x"];
    for (const options of [{}, MSTREAM_OPTIONS]) {
      expect(run(options, docs).final).toEqual(run({ ...options, exhaustive: true }, docs).final);
    }
  });

  it("keeps two topics apart when the word they share is held by many clusters (specificity prior)", () => {
    const harbour = ["harbour dockers report", "harbour strike report"];
    const orchard = ["orchard report", "frost report", "orchard frost report"];
    const stream = (fillers: readonly string[]) => {
      const docs = [...fillers.map((filler) => `${filler} report`), harbour[0], harbour[1], harbour[0]];
      const topic = docs.map(() => "other");
      for (let round = 0; round < 8; round++) {
        docs.push(harbour[round % 2] as string, orchard[round % 3] as string);
        topic.push("harbour", "orchard");
      }
      return { docs: docs as string[], topic };
    };
    // A floor of 0 lets the first documents of so short a stream join at all; the prior is what is tested here.
    const clustersOf = (wordPrior: "specificity" | "uniform", fillers: readonly string[]) => {
      const { docs, topic } = stream(fillers);
      const { final } = run({ wordPrior, newClusterFloor: 0 }, docs);
      const of = (name: string) => new Set(final.filter((_, i) => topic[i] === name));
      return { harbour: of("harbour"), orchard: of("orchard") };
    };
    const mixed = (clusters: { harbour: Set<number>; orchard: Set<number> }) =>
      [...clusters.harbour].some((id) => clusters.orchard.has(id));

    // "report" in six other clusters: sharing it is weak evidence, each topic keeps its own cluster.
    const specific = clustersOf("specificity", FILLERS);
    expect(specific.harbour.size).toBe(1);
    expect(specific.orchard.size).toBe(1);
    expect(mixed(specific)).toBe(false);
    // MStream's uniform prior counts "report" as much as "harbour": the orchard documents join the harbour cluster.
    expect(mixed(clustersOf("uniform", FILLERS))).toBe(true);
    // With no other cluster holding "report", it is specific to the harbour cluster, and evidence for it.
    expect(mixed(clustersOf("specificity", []))).toBe(true);
  });

  it("folds a small cluster into the one a later document shows it belongs to, and records the merge", () => {
    const { stream, ids, final } = run({}, [
      "lighthouse keeper storm",
      "lighthouse keeper rescue",
      "lighthouse keeper storm rescue",
      "lighthouse storm rescue keeper",
    ]);
    // The second headline started its own cluster: two headlines are too few to join on.
    expect(ids[1]).not.toBe(ids[0]);
    expect(new Set(final).size).toBe(1);
    expect(stream.merges).toHaveLength(1);
    expect(stream.merges[0]).toMatchObject({ into: ids[0], from: ids[1], atDocument: 3, rule: "small" });
    expect(stream.merges[0]?.score).toBeGreaterThan(0);
    expect(stream.resolve(ids[1] as number)).toBe(ids[0]);
    expect(stream.counts(ids[1] as number)?.documents).toBe(4);
    expect(stream.counts(ids[0] as number)?.words.get("lighthouse")).toBe(4);
    expect(stream.size).toBe(1);
  });

  it("folds two established clusters whose word profiles share their specific core", () => {
    const rescue = ["ferry captain rescue storm", "ferry captain storm", "ferry captain rescue crew"];
    const medal = ["ferry captain medal ceremony", "ferry captain medal", "ferry captain ceremony mayor"];
    const docs = [...FILLERS, ...FILLERS];
    for (let round = 0; round < 6; round++) docs.push(rescue[round % 3] as string, medal[round % 3] as string);
    const rescueIds = (final: number[]) => new Set(final.filter((_, i) => rescue.includes(docs[i] as string)));
    const medalIds = (final: number[]) => new Set(final.filter((_, i) => medal.includes(docs[i] as string)));

    const apart = run({ merges: false }, docs);
    expect(apart.stream.merges).toHaveLength(0);
    expect([...rescueIds(apart.final)].some((id) => medalIds(apart.final).has(id))).toBe(false);

    const merged = run({}, docs);
    const profile = merged.stream.merges.filter((merge) => merge.rule === "profile");
    expect(profile).toHaveLength(1);
    expect(profile[0]?.score).toBeGreaterThanOrEqual(0.3);
    expect(rescueIds(merged.final)).toEqual(medalIds(merged.final));
    expect(rescueIds(merged.final).size).toBe(1);
  });

  it("never merges when merges are off, and resolves unknown ids to undefined", () => {
    const { stream, ids, final } = run({ merges: false }, [
      "lighthouse keeper storm",
      "lighthouse keeper rescue",
      "lighthouse keeper storm rescue",
    ]);
    expect(stream.merges).toHaveLength(0);
    expect(final).toEqual(ids);
    expect(stream.resolve(99)).toBeUndefined();
    expect(stream.resolve(-1)).toBeUndefined();
    expect(stream.counts(99)).toBeUndefined();
  });

  it("keeps the counts whole when refineBatch re-assigns documents of merged clusters", () => {
    const stream = new DirichletStream({ batches: true });
    const docs = [
      "lighthouse keeper storm",
      "lighthouse keeper rescue",
      "lighthouse keeper storm rescue",
      "court appeal",
    ];
    for (const doc of docs) stream.add(words(doc));
    expect(stream.merges.length).toBeGreaterThan(0);
    const refined = stream.refineBatch(2);
    const live = [...new Set(refined)];
    expect(live.reduce((sum, id) => sum + (stream.counts(id)?.documents ?? 0), 0)).toBe(docs.length);
    const tokens = docs.reduce((sum, doc) => sum + words(doc).length, 0);
    expect(live.reduce((sum, id) => sum + (stream.counts(id)?.tokens ?? 0), 0)).toBe(tokens);
    expect(stream.size).toBe(live.length);
  });

  it("re-assigns the current batch in refineBatch and leaves closed batches alone", () => {
    const stream = new DirichletStream({ ...MSTREAM_OPTIONS, batches: true });
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
