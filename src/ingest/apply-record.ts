import type { MetadataSource } from "../model/article.js";
import { diagnostic } from "../model/diagnostic.js";
import type { ArticleDraft } from "./article-draft.js";
import { setField, splitAuthors } from "./article-draft.js";
import { dateReason, normalizeDate } from "./normalize-date.js";

/** Key spellings accepted for each field in front matter, text headers and JSON records (lower-cased). */
const KEYS = {
  title: ["title", "headline"],
  date: ["date", "publishedat", "published_at", "published", "pubdate", "datepublished", "date_published"],
  modified: ["modified", "modifiedat", "updated", "updatedat", "datemodified", "date_modified", "lastmod"],
  author: ["author", "authors", "by", "byline", "creator"],
  tags: ["tags", "categories", "category", "keywords"],
  description: ["description", "excerpt", "summary", "subtitle"],
  outlet: ["outlet", "site", "source", "publisher", "site_name", "sitename"],
  url: ["url", "canonical", "link", "permalink"],
  language: ["language", "lang", "locale"],
  section: ["section"],
} as const;

function stringList(value: unknown): string[] {
  if (typeof value === "string") return value.split(/\s*,\s*/).filter((s) => s !== "");
  if (Array.isArray(value)) return value.flatMap((v) => stringList(v));
  if (value && typeof value === "object" && "name" in value) return stringList((value as { name: unknown }).name);
  if (typeof value === "number") return [String(value)];
  return [];
}

function firstString(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value && typeof value === "object" && "name" in value) return firstString((value as { name: unknown }).name);
  if (value && typeof value === "object" && "url" in value) return firstString((value as { url: unknown }).url);
  return null;
}

/** Sets publishedAt (or another date field) from a raw value, with a diagnostic when it cannot be read. */
export function applyDate(draft: ArticleDraft, value: unknown, field: string): string | null {
  const raw = value instanceof Date ? value.toISOString() : typeof value === "number" ? value : firstString(value);
  if (raw === null || raw === "") return null;
  const normalized = normalizeDate(raw);
  if (!normalized) {
    draft.diagnostics.push(diagnostic("ingest:date", dateReason(String(raw)), { field }));
    return null;
  }
  return normalized;
}

/**
 * Maps a flat key/value record (front matter, text header, JSON object) onto the draft. Keys in `skip` are the
 * caller's (text, html); every other unknown key is kept in `metadata.extra`.
 */
export function applyRecord(
  draft: ArticleDraft,
  record: Record<string, unknown>,
  source: MetadataSource,
  skip: ReadonlySet<string> = new Set(),
): void {
  const extra: Record<string, unknown> = {};
  const keyOf = (key: string) => key.toLowerCase().replace(/[-\s]/g, "_");
  for (const [key, value] of Object.entries(record)) {
    const k = keyOf(key);
    const plain = k.replace(/_/g, "");
    const is = (list: readonly string[]) => list.includes(k) || list.includes(plain);
    if (skip.has(k) || value === null || value === undefined) continue;
    if (is(KEYS.title)) setField(draft, "title", firstString(value), source);
    else if (is(KEYS.date)) setField(draft, "publishedAt", applyDate(draft, value, key), source);
    else if (is(KEYS.modified)) {
      const modified = applyDate(draft, value, key);
      if (modified && !draft.metadata.modifiedAt) {
        draft.metadata.modifiedAt = modified;
        draft.fieldSources.modifiedAt = source;
      }
    } else if (is(KEYS.author)) {
      const names = stringList(value).flatMap((n) => splitAuthors(n));
      if (setField(draft, "author", names.join(", "), source) && names.length > 1) {
        draft.metadata.authors = names;
        draft.fieldSources.authors = source;
      }
    } else if (is(KEYS.tags)) {
      const tags = stringList(value);
      if (tags.length > 0) {
        draft.metadata.tags = [...new Set([...(draft.metadata.tags ?? []), ...tags])];
        draft.fieldSources.tags = source;
      }
    } else if (is(KEYS.description)) {
      const description = firstString(value);
      if (description && !draft.metadata.description) {
        draft.metadata.description = description.trim();
        draft.fieldSources.description = source;
      }
    } else if (is(KEYS.outlet)) setField(draft, "outlet", firstString(value), source);
    else if (is(KEYS.url)) {
      const url = firstString(value);
      if (url && /^https?:\/\//i.test(url)) {
        setField(draft, "url", url, source);
        if (k === "canonical" && !draft.metadata.canonicalUrl) draft.metadata.canonicalUrl = url;
      } else extra[key] = value;
    } else if (is(KEYS.language)) setField(draft, "declaredLanguage", firstString(value), source);
    else if (is(KEYS.section)) {
      const section = firstString(value);
      if (section && !draft.metadata.section) {
        draft.metadata.section = section;
        draft.fieldSources.section = source;
      }
    } else extra[key] = value instanceof Date ? value.toISOString() : value;
  }
  if (Object.keys(extra).length > 0) draft.metadata.extra = { ...draft.metadata.extra, ...extra };
}
