import type { Article } from "../model/article.js";
import { articleTerms } from "./article-terms.js";
import { compareByPublication } from "./group-stories.js";

export interface RankedArticle {
  article: Article;
  /** Cosine of the article to the story's mean vector: 1 = says what the story says, 0 = shares nothing. */
  centrality: number;
}

/**
 * A story's articles, most central first: the article closest to what all of them say is the best single report
 * of the story. Ties go to the earlier publication, then the smaller id, so the order is stable.
 */
export function rankStoryArticles(articles: readonly Article[]): RankedArticle[] {
  const counts = articles.map((article) => articleTerms(article).counts);
  const df = new Map<string, number>();
  for (const terms of counts) for (const term of terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  // Smoothed over the story: a term every article shares still counts, a term one article has counts more.
  const idf = (term: string) => Math.log(1 + (articles.length + 1) / (df.get(term) ?? 1));
  const vectors = counts.map((terms) => {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of terms) {
      const weight = (1 + Math.log(count)) * idf(term);
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
  const mean = new Map<string, number>();
  for (const vector of vectors) for (const [term, weight] of vector) mean.set(term, (mean.get(term) ?? 0) + weight);
  let meanNorm = 0;
  for (const weight of mean.values()) meanNorm += weight * weight;
  meanNorm = Math.sqrt(meanNorm);
  const ranked = articles.map((article, index) => {
    let dot = 0;
    for (const [term, weight] of vectors[index] as Map<string, number>) dot += weight * (mean.get(term) ?? 0);
    return { article, centrality: meanNorm === 0 ? 0 : dot / meanNorm };
  });
  return ranked.sort((a, b) => b.centrality - a.centrality || compareByPublication(a.article, b.article));
}

export interface StoryOutline {
  title: string;
  /** Most central first. */
  articleIds: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  outlets: string[];
}

/** Title (the most central article's), dates, outlets and ranked article ids of one story's articles. */
export function outlineStory(articles: readonly Article[]): StoryOutline {
  const ranked = rankStoryArticles(articles);
  const dated = articles
    .map((article) => (article.publishedAt === null ? Number.NaN : Date.parse(article.publishedAt)))
    .filter((time) => !Number.isNaN(time))
    .sort((a, b) => a - b);
  const first = dated[0];
  const last = dated.at(-1);
  return {
    title: ranked.find((entry) => entry.article.title.trim() !== "")?.article.title ?? "",
    articleIds: ranked.map((entry) => entry.article.id),
    firstSeen: first === undefined ? null : new Date(first).toISOString(),
    lastSeen: last === undefined ? null : new Date(last).toISOString(),
    outlets: [...new Set(articles.map((a) => a.outlet).filter((o): o is string => o !== null))].sort(),
  };
}
