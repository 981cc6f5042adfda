import type { Diagnostic } from "./diagnostic.js";

/** Where a metadata value came from, so a user can see why Parallax believes it. */
export type MetadataSource =
  | "front-matter"
  | "json-ld"
  | "open-graph"
  | "meta"
  | "time-element"
  | "byline"
  | "dateline"
  | "title-element"
  | "heading"
  | "feed"
  | "jsonl"
  | "http"
  | "detected"
  | "file-name";

export interface ArticleMetadata {
  /** For each filled field (`title`, `author`, `publishedAt`, ...), where its value came from. */
  fieldSources: Record<string, MetadataSource>;
  authors?: string[];
  modifiedAt?: string | null;
  canonicalUrl?: string | null;
  description?: string | null;
  section?: string | null;
  tags?: string[];
  /** For feed entries: the feed's own title and the entry's `<source>`, when it names a real publisher. */
  feed?: { title: string | null; url: string | null; source: string | null };
  /** Detected or declared charset of the input bytes. */
  charset?: string;
  /** Every other front-matter or JSON field, kept as given. */
  extra?: Record<string, unknown>;
}

/** One article after ingestion: the unit that every later stage reads. */
export interface Article {
  /** Stable: a hash of the article's origin and clean text (see ingest/article-id.ts). */
  id: string;
  /** File path as the user named it, or null for fetched articles. */
  path: string | null;
  url: string | null;
  title: string;
  outlet: string | null;
  author: string | null;
  /** ISO 8601, with the offset when the input gave one; null when unknown. */
  publishedAt: string | null;
  /** ISO 639-1, or null when the text is too short or too mixed to tell. */
  language: string | null;
  /** Clean paragraphs joined by one blank line. */
  text: string;
  metadata: ArticleMetadata;
  diagnostics: Diagnostic[];
}
