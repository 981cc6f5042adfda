import type { Article } from "../model/article.js";
import { escapeHtml as e } from "../report/escape-html.js";
import { truncate } from "./format.js";
import { locatePassage, type Paragraph, splitParagraphs } from "./paragraphs.js";

/** An article without an outlet is named by its title, cut so that citation links stay short. */
const TITLE_AS_NAME_CHARS = 32;

/** Ids become part of HTML ids and URL fragments; anything outside this set is replaced so both stay valid. */
function anchorSafe(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, "_");
}

export function articleAnchor(articleId: string): string {
  return `a-${anchorSafe(articleId)}`;
}

export function paragraphAnchor(articleId: string, paragraph: number): string {
  return `a-${anchorSafe(articleId)}-p${paragraph}`;
}

/** The story's articles numbered [1], [2], … in story order, and links that cite them at the right paragraph. */
export class ArticleRefs {
  readonly #numbers = new Map<string, number>();
  readonly #articles = new Map<string, Article>();
  readonly #paragraphs = new Map<string, Paragraph[]>();

  constructor(articles: readonly Article[]) {
    articles.forEach((article, index) => {
      this.#numbers.set(article.id, index + 1);
      this.#articles.set(article.id, article);
    });
  }

  paragraphs(articleId: string): Paragraph[] {
    let paragraphs = this.#paragraphs.get(articleId);
    if (paragraphs === undefined) {
      paragraphs = splitParagraphs(this.#articles.get(articleId)?.text ?? "");
      this.#paragraphs.set(articleId, paragraphs);
    }
    return paragraphs;
  }

  article(articleId: string): Article | undefined {
    return this.#articles.get(articleId);
  }

  /** "Northern Ledger", or the title when the outlet is unknown; the id for an article outside the story. */
  name(id: string): string {
    if (id.startsWith("outlet:")) return id.slice("outlet:".length);
    const article = this.#articles.get(id);
    return article === undefined ? id : (article.outlet ?? truncate(article.title, TITLE_AS_NAME_CHARS));
  }

  label(id: string): string {
    const number = this.#numbers.get(id);
    return number === undefined ? this.name(id) : `[${number}] ${this.name(id)}`;
  }

  /** A citation link to the paragraph of the article that carries `text`; plain text for unknown ids. */
  cite(id: string, text: string): string {
    if (!this.#articles.has(id)) return `<span class="cite">${e(this.label(id))}</span>`;
    const paragraph = locatePassage(this.paragraphs(id), text);
    const article = this.#articles.get(id);
    return `<a class="cite" href="#${paragraphAnchor(id, paragraph)}" title="${e(article?.title ?? "")}">${e(this.label(id))}</a>`;
  }

  citeAll(ids: readonly string[], text: string): string {
    return ids.map((id) => this.cite(id, text)).join(" ");
  }
}
