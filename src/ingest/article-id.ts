import { createHash } from "node:crypto";

/** Hex characters kept: 64 bits, plenty for a corpus of millions of articles while staying readable in reports. */
const ID_HEX_CHARS = 16;

/** Last path segment of a file path or URL, so a moved folder keeps its ids. */
export function baseName(source: string): string {
  const withoutQuery = source.replace(/[?#].*$/, "");
  const segments = withoutQuery.split(/[\\/]/).filter((s) => s !== "");
  return segments.at(-1) ?? source;
}

/**
 * The origin part of an id: the article URL when known, else the file's base name, plus `#<entry index>` for
 * files holding several articles.
 */
export function articleOrigin(url: string | null, source: string, entryIndex: number | null): string {
  if (url) return url;
  return entryIndex === null ? baseName(source) : `${baseName(source)}#${entryIndex}`;
}

/** Stable article id: the first 16 hex characters of sha256(origin + "\n" + clean text). */
export function articleId(origin: string, text: string): string {
  return createHash("sha256").update(`${origin}\n${text}`, "utf8").digest("hex").slice(0, ID_HEX_CHARS);
}
