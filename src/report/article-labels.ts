import type { ReportArticle } from "./report.js";

/** Short human labels for citing articles in the readable reports: "[2] Northern Ledger". Numbered in report order. */
export interface ArticleLabels {
  number(articleId: string): number | null;
  /** The outlet, or the path or URL when the outlet is unknown. */
  name(articleId: string): string;
  label(articleId: string): string;
}

const OUTLET_PREFIX = "outlet:";

export function articleLabels(articles: readonly ReportArticle[]): ArticleLabels {
  const numbers = new Map(articles.map((article, index) => [article.id, index + 1]));
  const byId = new Map(articles.map((article) => [article.id, article]));
  const name = (id: string) => {
    // Provenance may point at an outlet credited by an article but absent from the corpus.
    if (id.startsWith(OUTLET_PREFIX)) return `${id.slice(OUTLET_PREFIX.length)} (not in the corpus)`;
    const article = byId.get(id);
    return article === undefined ? id : (article.outlet ?? article.path ?? article.url ?? article.id);
  };
  return {
    number: (id) => numbers.get(id) ?? null,
    name,
    label: (id) => {
      const number = numbers.get(id);
      return number === undefined ? id : `[${number}] ${name(id)}`;
    },
  };
}
