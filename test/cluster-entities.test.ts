import { describe, expect, it } from "vitest";
import { type ArticleFeatures, groupStories } from "../src/cluster/index.js";
import { extractMentions } from "../src/extract/entities/index.js";
import type { Article } from "../src/model/article.js";
import { entityKeys } from "../src/pipeline/entity-keys.js";
import { makeArticle } from "./helpers/make-article.js";

/**
 * Resolved entity keys as clustering features: two reports of one event that spell every name differently (another
 * romanisation) and share few words are one story; a report about other people whose surnames share a root is not.
 */
const original = makeArticle({
  id: "original",
  title: "Court in Minsk jails opposition figures after closed trial",
  publishedAt: "2026-03-10T09:00:00Z",
  outlet: "Wire A",
  text:
    "A court in Minsk sentenced Viktor Babariko to fourteen years and Maria Kolesnikova to eleven years on Monday " +
    "after a closed trial. Sergei Tikhanovsky, already in prison, was named as an organiser. Alexander Lukashenko " +
    "called the verdicts fair.\n\nDefence lawyers said they would appeal and that observers had been kept out.",
});

const otherRomanisation = makeArticle({
  id: "other-romanisation",
  title: "Belarus: long prison terms handed down behind closed doors",
  publishedAt: "2026-03-10T13:00:00Z",
  outlet: "Outlet B",
  text:
    "Viktar Babaryka received fourteen years and Maryia Kalesnikava eleven, relatives said as they left the building. " +
    "Prosecutors also cited Siarhei Tsikhanouski. Aliaksandr Lukashenka praised the judges.\n\nFamilies described " +
    "the hearing as a formality; diplomats were refused entry.",
});

const similarRoots = makeArticle({
  id: "similar-roots",
  title: "Regional court hands down long terms in fraud trial",
  publishedAt: "2026-03-10T15:00:00Z",
  outlet: "Outlet C",
  text:
    "Viktor Babarin received fourteen years and Maria Kolesnikovich eleven, relatives said as they left the building. " +
    "Prosecutors also cited Sergei Tikhonov. Alexander Lukashev praised the judges.\n\nFamilies described the " +
    "hearing as a formality; reporters were refused entry.",
});

function features(articles: readonly Article[]): Map<string, ArticleFeatures> {
  return new Map(articles.map((article) => [article.id, { entities: entityKeys(extractMentions(article)) }]));
}

function together(groups: ReturnType<typeof groupStories>, a: string, b: string): boolean {
  return groups.some((group) => group.articleIds.includes(a) && group.articleIds.includes(b));
}

describe("entity keys as clustering features", () => {
  it("gives one key to one person's names in other romanisations, and another key to a similar surname", () => {
    const keys = (article: Article) => entityKeys(extractMentions(article)).filter((key) => key.startsWith("person:"));
    const first = keys(original);
    expect(keys(otherRomanisation).filter((key) => first.includes(key)).length).toBeGreaterThanOrEqual(3);
    expect(keys(similarRoots).filter((key) => first.includes(key))).toEqual([]);
  });

  it("joins a report that spells every name differently", () => {
    const articles = [original, otherRomanisation];
    expect(together(groupStories(articles, features(articles)), "original", "other-romanisation")).toBe(true);
  });

  it("keeps apart a report about other people whose surnames share a root", () => {
    const articles = [original, otherRomanisation, similarRoots];
    const groups = groupStories(articles, features(articles));
    expect(together(groups, "original", "other-romanisation")).toBe(true);
    expect(together(groups, "original", "similar-roots")).toBe(false);
    expect(together(groups, "other-romanisation", "similar-roots")).toBe(false);
  });

  it("needs the keys: on words and capitalised names alone the rewrite stays a story of its own", () => {
    expect(together(groupStories([original, otherRomanisation]), "original", "other-romanisation")).toBe(false);
  });
});
