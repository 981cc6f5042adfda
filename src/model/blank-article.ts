import type { Article } from "./article.js";

/**
 * An article with every optional field empty, for callers that build articles from something other than ingestion
 * (tests, evaluations on annotation-only data sets, benchmarks, generated corpora). Override what matters.
 */
export function blankArticle(overrides: Partial<Article> & { id: string }): Article {
  return {
    path: null,
    url: null,
    title: "",
    outlet: null,
    author: null,
    publishedAt: null,
    language: null,
    text: "",
    metadata: { fieldSources: {} },
    diagnostics: [],
    ...overrides,
  };
}
