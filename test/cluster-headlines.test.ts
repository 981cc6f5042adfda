import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/run-cli.js";
import { groupStories, headlineTokens, isHeadlineStream, SHORT_TEXT_MAX_WORDS } from "../src/cluster/index.js";
import { captureIo } from "./helpers/capture-io.js";
import { makeArticle } from "./helpers/make-article.js";

// Invented headlines of two stories, interleaved as a feed reader receives them.
const FERRY = [
  "Quellport ferry strike halts crossings to Brellin island",
  "Ferry crews in Quellport extend strike over Brellin crossing pay",
  "Brellin islanders stranded as Quellport ferry strike enters third day",
  "Quellport ferry operator offers crews new pay deal to end strike",
];
const ORCHARD = [
  "Frost destroys half of Sarne valley apricot orchards",
  "Sarne valley apricot growers count frost losses",
  "Apricot prices climb after Sarne valley frost",
  "Sarne valley orchards ask for frost relief fund",
];

function headline(id: string, title: string, day: number) {
  return makeArticle({ id, title, text: title, publishedAt: new Date(Date.UTC(2026, 2, 1 + day)).toISOString() });
}

function stream() {
  return FERRY.flatMap((title, i) => [headline(`f${i}`, title, i), headline(`o${i}`, ORCHARD[i] as string, i)]);
}

describe("short-text story mode", () => {
  it("is chosen automatically for a stream of headlines and summaries, not for full articles", () => {
    expect(isHeadlineStream(stream())).toBe(true);
    const long = "word ".repeat(SHORT_TEXT_MAX_WORDS + 1);
    expect(isHeadlineStream(stream().map((a) => ({ ...a, text: long })))).toBe(false);
    expect(isHeadlineStream([])).toBe(false);
  });

  it("reads the headline, a summary-length body and the entity keys", () => {
    const summary = makeArticle({ id: "s", title: "Ferry strike", text: "Crossings halted in Quellport." });
    expect(headlineTokens(summary, { entities: ["place:quellport"] })).toEqual([
      "ferry",
      "strike",
      "crossing",
      "halted",
      "quellport",
      "entity:place:quellport",
    ]);
    const article = makeArticle({ id: "a", title: "Ferry strike", text: "Crossings halted. ".repeat(30) });
    expect(headlineTokens(article)).toEqual(["ferry", "strike"]);
  });

  it("groups an interleaved headline stream into its two stories", () => {
    const groups = groupStories(stream(), new Map(), { mode: "auto" }).map((g) => [...g.articleIds].sort());
    expect(groups).toHaveLength(2);
    expect(groups).toContainEqual(["f0", "f1", "f2", "f3"]);
    expect(groups).toContainEqual(["o0", "o1", "o2", "o3"]);
  });

  it("starts a new story for the same words after a long silence", () => {
    const early = FERRY.slice(0, 2).map((title, i) => headline(`e${i}`, title, i));
    const filler = Array.from({ length: 600 }, (_, i) => headline(`x${i}`, `Unrelated item number${i} topic${i}`, 200));
    const late = [headline("late", FERRY[2] as string, 201)];
    const groups = groupStories([...early, ...filler, ...late], new Map(), { mode: "short-text" });
    const storyOf = (id: string) => groups.findIndex((g) => g.articleIds.includes(id));
    expect(storyOf("e0")).toBe(storyOf("e1"));
    expect(storyOf("late")).not.toBe(storyOf("e0"));
  });
});

describe("parallax analyze --stories", () => {
  const folders: string[] = [];
  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it("accepts a mode and refuses an unknown one with the choices", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "parallax-headlines-"));
    folders.push(cwd);
    const lines = stream().map((a) => JSON.stringify({ title: a.title, text: a.text, publishedAt: a.publishedAt }));
    await writeFile(join(cwd, "headlines.jsonl"), `${lines.join("\n")}\n`);
    const io = captureIo(cwd);
    const code = await runCli(
      ["analyze", "headlines.jsonl", "--db", join(cwd, "p.db"), "--out", "out", "-q", "--stories", "short-text"],
      io,
    );
    expect(code).toBe(0);
    expect(io.err()).toContain("8 articles in 2 stories");
    const bad = captureIo(cwd);
    expect(await runCli(["analyze", "headlines.jsonl", "--stories", "fast"], bad)).not.toBe(0);
    expect(bad.err()).toMatch(/--stories.*fast.*auto, full-text, short-text/s);
  });
});
