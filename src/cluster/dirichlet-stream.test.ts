import { describe, expect, it } from "vitest";
import { generateCorpus } from "../generate/index.js";
import {
  DirichletStream,
  type DirichletStreamOptions,
  DMM_SPLIT_MIN_PART,
  DMM_SWEEP_EVERY,
  MSTREAM_OPTIONS,
} from "./dirichlet-stream.js";

const words = (text: string) => text.split(" ");

/** Unrelated two-word topics: they make a stream with many live clusters, as a real one has. */
const FILLERS = ["alpha bravo", "charlie delta", "echo foxtrot", "golf hotel", "india juliet", "kilo lima"];

function run(options: DirichletStreamOptions, docs: readonly string[]) {
  const stream = new DirichletStream(options);
  const ids = docs.map((doc) => stream.add(words(doc)));
  return { stream, ids, final: ids.map((_, position) => stream.clusterOf(position) as number) };
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
    // A floor of 0 lets the first documents of so short a stream join at all, and no split undoes a mixed cluster:
    // the prior is what is tested here.
    const clustersOf = (wordPrior: "specificity" | "uniform", fillers: readonly string[]) => {
      const { docs, topic } = stream(fillers);
      const { final } = run({ wordPrior, newClusterFloor: 0, splits: false }, docs);
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

    // Without splits the profile rule alone decides.
    const merged = run({ splits: false }, docs);
    const profile = merged.stream.merges.filter((merge) => merge.rule === "profile");
    expect(profile).toHaveLength(1);
    expect(profile[0]?.score).toBeGreaterThanOrEqual(0.3);
    expect(rescueIds(merged.final)).toEqual(medalIds(merged.final));
    expect(rescueIds(merged.final).size).toBe(1);

    // With splits (the default) a fold must also pass the split test's posterior, the other way round; here each
    // event has words of its own in every headline, so the posterior keeps them two and no split would undo a fold.
    const guarded = run({}, docs);
    expect(guarded.stream.merges.filter((merge) => merge.rule === "profile")).toHaveLength(0);
    expect([...rescueIds(guarded.final)].some((id) => medalIds(guarded.final).has(id))).toBe(false);
  });

  it("splits a cluster that two stories grew into, records the documents that moved, and never folds it back", () => {
    // Four generic teasers start the cluster; then each story's headlines repeat the teaser's words, so both join it.
    const shopping = ["friday deal", "store shopping", "friday crowd", "deal store", "shopping friday", "crowd deal"];
    const premiere = [
      "nativity film",
      "premiere review",
      "nativity cast",
      "film premiere",
      "review nativity",
      "cast film",
    ];
    const docs = ["black weekend news", "black weekend news", "black weekend news", "black weekend news"];
    const story = docs.map(() => "teaser");
    for (let i = 0; i < 12; i++) {
      docs.push(`black weekend news ${shopping[i % 6]}`, `black weekend news ${premiere[i % 6]}`);
      story.push("shopping", "premiere");
    }
    const clustersOf = (final: number[], name: string) => new Set(final.filter((_, i) => story[i] === name));

    const mixed = run({ splits: false }, docs);
    expect(new Set(mixed.final).size).toBe(1);
    expect(mixed.stream.splits).toHaveLength(0);

    const { stream, final } = run({}, docs);
    expect(clustersOf(final, "shopping").size).toBe(1);
    expect(clustersOf(final, "premiere").size).toBe(1);
    expect([...clustersOf(final, "shopping")][0]).not.toBe([...clustersOf(final, "premiere")][0]);
    // The part holding the first document keeps the cluster's id; the other part leaves.
    expect(final[0]).toBe(final[5]);
    expect(stream.splits).toHaveLength(1);
    const split = stream.splits[0] as (typeof stream.splits)[number];
    expect(split.from).toBe(final[0]);
    expect(split.into).toBe(final[4]);
    expect(split.score).toBeGreaterThan(0);
    // The record lists the documents that moved then, and only those (later ones joined the new cluster directly).
    expect(split.documents.length).toBeGreaterThanOrEqual(DMM_SPLIT_MIN_PART);
    expect(split.documents.every((position) => story[position] === "shopping" && position < split.atDocument)).toBe(
      true,
    );
    expect(stream.merges).toHaveLength(0);
    expect(stream.counts(split.into)?.documents).toBe(12);
    expect(stream.counts(split.from)?.documents).toBe(16);
    expect(stream.counts(split.from)?.words.get("friday")).toBeUndefined();
    expect(stream.clusterOf(docs.length)).toBeUndefined();
  });

  it("moves a headline placed before its story's cluster existed, and records the move", () => {
    // Fifty one-off headlines give the stream a realistic vocabulary (a word unseen in a cluster is not prohibitive).
    const docs = Array.from({ length: 50 }, (_, i) => `filler${i}a filler${i}b filler${i}c`);
    const harbour = ["harbour strike dockers pension", "dockers strike harbour", "harbour pension dockers"];
    const council = ["council vote budget", "budget vote council", "council budget vote", "vote council budget"];
    docs.push(...harbour);
    // Half harbour, half council: when it arrives only the harbour cluster exists, so it joins that one.
    const ambiguous = docs.push("harbour council") - 1;
    for (let i = 0; i < 10; i++) docs.push(council[i % 4] as string, harbour[i % 3] as string);

    const stayed = run({ moves: false }, docs);
    expect(stayed.final[ambiguous]).toBe(stayed.final[50]);
    expect(stayed.stream.moves).toHaveLength(0);

    const { stream, final } = run({}, docs);
    const harbourCluster = final[50] as number;
    const councilCluster = final[ambiguous + 1] as number;
    expect(councilCluster).not.toBe(harbourCluster);
    // Decided again when the harbour cluster was reviewed, with the council cluster's fuller counts.
    expect(final[ambiguous]).toBe(councilCluster);
    expect(stream.moves).toEqual([
      {
        document: ambiguous,
        from: harbourCluster,
        into: councilCluster,
        atDocument: expect.any(Number),
        score: expect.any(Number),
      },
    ]);
    expect(stream.moves[0]?.score).toBeGreaterThan(0);
    expect(stream.moves[0]?.atDocument).toBeGreaterThan(ambiguous + 1);
    expect(stream.counts(harbourCluster)?.words.get("council")).toBeUndefined();
    expect(stream.counts(councilCluster)?.words.get("harbour")).toBe(1);
    expect(stream.counts(councilCluster)?.documents).toBe(11);
  });

  it("goes on after serialize and restore exactly as an uninterrupted stream", () => {
    const day = 86_400_000;
    // Generated headlines over weeks, so that merges, splits, moves and archiving all happen on the way.
    const stream = [...generateCorpus({ articles: 1_500, seed: 5 })].map(({ record }, index) => ({
      tokens: record.title
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter((word) => word.length > 2),
      at: Date.parse(record.publishedAt ?? "") || index * day,
    }));
    for (const options of [{ maxSilence: 3 * day }, { choice: "sample" as const, seed: 9 }]) {
      const whole = new DirichletStream(options);
      for (const { tokens, at } of stream) whole.add(tokens, at);
      let halves = new DirichletStream(options);
      stream.forEach(({ tokens, at }, index) => {
        // Saved and restored twice on the way, through JSON as the store keeps it.
        if (index === 500 || index === 1_000)
          halves = DirichletStream.restore(JSON.parse(JSON.stringify(halves.serialize())));
        halves.add(tokens, at);
      });
      expect(whole.merges.length + whole.splits.length + whole.moves.length).toBeGreaterThan(0);
      expect(stream.map((_, position) => halves.clusterOf(position))).toEqual(
        stream.map((_, position) => whole.clusterOf(position)),
      );
      expect(JSON.stringify(halves.serialize())).toBe(JSON.stringify(whole.serialize()));
    }
    expect(() => new DirichletStream({ batches: true }).serialize()).toThrow(/batch/);
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
