import type { Article } from "../../src/model/article.js";

/** A minimal valid article for stage tests; override what the test is about. */
export function makeArticle(overrides: Partial<Article> & { id: string }): Article {
  return {
    path: `${overrides.id}.txt`,
    url: null,
    title: overrides.id,
    outlet: null,
    author: null,
    publishedAt: null,
    language: "en",
    text: "",
    metadata: { fieldSources: {} },
    diagnostics: [],
    ...overrides,
  };
}
