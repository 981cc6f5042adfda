import type { Article } from "../model/article.js";
import { contentTokens } from "./tokenize.js";

/**
 * Story grouping v1: single pass in publication order, each article joins the story whose term centroid is most
 * similar (TF-IDF cosine) or starts a new one. Deterministic for a given corpus. The "Stories" issue replaces this
 * with online clustering; the interface (articles in, groups out) stays.
 */

/** Cosine at or above which an article joins a story. Chosen on the demo corpus and hand-made pairs: articles of
 * one event share names, places and figures (cosine 0.2-0.6), unrelated stories that share generic words stay
 * under 0.1. */
export const JOIN_SIMILARITY = 0.15;

/** The title says what the article is about more densely than the body; count its words this many times. */
const TITLE_WEIGHT = 3;

export interface StoryGroup {
  articleIds: string[];
}

type Vector = Map<string, number>;

export function groupStories(articles: readonly Article[]): StoryGroup[] {
  const ordered = [...articles].sort(compareByPublication);
  const termCounts = ordered.map((article) => countTerms(article));
  const documentFrequency = new Map<string, number>();
  for (const counts of termCounts) {
    for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const total = ordered.length;
  const vectors = termCounts.map((counts) => weigh(counts, documentFrequency, total));

  const groups: Array<{ articleIds: string[]; centroid: Vector }> = [];
  ordered.forEach((article, index) => {
    const vector = vectors[index] as Vector;
    let best: { group: (typeof groups)[number]; similarity: number } | null = null;
    for (const group of groups) {
      const similarity = cosine(vector, group.centroid);
      if (similarity >= JOIN_SIMILARITY && (best === null || similarity > best.similarity))
        best = { group, similarity };
    }
    if (best === null) {
      groups.push({ articleIds: [article.id], centroid: new Map(vector) });
    } else {
      best.group.articleIds.push(article.id);
      addInto(best.group.centroid, vector);
    }
  });
  return groups.map(({ articleIds }) => ({ articleIds }));
}

/** Undated articles go last; ties break on id so the order never depends on input order. */
export function compareByPublication(a: Article, b: Article): number {
  if (a.publishedAt !== b.publishedAt) {
    if (a.publishedAt === null) return 1;
    if (b.publishedAt === null) return -1;
    const difference = Date.parse(a.publishedAt) - Date.parse(b.publishedAt);
    if (difference !== 0 && !Number.isNaN(difference)) return difference;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function countTerms(article: Article): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of contentTokens(article.title)) counts.set(token, (counts.get(token) ?? 0) + TITLE_WEIGHT);
  for (const token of contentTokens(article.text)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

function weigh(counts: Map<string, number>, documentFrequency: Map<string, number>, total: number): Vector {
  const vector: Vector = new Map();
  let norm = 0;
  for (const [term, count] of counts) {
    const df = documentFrequency.get(term) ?? 1;
    const weight = (1 + Math.log(count)) * Math.log(1 + total / df);
    vector.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}

function addInto(centroid: Vector, vector: Vector): void {
  for (const [term, weight] of vector) centroid.set(term, (centroid.get(term) ?? 0) + weight);
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let normB = 0;
  for (const weight of b.values()) normB += weight * weight;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [term, weight] of small) {
    const other = large.get(term);
    if (other !== undefined) dot += weight * other;
  }
  let normA = 0;
  for (const weight of a.values()) normA += weight * weight;
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
