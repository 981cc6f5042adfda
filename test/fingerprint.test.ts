import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CandidateIndex,
  countIndependentSources,
  detectProvenance,
  estimateSimilarity,
  findCredits,
  sketchText,
} from "../src/fingerprint/index.js";
import type { Article, ProvenanceEdge } from "../src/model/index.js";

const fixtures = join(import.meta.dirname, "fixtures", "fingerprint");

interface FixtureArticle {
  id: string;
  title: string;
  text: string;
  outlet: string | null;
  publishedAt: string | null;
}

interface ExpectedEdge {
  source: string;
  target: string;
  relation: ProvenanceEdge["relation"];
  directionKnown?: boolean;
}

function toArticle(fixture: FixtureArticle): Article {
  return {
    id: fixture.id,
    path: null,
    url: null,
    title: fixture.title,
    outlet: fixture.outlet,
    author: null,
    publishedAt: fixture.publishedAt,
    language: "en",
    text: fixture.text,
    metadata: { fieldSources: {} },
    diagnostics: [],
  };
}

function load(name: string): { articles: Article[]; expected: ExpectedEdge[] } {
  const articles = (JSON.parse(readFileSync(join(fixtures, name, "articles.json"), "utf8")) as FixtureArticle[]).map(
    toArticle,
  );
  const expected = (
    JSON.parse(readFileSync(join(fixtures, name, "expected.json"), "utf8")) as { edges: ExpectedEdge[] }
  ).edges;
  return { articles, expected };
}

describe("detectProvenance on fixtures", () => {
  for (const name of readdirSync(fixtures).sort()) {
    it(`${name}: finds exactly the expected edges`, () => {
      const { articles, expected } = load(name);
      const edges = detectProvenance(articles);
      const shape = (edge: ExpectedEdge | ProvenanceEdge) => ({
        source: edge.source,
        target: edge.target,
        relation: edge.relation,
        directionKnown: edge.directionKnown,
      });
      const sort = (list: ReturnType<typeof shape>[]) =>
        list.sort((x, y) => `${x.source}${x.target}`.localeCompare(`${y.source}${y.target}`));
      expect(sort(edges.map(shape))).toEqual(sort(expected.map(shape)));
    });
  }

  it("gives every copy edge evidence with offsets that point at the quoted text", () => {
    for (const name of ["near-duplicate", "rewrite", "contained"]) {
      const { articles } = load(name);
      const byId = new Map(articles.map((article) => [article.id, article]));
      const [edge] = detectProvenance(articles);
      expect(edge?.evidence.length).toBeGreaterThan(0);
      for (const passage of edge?.evidence ?? []) {
        const source = byId.get(edge?.source ?? "") as Article;
        const target = byId.get(edge?.target ?? "") as Article;
        expect(source.text.slice(passage.source.start, passage.source.end)).toBe(passage.source.text);
        expect(target.text.slice(passage.target.start, passage.target.end)).toBe(passage.target.text);
        expect(passage.shared.length).toBeGreaterThan(0);
      }
    }
  });

  it("lists figures, names and the shared quote in a rewrite's evidence", () => {
    const { articles } = load("rewrite");
    const [edge] = detectProvenance(articles);
    const shared = edge?.evidence.flatMap((passage) => passage.shared) ?? [];
    expect(shared).toContain("12.4");
    expect(shared).toContain("Varga");
    expect(shared.some((item) => item.includes("rebuild the crossing stronger"))).toBe(true);
    expect(edge?.score).toBeGreaterThan(0.5);
  });

  it("orders by date even when the later article carries no credit", () => {
    const { articles } = load("exact-duplicate");
    const swapped = [articles[1] as Article, articles[0] as Article];
    const [edge] = detectProvenance(swapped);
    expect(edge).toMatchObject({ source: "a", target: "b", directionKnown: true });
  });
});

describe("credits", () => {
  it("reads wire datelines, trailing credits and 'X reported', but not people", () => {
    const outlets = (text: string) => findCredits(text).map((credit) => credit.outlet);
    expect(outlets("QUELLPORT (Veltran Wire) — The council met.")).toEqual(["Veltran Wire"]);
    expect(outlets("The council met on Tuesday.\n\n(Continental Press Agency)")).toEqual(["Continental Press Agency"]);
    expect(outlets("The Salvoro Monitor reported that the mill had closed.")).toEqual(["Salvoro Monitor"]);
    expect(outlets("According to Mayor Elena Varga, the mill had closed.")).toEqual([]);
    expect(outlets("Officials said, according to the health ministry, that beds were full.")).toEqual([]);
  });

  it("adds a credit edge for an outlet outside the corpus only", () => {
    const { articles } = load("credit-according-to");
    const edges = detectProvenance(articles);
    expect(edges.map((edge) => edge.source)).toEqual(["outlet:Meridian Newswire"]);
    const passage = edges[0]?.evidence[0];
    expect(articles[0]?.text.slice(passage?.target.start, passage?.target.end)).toBe("Meridian Newswire");
  });
});

describe("countIndependentSources", () => {
  it("collapses copies into their origin's outlet and counts independent reports", () => {
    const dup = load("exact-duplicate");
    expect(countIndependentSources(dup.articles, detectProvenance(dup.articles))).toBe(1);
    const independent = load("independent-same-story");
    expect(countIndependentSources(independent.articles, detectProvenance(independent.articles))).toBe(2);
  });

  it("counts wire copies as the wire, and articles without an outlet by themselves", () => {
    const text = "HALDEN CROSS (Veltran Wire) — ".concat(load("exact-duplicate").articles[0]?.text ?? "");
    const articles = ["x", "y", "z"].map((id, index) => ({
      ...(load("exact-duplicate").articles[0] as Article),
      id,
      outlet: ["Harbor Ledger", "Coastline Herald", "Zarnow Bulletin"][index] ?? null,
      text,
    }));
    expect(countIndependentSources(articles, detectProvenance(articles))).toBe(1);
    const loose = articles.map((article, index) => ({ ...article, outlet: null, text: `${index} ${article.title}` }));
    expect(countIndependentSources(loose, [])).toBe(3);
  });
});

describe("sketch and CandidateIndex", () => {
  const { articles } = load("contained");
  const long = articles[0] as Article;
  const short = articles[1] as Article;

  it("estimates resemblance near 1 for the same text and near 0 for unrelated text", () => {
    const a = sketchText(long.text);
    expect(estimateSimilarity(a.shingles, sketchText(long.text).shingles)).toBe(1);
    const other = load("bad-input").articles.find((article) => article.id === "bakery") as Article;
    expect(estimateSimilarity(a.shingles, sketchText(other.text).shingles)).toBeLessThan(0.1);
  });

  it("finds a short article inside a long one through anchors, in both orders", () => {
    const forward = new CandidateIndex();
    forward.add("long", sketchText(long.text));
    expect(forward.candidates(sketchText(short.text))).toEqual(["long"]);
    const backward = new CandidateIndex();
    backward.add("short", sketchText(short.text));
    expect(backward.candidates(sketchText(long.text))).toEqual(["short"]);
  });

  it("evicts articles older than the window", () => {
    const index = new CandidateIndex({ windowMs: 60_000 });
    index.add("old", sketchText(long.text), "2026-03-10T10:00:00Z");
    index.add("new", sketchText(short.text), "2026-03-10T10:05:00Z");
    expect(index.size).toBe(1);
    expect(index.candidates(sketchText(long.text))).toEqual(["new"]);
  });

  it("keeps finding live articles and drops evicted ones across growth and compaction", () => {
    // Distinct articles with names and figures (the anchor and fact keys), from a small deterministic generator.
    const article = (n: number): string => {
      const sentences: string[] = [];
      for (let s = 0; s < 20; s++) {
        const name = `Name${(n * 31 + s * 7) % 9973}x`;
        sentences.push(
          `The report by ${name} said ${1000 + ((n * 97 + s * 13) % 9000)} people met in Town${n}y today.`,
        );
      }
      return sentences.join(" ");
    };
    // Starts small so the arrays grow, and evicts more than 1,024 articles so the index compacts.
    const index = new CandidateIndex({ windowMs: 5_000, expectedArticles: 64 });
    const total = 3000;
    for (let i = 0; i < total; i++) index.add(`a${i}`, sketchText(article(i)), i * 10);
    expect(index.size).toBe(501);
    expect(index.candidates(sketchText(article(total - 1)))).toContain(`a${total - 1}`);
    expect(index.candidates(sketchText(article(total - 400)))).toContain(`a${total - 400}`);
    expect(index.candidates(sketchText(article(0)))).not.toContain("a0");
  });

  it("keeps an indexed article under 1.5 KB", () => {
    const index = new CandidateIndex({ expectedArticles: 2000 });
    for (let i = 0; i < 2000; i++) index.add(`a${i}`, sketchText(`${long.text} ${i}`));
    expect(index.stats().bytes / 2000).toBeLessThan(1536);
  });
});
