import { describe, expect, it } from "vitest";
import { detectProvenance } from "../src/fingerprint/index.js";
import { type GeneratedItem, generateCorpus, toArticle } from "../src/generate/index.js";

const take = (seed: number, articles: number): GeneratedItem[] => [...generateCorpus({ articles, seed })];

describe("generateCorpus", () => {
  it("is deterministic: the same seed gives the same stream, another seed another", () => {
    expect(take(11, 60)).toEqual(take(11, 60));
    expect(take(12, 60).map((item) => item.record.text)).not.toEqual(take(11, 60).map((item) => item.record.text));
  });

  it("labels every copy edge with a source that exists earlier in the stream or is a hidden wire original", () => {
    const items = take(5, 400);
    const seen = new Set<string>();
    const storyOf = new Map<string, string>();
    const relations = new Set<string>();
    for (const item of items) {
      for (const edge of item.edges) {
        expect(edge.target).toBe(item.record.id);
        relations.add(edge.relation);
        if (edge.relation === "credit") {
          expect(edge.source.startsWith("outlet:")).toBe(true);
          expect(item.record.text).toContain(edge.source.slice("outlet:".length));
        } else if (edge.source.startsWith("hidden:")) {
          expect(edge.source).toBe(`hidden:${item.story}`);
        } else {
          expect(seen.has(edge.source)).toBe(true);
          expect(storyOf.get(edge.source)).toBe(item.story);
        }
        if (edge.relation === "duplicate" && !edge.source.startsWith("hidden:")) {
          const source = items.find((other) => other.record.id === edge.source);
          expect(source?.record.text).toBe(item.record.text);
        }
      }
      seen.add(item.record.id);
      storyOf.set(item.record.id, item.story);
    }
    expect([...relations].sort()).toEqual(["credit", "duplicate", "near-duplicate", "rewrite"]);
    expect(new Set(items.map((item) => item.record.id)).size).toBe(items.length);
  });

  it("writes complete records that convert to articles", () => {
    for (const item of take(3, 50)) {
      const article = toArticle(item.record);
      expect(article.id).toBe(item.record.id);
      expect(article.text.length).toBeGreaterThan(200);
      expect(article.url).toMatch(/^https:\/\/[a-z]+\.example\//);
      expect(article.outlet).toBeTruthy();
    }
  });

  it("produces copies the detector finds, and no edge between independent reports of one story", () => {
    const items = take(9, 300);
    const edges = detectProvenance(items.map((item) => toArticle(item.record)));
    const family = new Map<string, string>();
    const rootOf = (id: string): string => family.get(id) ?? id;
    for (const item of items) {
      const copy = item.edges.find((edge) => edge.relation !== "credit");
      family.set(item.record.id, copy ? rootOf(copy.source) : item.record.id);
    }
    const copies = edges.filter((edge) => edge.relation !== "credit");
    expect(copies.length).toBeGreaterThan(50);
    for (const edge of copies) expect(rootOf(edge.source)).toBe(rootOf(edge.target));
  });
});
