import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingestDocumentDetailed } from "../src/ingest/index.js";
import type { Article } from "../src/model/index.js";

const FIXTURES = join(import.meta.dirname, "fixtures", "ingest");
/** Fixed "today" so datelines without a year resolve the same way every run. */
const NOW = new Date("2026-06-01T12:00:00Z");

interface ExpectedDiagnostic {
  source?: string;
  severity?: string;
  reason?: string;
  reasonIncludes?: string;
  line?: number;
}

interface ExpectedArticle {
  title?: string;
  outlet?: string | null;
  author?: string | null;
  publishedAt?: string | null;
  url?: string | null;
  language?: string | null;
  text?: string;
  textIncludes?: string[];
  textExcludes?: string[];
  metadata?: Record<string, unknown>;
  diagnostics?: ExpectedDiagnostic[];
}

interface Expected {
  status: "ok" | "failed";
  reason?: string;
  reasonIncludes?: string;
  reasonMatches?: string;
  articles?: ExpectedArticle[];
  rejected?: Array<{ line?: number; reason?: string; reasonIncludes?: string; reasonMatches?: string }>;
}

function checkArticle(article: Article, want: ExpectedArticle): void {
  for (const field of ["title", "outlet", "author", "publishedAt", "url", "language", "text"] as const) {
    if (field in want) expect(article[field], field).toEqual(want[field]);
  }
  for (const part of want.textIncludes ?? []) expect(article.text).toContain(part);
  for (const part of want.textExcludes ?? []) expect(article.text).not.toContain(part);
  if (want.metadata) expect(article.metadata).toMatchObject(want.metadata);
  for (const d of want.diagnostics ?? []) {
    const match = article.diagnostics.find(
      (a) =>
        (d.source === undefined || a.source === d.source) &&
        (d.severity === undefined || a.severity === d.severity) &&
        (d.reason === undefined || a.reason === d.reason) &&
        (d.reasonIncludes === undefined || a.reason.includes(d.reasonIncludes)) &&
        (d.line === undefined || a.place?.line === d.line),
    );
    expect(match, `diagnostic ${JSON.stringify(d)} in ${JSON.stringify(article.diagnostics)}`).toBeDefined();
  }
  expect(article.id).toMatch(/^[0-9a-f]{16}$/);
  expect(article.title.trim()).not.toBe("");
}

describe("ingest fixtures", () => {
  const cases = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory());
  it("has the required cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(16);
  });
  for (const dir of cases) {
    it(dir.name, () => {
      const folder = join(FIXTURES, dir.name);
      const input = readdirSync(folder).find((f) => f.startsWith("input."));
      if (!input) throw new Error(`no input file in ${folder}`);
      const expected = JSON.parse(readFileSync(join(folder, "expected.json"), "utf8")) as Expected;
      const source = `fixtures/${dir.name}/${input}`;
      const result = ingestDocumentDetailed(
        { source, path: source, url: null, bytes: new Uint8Array(readFileSync(join(folder, input))) },
        { now: NOW },
      );
      expect(result.status, JSON.stringify(result).slice(0, 400)).toBe(expected.status);
      if (result.status === "failed") {
        if (expected.reason) expect(result.reason).toBe(expected.reason);
        if (expected.reasonIncludes) expect(result.reason).toContain(expected.reasonIncludes);
        if (expected.reasonMatches) expect(result.reason).toMatch(new RegExp(expected.reasonMatches));
        return;
      }
      const { articles, rejected } = result.value;
      expect(articles).toHaveLength(expected.articles?.length ?? 0);
      expected.articles?.forEach((want, i) => {
        checkArticle(articles[i] as Article, want);
      });
      expect(rejected).toHaveLength(expected.rejected?.length ?? 0);
      expected.rejected?.forEach((want, i) => {
        const got = rejected[i];
        if (!got) throw new Error("missing rejected entry");
        if (want.line !== undefined) {
          expect(got.line).toBe(want.line);
          expect(got.source).toBe(`${source}:${want.line}`);
        }
        if (want.reason) expect(got.reason).toBe(want.reason);
        if (want.reasonIncludes) expect(got.reason).toContain(want.reasonIncludes);
        if (want.reasonMatches) expect(got.reason).toMatch(new RegExp(want.reasonMatches));
      });
    });
  }
});
