import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report, ReportArticle } from "../src/report/index.js";

/**
 * End to end: the real `parallax` CLI, in a child process, on the bundled demo corpus in examples/. Checks the
 * report field by field against what the demo articles say and against the gold story membership.
 */
const run = promisify(execFile);
const root = join(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "parallax-e2e-"));
const cli = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", join(root, "src/cli/main.ts"), ...args], { cwd: root });

let first: { stdout: string; stderr: string };
let report: Report;

/** Gold members are `path` or `path#entry` (entry = position of the article within its file). */
function memberKey(article: ReportArticle, articles: readonly ReportArticle[]): string {
  const siblings = articles.filter((other) => other.path === article.path);
  return siblings.length === 1 ? `${article.path}` : `${article.path}#${siblings.indexOf(article)}`;
}

function byPath(path: string): ReportArticle {
  const found = report.articles.find((article) => article.path === path);
  if (found === undefined) throw new Error(`no article from ${path}`);
  return found;
}

beforeAll(async () => {
  first = await cli("analyze", "examples", "--out", join(work, "out"), "--db", join(work, "demo.db"), "--quiet");
  report = JSON.parse(readFileSync(join(work, "out", "report.json"), "utf8")) as Report;
});

describe("parallax analyze examples/", () => {
  it("ingests every demo article and prints a summary line", () => {
    expect(first.stderr).toMatch(
      /^Analysed 11 inputs: 13 new articles, 0 already stored, 0 failed; 13 articles in 2 stories \(2 analysed, 0 unchanged\)\./m,
    );
    expect(report.schemaVersion).toBe(1);
    expect(report.generator.name).toBe("parallax");
    expect(report.articles).toHaveLength(13);
    for (const article of report.articles) {
      expect(article.id).toMatch(/^[0-9a-f]{16}$/);
      expect(article.title.length).toBeGreaterThan(10);
      expect(article.language).toBe("en");
      expect(article.text).not.toMatch(/<[a-z/]/i);
    }
  });

  it("maps front matter into the article fields", () => {
    const article = byPath("examples/md/eastgate-post-lipovy-square-crackdown.md");
    expect(article.title).toBe("Thousands detained as Lyubrava rally for Daletsky is crushed");
    expect(article.outlet).toBe("Eastgate Post");
    expect(article.author).toBe("Oliver Brandt");
    expect(article.publishedAt).toBe("2026-03-15T14:10:00+01:00");
  });

  it("takes the main text of a page with scripts, navigation and comments, and its metadata", () => {
    const article = byPath("examples/html/lyubrava-courier-weekend-arrests.html");
    expect(article.outlet).toBe("Lyubrava Courier");
    expect(article.publishedAt).toBe("2026-03-16T07:15:00+03:00");
    expect(article.text).toContain("2,150");
    expect(article.text).not.toMatch(/cookie|analytics|function\s*\(|onclick|Related stories|Share on/i);
  });

  it("repairs mojibake, drops trailing boilerplate and keeps an undated article undated", () => {
    const article = byPath("examples/txt/radio-bereg-daletski-lawyer.txt");
    expect(article.title).toBe("Liubrava rally: Daletski’s lawyer says “nobody has seen him for weeks”");
    expect(article.text).toContain("Here’s what we know so far.");
    expect(article.text).not.toMatch(/â€|Read more|Share this article/);
    expect(article.publishedAt).toBeNull();
    expect(article.diagnostics.some((d) => d.source === "ingest:mojibake")).toBe(true);
  });

  it("reads every entry of JSON Lines files and feeds, keeping the real publisher", () => {
    const feed = report.articles.filter((article) => article.path === "examples/feeds/northern-ledger-world-feed.xml");
    expect(feed).toHaveLength(2);
    expect(feed[1]?.outlet).toBe("Highland Gazette");
    expect(feed[1]?.url).toBe("https://northernledger.example/world/2026/mar/17/aldmark-sarne-valley-drought");
    const lines = report.articles.filter(
      (article) => article.path === "examples/jsonl/dispatch-and-observer-detentions.jsonl",
    );
    expect(lines.map((article) => article.outlet)).toEqual(["Continental Dispatch", "The Civic Observer"]);
  });

  it("groups the articles into the two gold stories, nothing mixed", () => {
    const gold = JSON.parse(readFileSync(join(root, "eval/gold/demo/stories.json"), "utf8")) as {
      stories: Array<{ members: string[] }>;
    };
    const byId = new Map(report.articles.map((article) => [article.id, article]));
    const found = report.stories.map((story) =>
      story.articleIds.map((id) => memberKey(byId.get(id) as ReportArticle, report.articles)).sort(),
    );
    expect(found).toEqual(gold.stories.map((story) => [...story.members].sort()));
  });

  it("gives every story its fields and every section as an array", () => {
    for (const story of report.stories) {
      expect(story.id).toMatch(/^story-[0-9a-f]{12}$/);
      expect(story.revision).toMatch(/^[0-9a-f]{32}$/);
      expect(story.title.length).toBeGreaterThan(0);
      expect(story.outlets.length).toBeGreaterThan(1);
      expect(String(story.firstSeen) <= String(story.lastSeen)).toBe(true);
      for (const section of ["entities", "provenance", "claims", "quotes", "timeline", "brief"] as const) {
        expect(Array.isArray(story[section])).toBe(true);
      }
    }
    expect(report.stories[0]?.articleIds).toHaveLength(10);
    expect(report.stories[0]?.outlets).toContain("Meridian Wire");
  });

  it("writes the Markdown and HTML reports, the HTML without any script", () => {
    const markdown = readFileSync(join(work, "out", "report.md"), "utf8");
    const html = readFileSync(join(work, "out", "report.html"), "utf8");
    expect(markdown).toMatch(/^# Parallax report/);
    for (const story of report.stories) expect(markdown).toContain(`## ${story.title}`);
    expect(html).toContain("Content-Security-Policy");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("Drought emergency declared in Upper Sarne Valley");
  });

  it("adds nothing twice when run again on the same files", async () => {
    const again = await cli(
      "analyze",
      "examples",
      "--out",
      join(work, "out2"),
      "--db",
      join(work, "demo.db"),
      "--quiet",
    );
    // The database holds the analysis: with nothing new, no story is analysed again.
    expect(again.stderr).toMatch(
      /0 new articles, 13 already stored, 0 failed; 13 articles in 2 stories \(0 analysed, 2 unchanged\)/,
    );
    const second = JSON.parse(readFileSync(join(work, "out2", "report.json"), "utf8")) as Report;
    expect(second.articles.map((a) => a.id)).toEqual(report.articles.map((a) => a.id));
    expect(second.stories).toEqual(report.stories);
  });

  it("prints each article as one JSON line with extract", async () => {
    const { stdout } = await cli("extract", "examples/jsonl/dispatch-and-observer-detentions.jsonl");
    const lines = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0]).sort()).toEqual(
      [
        "author",
        "diagnostics",
        "id",
        "language",
        "metadata",
        "outlet",
        "path",
        "publishedAt",
        "text",
        "title",
        "url",
      ].sort(),
    );
  });

  it("answers --help", async () => {
    const { stdout } = await cli("--help");
    expect(stdout).toMatch(/Usage: parallax/);
    expect(stdout).toMatch(/analyze/);
    expect(stdout).toMatch(/extract/);
  });
});
