import { escapeHtml as e } from "../report/escape-html.js";

/** `2026-03-14T09:30:00+01:00` as "2026-03-14 09:30": the date and local time the outlet gave, offset kept in title. */
export function shortTime(iso: string | null): string {
  if (iso === null) return "undated";
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(iso);
  if (match === null) return iso;
  return match[2] === undefined ? (match[1] ?? iso) : `${match[1]} ${match[2]}`;
}

export function timeElement(iso: string | null): string {
  if (iso === null) return `<span class="muted">undated</span>`;
  return `<time datetime="${e(iso)}" title="${e(iso)}">${e(shortTime(iso))}</time>`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Only http(s) links from articles become hrefs: `javascript:` and `data:` URLs stay text. */
export function safeHref(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Shortens long labels for the graph, where space is fixed; the full text stays in the node's title. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
