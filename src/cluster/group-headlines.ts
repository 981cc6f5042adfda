import type { Article } from "../model/article.js";
import { ARCHIVE_AFTER_MS } from "./cluster-params.js";
import { DirichletStream } from "./dirichlet-stream.js";
import type { ArticleFeatures } from "./story-clusterer.js";
import { contentTokens } from "./tokenize.js";

/**
 * A body this short is a feed summary or a teaser, not an article: the similarity clusterer, built on the weighted
 * terms of full articles, has too little to go on, and the short-text model (dirichlet-stream.ts) is made for it.
 * 40 words is about two sentences of a feed's <description>.
 */
export const SHORT_TEXT_MAX_WORDS = 40;

/**
 * Share of a batch's articles that must be short for `mode: "auto"` to pick the short-text model: a headline stream
 * (a feed reader, a headline data set) rather than a few teasers among full articles.
 */
export const SHORT_TEXT_SHARE = 0.8;

/** Tokens of an article with no usable title, taken from the start of its text: a headline's length. */
const HEADLINE_FALLBACK_TOKENS = 12;

/** Whether an article's body is a summary at most (see SHORT_TEXT_MAX_WORDS); reads no further than that. */
export function isShortText(article: Article): boolean {
  let words = 0;
  for (const _word of article.text.matchAll(/\S+/g)) if (++words > SHORT_TEXT_MAX_WORDS) return false;
  return true;
}

/** Whether most of a batch is short texts, so that `mode: "auto"` groups it with the short-text model. */
export function isHeadlineStream(articles: readonly Article[]): boolean {
  if (articles.length === 0) return false;
  let short = 0;
  for (const article of articles) if (isShortText(article)) short++;
  return short >= SHORT_TEXT_SHARE * articles.length;
}

/**
 * The words the short-text model sees for one article, each once: its headline, its body when that is a summary,
 * and its resolved entity keys (one token per person, organisation or place, equal across spellings and scripts).
 */
export function headlineTokens(article: Article, features: ArticleFeatures = {}): string[] {
  const tokens = contentTokens(article.title ?? "");
  if (isShortText(article)) tokens.push(...contentTokens(article.text));
  else if (tokens.length === 0) tokens.push(...contentTokens(article.text).slice(0, HEADLINE_FALLBACK_TOKENS));
  for (const key of features.entities ?? []) tokens.push(`entity:${key}`);
  // Each word once: a summary that repeats the headline (feeds often do) must not count its words twice.
  return [...new Set(tokens)];
}

/**
 * Groups articles, already in publication order, with the one-pass short-text model: each article joins a story or
 * starts one on arrival; recorded merges fold stories that turn out to be one and recorded splits part a story that
 * two grew into (the stream keeps both records); stories silent for ARCHIVE_AFTER_MS
 * (as in the similarity clusterer) leave the index. Undated articles arrive at `newest`.
 */
export function groupHeadlines(
  ordered: readonly Article[],
  featuresById: ReadonlyMap<string, ArticleFeatures>,
  newest: number | null,
): Array<{ articleIds: string[] }> {
  const stream = new DirichletStream({ maxSilence: ARCHIVE_AFTER_MS });
  const now = Date.now();
  for (const article of ordered) {
    const published = article.publishedAt === null ? Number.NaN : Date.parse(article.publishedAt);
    // A date in the future is clamped to now, as in the similarity clusterer: it must not archive every story.
    const at = Number.isNaN(published) ? (newest ?? undefined) : Math.min(published, now);
    stream.add(headlineTokens(article, featuresById.get(article.id)), at);
  }
  const groups = new Map<number, string[]>();
  ordered.forEach((article, index) => {
    const id = stream.clusterOf(index) as number;
    const members = groups.get(id);
    if (members) members.push(article.id);
    else groups.set(id, [article.id]);
  });
  return [...groups.values()].map((articleIds) => ({ articleIds }));
}
