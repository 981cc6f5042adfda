import type { ArticleMetadata, MetadataSource } from "../model/article.js";
import type { Diagnostic } from "../model/diagnostic.js";

/** What a format reader knows about one article before ids, fallbacks and language are settled. */
export interface ArticleDraft {
  title: string | null;
  text: string;
  url: string | null;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  /** Declared language (html lang, front matter, feed), checked against the text later. */
  declaredLanguage: string | null;
  metadata: Omit<ArticleMetadata, "fieldSources">;
  fieldSources: Record<string, MetadataSource>;
  diagnostics: Diagnostic[];
}

export function emptyDraft(): ArticleDraft {
  return {
    title: null,
    text: "",
    url: null,
    outlet: null,
    author: null,
    publishedAt: null,
    declaredLanguage: null,
    metadata: {},
    fieldSources: {},
    diagnostics: [],
  };
}

type SettableField = "title" | "url" | "outlet" | "author" | "publishedAt" | "declaredLanguage";

/** Fills a field only when still empty, recording where the value came from. Returns whether it was set. */
export function setField(
  draft: ArticleDraft,
  field: SettableField,
  value: string | null | undefined,
  source: MetadataSource,
): boolean {
  const clean = value?.replace(/\s+/g, " ").trim();
  if (!clean || draft[field] !== null) return false;
  draft[field] = clean;
  draft.fieldSources[field === "declaredLanguage" ? "language" : field] = source;
  return true;
}

/** A piece with fewer letters than this is not a name: "Mac & i" is one magazine, "Lee, A." one inverted name. */
const MIN_NAME_LETTERS = 2;

/** Splits "Ann Lee and Bo Park, Cy Diaz & Di Ek" into names; a value whose pieces are not all names stays whole. */
export function splitAuthors(value: string): string[] {
  const parts = value
    .split(/\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*/i)
    .map((name) => name.trim())
    .filter((name) => name !== "");
  const letters = (s: string) => s.match(/\p{L}/gu)?.length ?? 0;
  if (parts.length > 1 && parts.some((p) => letters(p) < MIN_NAME_LETTERS)) return [value.trim()];
  return parts;
}
