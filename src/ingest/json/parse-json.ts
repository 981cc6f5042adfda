import type { ArticleDraft } from "../article-draft.js";
import { setField } from "../article-draft.js";
import { recordToDraft } from "./article-record.js";
import { describeJsonError } from "./json-error.js";

export interface EntryDraft {
  draft: ArticleDraft;
  /** 0-based entry index in the file, for ids of multi-article files. */
  index: number;
  line: number | null;
}

export interface RejectedRecord {
  index: number;
  line: number | null;
  reason: string;
}

export type JsonRead =
  | { ok: true; multi: boolean; entries: EntryDraft[]; rejected: RejectedRecord[] }
  | { ok: false; reason: string };

function isJsonFeed(value: unknown): value is Record<string, unknown> & { items: unknown[] } {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const obj = value as Record<string, unknown>;
  return typeof obj.version === "string" && obj.version.includes("jsonfeed.org") && Array.isArray(obj.items);
}

/** `.json`: one article object, an array of them, or a JSON Feed (https://jsonfeed.org). */
export function parseJson(text: string, now: Date): JsonRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: describeJsonError(text) };
  }
  const entries: EntryDraft[] = [];
  const rejected: RejectedRecord[] = [];
  if (isJsonFeed(value)) {
    const feedTitle = typeof value.title === "string" ? value.title : null;
    const feedUrl =
      typeof value.home_page_url === "string"
        ? value.home_page_url
        : typeof value.feed_url === "string"
          ? value.feed_url
          : null;
    value.items.forEach((item, index) => {
      const normalized =
        item && typeof item === "object"
          ? {
              ...(item as Record<string, unknown>),
              author: authorsOf(item as Record<string, unknown>),
              authors: undefined,
            }
          : item;
      const read = recordToDraft(normalized, "feed", now);
      if (!read.ok) {
        rejected.push({ index, line: null, reason: read.reason });
        return;
      }
      read.draft.metadata.feed = { title: feedTitle, url: feedUrl, source: null };
      setField(read.draft, "outlet", feedTitle, "feed");
      entries.push({ draft: read.draft, index, line: null });
    });
    return { ok: true, multi: true, entries, rejected };
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const read = recordToDraft(item, "jsonl", now);
      if (read.ok) entries.push({ draft: read.draft, index, line: null });
      else rejected.push({ index, line: null, reason: `${read.reason} (array item ${index})` });
    });
    return { ok: true, multi: value.length > 1, entries, rejected };
  }
  const read = recordToDraft(value, "jsonl", now);
  if (!read.ok) return { ok: false, reason: read.reason };
  return { ok: true, multi: false, entries: [{ draft: read.draft, index: 0, line: null }], rejected };
}

/** JSON Feed 1.1 `authors` (list) and 1.0 `author` (object) as names. */
function authorsOf(item: Record<string, unknown>): unknown {
  const list = Array.isArray(item.authors) ? item.authors : item.author ? [item.author] : [];
  const names = list
    .map((a) => (a && typeof a === "object" ? (a as Record<string, unknown>).name : a))
    .filter((n): n is string => typeof n === "string");
  return names.length > 0 ? names : undefined;
}
