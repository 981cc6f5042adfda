import type { Article } from "../model/article.js";
import { groupHeadlines, isHeadlineStream } from "./group-headlines.js";
import { type ArticleFeatures, StoryClusterer } from "./story-clusterer.js";

export interface StoryGroup {
  articleIds: string[];
}

/**
 * Which model groups the batch: "full-text", the similarity clusterer (story-clusterer.ts) on weighted terms, entities
 * and time; "short-text", the one-pass mixture model (dirichlet-stream.ts) for headlines and feed summaries; "auto"
 * (the default), short-text when most articles are short (group-headlines.ts), full-text otherwise.
 */
export type StoryMode = "auto" | "full-text" | "short-text";

export interface GroupOptions {
  mode?: StoryMode;
}

/**
 * Batch grouping on top of the online clusterer: articles are fed in publication order, as a live stream would have
 * delivered them, so the batch pipeline and the stream agree. Deterministic for a given set of articles, whatever
 * the input order. Undated articles arrive last, at the newest date of the batch (see docs/stories.md).
 * `featuresById` carries what earlier stages know per article id (resolved entity keys); an explicit `arrivedAt`
 * there wins over the batch's newest date.
 */
export function groupStories(
  articles: readonly Article[],
  featuresById: ReadonlyMap<string, ArticleFeatures> = new Map(),
  options: GroupOptions = {},
): StoryGroup[] {
  const ordered = [...articles].sort(compareByPublication);
  const newest = newestDate(ordered);
  const mode = options.mode ?? "auto";
  if (mode === "short-text" || (mode === "auto" && isHeadlineStream(ordered)))
    return groupHeadlines(ordered, featuresById, newest);
  const clusterer = new StoryClusterer();
  placeArticles(clusterer, ordered, (article) => featuresById.get(article.id) ?? {}, newest);
  return clusterer.stories().map(({ articleIds }) => ({ articleIds }));
}

/**
 * Feeds articles, already in publication order, to an online clusterer as a stream would deliver them: a dated
 * article arrives at its date (a date in the future is clamped to now by the clusterer), an undated one at `newest`
 * (the newest date the corpus knows), so that it joins the stories of its time and not those of its ingest day.
 */
export function placeArticles(
  clusterer: StoryClusterer,
  ordered: readonly Article[],
  featuresOf: (article: Article) => ArticleFeatures,
  newest: number | null,
): void {
  for (const article of ordered) {
    const features = featuresOf(article);
    clusterer.add(
      article,
      article.publishedAt === null && newest !== null ? { arrivedAt: newest, ...features } : features,
    );
  }
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

/** The newest publication time among the articles, ignoring dates in the future; null when none is dated. */
export function newestDate(articles: readonly Article[]): number | null {
  let newest: number | null = null;
  const now = Date.now();
  for (const article of articles) {
    const time = article.publishedAt === null ? Number.NaN : Date.parse(article.publishedAt);
    if (!Number.isNaN(time) && time <= now && (newest === null || time > newest)) newest = time;
  }
  return newest;
}
