import type { Article } from "../model/article.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { diagnostic } from "../model/diagnostic.js";
import type { RawDocument } from "../model/raw-document.js";
import type { ItemResult } from "../model/result.js";
import { failed, ok } from "../model/result.js";
import type { ArticleDraft } from "./article-draft.js";
import { setField } from "./article-draft.js";
import { assembleArticle } from "./assemble-article.js";
import { decodeBytes } from "./decode-bytes.js";
import { detectFormat } from "./detect-format.js";
import { parseFeed } from "./feed/parse-feed.js";
import { extractHtml } from "./html/extract-html.js";
import { type JsonRead, parseJson } from "./json/parse-json.js";
import { parseJsonl } from "./json/parse-jsonl.js";
import { repairMojibake } from "./repair-mojibake.js";
import { parseMarkdown } from "./text/parse-markdown.js";
import { parsePlainText } from "./text/parse-plain-text.js";

export interface IngestOptions {
  /** "Today" for datelines without a year; defaults to the current time. */
  now?: Date;
}

/** One entry of a multi-article file (JSONL line, JSON array item, feed entry) that could not be read. */
export interface RejectedEntry {
  /** Where, ready to print: the input's source plus `:line` (JSONL) or ` (entry N)` ("feed.jsonl:3"). */
  source: string;
  /** The input's source, as in RawDocument. */
  file: string;
  /** 1-based line in the input, when the format has one entry per line. */
  line: number | null;
  /** 0-based entry index in the file. */
  entry: number;
  reason: string;
}

/**
 * Articles of one input plus the entries that were skipped. Design: a multi-article file with some bad entries is
 * still `ok` (its good articles must not be lost); the bad ones are listed in `rejected` so the CLI prints one line
 * each (`describeRejected`). `ingestDocument` keeps the plain `Article[]` contract, and so that nothing is silent
 * there either, its first article also carries one "error" diagnostic per rejected entry (source `ingest:entry`,
 * place.line). Either way the result is `failed` only when no article at all could be read.
 */
export interface IngestOutcome {
  articles: Article[];
  rejected: RejectedEntry[];
}

/** "feed.jsonl:3: Unexpected end of JSON at line 3, expected '}'", one line per rejected entry. */
export function describeRejected(entry: RejectedEntry): string {
  return `${entry.source}: ${entry.reason}`;
}

interface Read {
  multi: boolean;
  entries: Array<{ draft: ArticleDraft; index: number }>;
  rejected: Array<{ index: number; line: number | null; reason: string }>;
}

function single(draft: ArticleDraft): Read {
  return { multi: false, entries: [{ draft, index: 0 }], rejected: [] };
}

function fromJsonRead(read: Exclude<JsonRead, { ok: false }>): Read {
  return { multi: read.multi, entries: read.entries, rejected: read.rejected };
}

/** Reads one input (file or fetched page) into articles. Pure: bytes in, articles out. */
export function ingestDocumentDetailed(doc: RawDocument, options: IngestOptions = {}): ItemResult<IngestOutcome> {
  const now = options.now ?? new Date();
  const decoded = decodeBytes(doc.bytes, doc.contentType);
  if (!decoded.ok) return failed(doc.source, decoded.reason);
  const text = decoded.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") {
    return failed(doc.source, "Unexpected empty file (only white space), expected an article");
  }
  const format = detectFormat(doc.source, doc.contentType, text);
  const inputDiagnostics: Diagnostic[] = [...decoded.diagnostics];

  let read: Read;
  if (format === "json" || format === "jsonl") {
    const result = format === "json" ? parseJson(text, now) : parseJsonl(text, now);
    if (!result.ok) return failed(doc.source, result.reason);
    read = fromJsonRead(result);
  } else {
    // Text formats are repaired before parsing, so each repair's line is a line of the input.
    const repaired = repairMojibake(text, { entities: format === "txt" || format === "markdown" });
    inputDiagnostics.push(...repaired.diagnostics);
    if (format === "feed") {
      const result = parseFeed(repaired.text, now);
      if (!result.ok) return failed(doc.source, result.reason);
      read = fromJsonRead(result);
    } else if (format === "markdown") {
      const result = parseMarkdown(repaired.text, now);
      if (!result.ok) return failed(doc.source, result.reason);
      read = single(result.draft);
    } else if (format === "html") {
      const draft = extractHtml(repaired.text, now);
      if (draft.text === "") {
        return failed(doc.source, "Unexpected page without article text, expected at least one paragraph");
      }
      read = single(draft);
    } else read = single(parsePlainText(repaired.text, now));
  }

  const rejected: RejectedEntry[] = read.rejected.map((r) => ({
    source: r.line ? `${doc.source}:${r.line}` : `${doc.source} (entry ${r.index + 1})`,
    file: doc.source,
    line: r.line,
    entry: r.index,
    reason: r.reason,
  }));
  if (read.entries.length === 0) {
    const first = rejected[0];
    const reason = first
      ? `Unexpected file without a readable article (${rejected.length} bad ${rejected.length === 1 ? "entry" : "entries"}; first: ${describeRejected(first)}), expected at least one`
      : "Unexpected file without articles, expected at least one";
    return failed(doc.source, reason);
  }
  const articles = read.entries.map(({ draft, index }) => {
    if (!read.multi) setField(draft, "url", doc.url, "http");
    setField(draft, "url", draft.metadata.canonicalUrl, draft.fieldSources.canonicalUrl ?? "meta");
    return assembleArticle(draft, {
      source: doc.source,
      path: doc.path,
      entryIndex: read.multi ? index : null,
      charset: decoded.charset,
      inputDiagnostics,
    });
  });
  const firstArticle = articles[0];
  if (firstArticle) {
    for (const r of rejected) {
      firstArticle.diagnostics.push(
        diagnostic(
          "ingest:entry",
          `${r.reason} (entry ${r.entry + 1} skipped)`,
          r.line ? { line: r.line } : null,
          "error",
        ),
      );
    }
  }
  return ok(doc.source, { articles, rejected });
}

/** Reads one input into articles; see `IngestOutcome` for how skipped entries of multi-article files are reported. */
export function ingestDocument(doc: RawDocument, options?: IngestOptions): ItemResult<Article[]> {
  const result = ingestDocumentDetailed(doc, options);
  return result.status === "ok" ? ok(result.source, result.value.articles) : result;
}
