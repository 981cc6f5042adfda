import type { Article } from "../model/article.js";
import { ARCHIVE_AFTER_MS } from "./cluster-params.js";
import { type DirichletSnapshot, DirichletStream } from "./dirichlet-stream.js";
import { type ArticleFeatures, storyIdFor } from "./story-clusterer.js";
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

/** The state of a HeadlineGrouper as JSON data: the model and which article each stream position is. */
export interface HeadlineGrouperSnapshot {
  version: 1;
  stream: DirichletSnapshot;
  articleIds: string[];
}

/**
 * The short-text model over articles, online: each article joins a story or starts one on arrival; recorded merges
 * fold stories that turn out to be one, recorded splits part a story that two grew into, recorded moves place a
 * headline again (the model keeps all three records); stories silent for ARCHIVE_AFTER_MS (as in the similarity
 * clusterer) leave the index. Its state survives a restart (`serialize`, `restore`).
 */
export class HeadlineGrouper {
  readonly #stream: DirichletStream;
  /** Stream position → article id. */
  readonly #articleIds: string[];
  readonly #seen: Set<string>;

  /** A new grouper; `restored` is what `restore` passes in. */
  constructor(restored?: { stream: DirichletStream; articleIds: readonly string[] }) {
    this.#stream = restored?.stream ?? new DirichletStream({ maxSilence: ARCHIVE_AFTER_MS });
    this.#articleIds = [...(restored?.articleIds ?? [])];
    this.#seen = new Set(this.#articleIds);
  }

  /** Whether the article was added already. */
  has(articleId: string): boolean {
    return this.#seen.has(articleId);
  }

  /**
   * Adds one article at its publication time (a date in the future clamped to `now`, as in the similarity clusterer:
   * it must not archive every story), or at `undatedAt` when it has none. An article added before is left alone.
   */
  add(article: Article, features: ArticleFeatures, undatedAt: number | null, now: number = Date.now()): void {
    if (this.#seen.has(article.id)) return;
    const published = article.publishedAt === null ? Number.NaN : Date.parse(article.publishedAt);
    const at = Number.isNaN(published) ? (undatedAt ?? undefined) : Math.min(published, now);
    this.#stream.add(headlineTokens(article, features), at);
    this.#articleIds.push(article.id);
    this.#seen.add(article.id);
  }

  /**
   * Every story: its article ids in the order they were added, and an id from the first of them (the part of a
   * split that holds a story's first headline keeps the story's id).
   */
  stories(): Array<{ id: string; articleIds: string[] }> {
    const groups = new Map<number, string[]>();
    this.#articleIds.forEach((articleId, position) => {
      const cluster = this.#stream.clusterOf(position) as number;
      const members = groups.get(cluster);
      if (members) members.push(articleId);
      else groups.set(cluster, [articleId]);
    });
    return [...groups.values()].map((articleIds) => ({ id: storyIdFor(articleIds[0] as string), articleIds }));
  }

  serialize(): HeadlineGrouperSnapshot {
    return { version: 1, stream: this.#stream.serialize(), articleIds: [...this.#articleIds] };
  }

  static restore(snapshot: HeadlineGrouperSnapshot): HeadlineGrouper {
    if (snapshot.version !== 1)
      throw new Error(`Unexpected headline grouper snapshot version ${String(snapshot.version)}, expected 1`);
    return new HeadlineGrouper({ stream: DirichletStream.restore(snapshot.stream), articleIds: snapshot.articleIds });
  }
}

/**
 * Groups articles, already in publication order, with the short-text model in one pass (see HeadlineGrouper).
 * Undated articles arrive at `newest`.
 */
export function groupHeadlines(
  ordered: readonly Article[],
  featuresById: ReadonlyMap<string, ArticleFeatures>,
  newest: number | null,
): Array<{ articleIds: string[] }> {
  const grouper = new HeadlineGrouper();
  const now = Date.now();
  for (const article of ordered) grouper.add(article, featuresById.get(article.id) ?? {}, newest, now);
  return grouper.stories().map(({ articleIds }) => ({ articleIds }));
}
