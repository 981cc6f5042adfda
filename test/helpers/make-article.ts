import type { Article } from "../../src/model/article.js";
import { blankArticle } from "../../src/model/blank-article.js";

/** A minimal English article read from a file, for stage tests; override what the test is about. */
export function makeArticle(overrides: Partial<Article> & { id: string }): Article {
  return blankArticle({ path: `${overrides.id}.txt`, title: overrides.id, language: "en", ...overrides });
}
