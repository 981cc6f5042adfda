import type { Article } from "../model/article.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { diagnostic } from "../model/diagnostic.js";
import type { ArticleDraft } from "./article-draft.js";
import { articleId, articleOrigin, baseName } from "./article-id.js";
import { decodeStrayEntities } from "./decode-stray-entities.js";
import { detectLanguage } from "./detect-language.js";

export interface AssembleContext {
  source: string;
  path: string | null;
  /** Entry index in a multi-article file, else null. */
  entryIndex: number | null;
  charset: string;
  /** Diagnostics about the whole input (charset, ...), copied to each article. */
  inputDiagnostics: Diagnostic[];
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.replace(/^www\./, "");
    return host === "" ? null : host;
  } catch {
    return null;
  }
}

/** Settles the fields every format needs the same way: title and outlet fallbacks, language, id. */
export function assembleArticle(draft: ArticleDraft, context: AssembleContext): Article {
  const diagnostics = [...context.inputDiagnostics, ...draft.diagnostics];
  const fieldSources = { ...draft.fieldSources };
  const text = draft.text.trim();

  let title = draft.title ? decodeStrayEntities(draft.title).text.replace(/\s+/g, " ").trim() : "";
  if (title === "") {
    title = baseName(context.source);
    fieldSources.title = "file-name";
    diagnostics.push(
      diagnostic(
        "ingest:title",
        `Unexpected article without a title, expected a title in metadata, a heading or a first line; used '${title}'`,
        { field: "title" },
      ),
    );
  }

  let outlet = draft.outlet;
  if (!outlet) {
    outlet = hostOf(draft.url);
    if (outlet) fieldSources.outlet = "detected";
  }

  const language = detectLanguage(text, draft.declaredLanguage);
  diagnostics.push(...language.diagnostics);
  if (language.language && language.source === "detected") fieldSources.language = "detected";
  if (!language.language) delete fieldSources.language;

  const id = articleId(articleOrigin(draft.url, context.source, context.entryIndex), text);
  return {
    id,
    path: context.path,
    url: draft.url,
    title,
    outlet,
    author: draft.author,
    publishedAt: draft.publishedAt,
    language: language.language,
    text,
    metadata: { ...draft.metadata, charset: context.charset, fieldSources },
    diagnostics,
  };
}
