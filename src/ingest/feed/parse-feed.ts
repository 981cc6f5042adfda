import { decodeXML } from "entities";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { applyDate } from "../apply-record.js";
import type { ArticleDraft } from "../article-draft.js";
import { emptyDraft, setField, splitAuthors } from "../article-draft.js";
import { extractHtml } from "../html/extract-html.js";
import type { EntryDraft, JsonRead, RejectedRecord } from "../json/parse-json.js";
import { finishText } from "../text/finish-text.js";
import { splitParagraphs } from "../text/parse-plain-text.js";
import { outletOfFeedTitle } from "./feed-outlet.js";

/** Elements whose content is markup or escaped markup: kept raw so their HTML reaches the HTML extractor intact. */
const RAW_ELEMENTS = ["description", "content:encoded", "content", "summary", "title"];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  removeNSPrefix: false,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  trimValues: true,
  stopNodes: RAW_ELEMENTS.flatMap((name) => [`rss.channel.item.${name}`, `feed.entry.${name}`, `rdf:RDF.item.${name}`]),
  isArray: (name) => ["item", "entry", "link", "category", "author", "dc:creator", "dc:subject"].includes(name),
});

type Node = Record<string, unknown>;

/** Text of a parsed XML value: plain string, `#text` of an element with attributes, or raw stop-node content. */
function textOfValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (Array.isArray(value)) return textOfValue(value[0]);
  if (typeof value === "object") return textOfValue((value as Node)["#text"]);
  return null;
}

function unwrapCdata(raw: string): { text: string; cdata: boolean } {
  const m = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(raw);
  if (m) return { text: m[1] ?? "", cdata: true };
  // Several CDATA sections, or CDATA mixed with text.
  if (raw.includes("<![CDATA[")) return { text: raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, "$1"), cdata: true };
  return { text: raw, cdata: false };
}

/** Content of a raw element as HTML: CDATA is HTML as is; otherwise XML-escaped HTML (or xhtml markup). */
function htmlOf(value: unknown): string | null {
  const raw = textOfValue(value);
  if (raw === null) return null;
  const type = value && typeof value === "object" ? String((value as Node)["@_type"] ?? "") : "";
  const { text, cdata } = unwrapCdata(raw);
  if (cdata || type === "xhtml") return text;
  return decodeXML(text);
}

function plainOf(value: unknown): string | null {
  const html = htmlOf(value);
  if (html === null) return null;
  return /<[a-z!/][^>]*>/i.test(html)
    ? extractHtml(`<p>${html}</p>`, new Date(0), false).text.replace(/\n+/g, " ")
    : html.replace(/\s+/g, " ").trim();
}

function linkOf(value: unknown): string | null {
  const links = Array.isArray(value) ? value : value === undefined ? [] : [value];
  for (const link of links) {
    if (typeof link === "string") return link.trim();
    if (link && typeof link === "object") {
      const rel = String((link as Node)["@_rel"] ?? "alternate");
      const href = (link as Node)["@_href"];
      if (rel === "alternate" && typeof href === "string") return href;
    }
  }
  const first = links[0];
  if (first && typeof first === "object") return textOfValue((first as Node)["@_href"]) ?? textOfValue(first);
  return null;
}

function namesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list
    .map((a) => (a && typeof a === "object" ? (textOfValue((a as Node).name) ?? textOfValue(a)) : textOfValue(a)))
    .filter((n): n is string => !!n)
    .map((n) => n.replace(/^\S+@\S+\s+\((.+)\)$/, "$1").trim())
    .flatMap((n) => splitAuthors(n));
}

interface FeedInfo {
  title: string | null;
  url: string | null;
  language: string | null;
}

function entryDraft(entry: Node, feed: FeedInfo, now: Date): ArticleDraft | string {
  const draft = emptyDraft();
  setField(draft, "title", plainOf(entry.title), "feed");
  const link =
    linkOf(entry.link) ?? (typeof entry.guid === "string" && /^https?:/.test(entry.guid) ? entry.guid : null);
  setField(draft, "url", link, "feed");
  const date = entry.pubDate ?? entry.published ?? entry["dc:date"] ?? entry.updated;
  setField(draft, "publishedAt", applyDate(draft, textOfValue(date), "pubDate"), "feed");
  if (entry.updated && entry.published) {
    const modified = applyDate(draft, textOfValue(entry.updated), "updated");
    if (modified) {
      draft.metadata.modifiedAt = modified;
      draft.fieldSources.modifiedAt = "feed";
    }
  }
  const authors = namesOf(entry["dc:creator"] ?? entry.author);
  if (setField(draft, "author", authors.join(", "), "feed") && authors.length > 1) draft.metadata.authors = authors;
  const categories = [entry.category, entry["dc:subject"]]
    .flatMap((c) => (Array.isArray(c) ? c : c === undefined ? [] : [c]))
    .map((c) => (c && typeof c === "object" ? (textOfValue((c as Node)["@_term"]) ?? textOfValue(c)) : textOfValue(c)))
    .filter((c): c is string => !!c);
  if (categories.length > 0) {
    draft.metadata.tags = [...new Set(categories)];
    draft.fieldSources.tags = "feed";
  }
  // The real publisher: an entry's <source> (aggregators), else the feed's own title without its section.
  const sourceEl = entry.source as Node | string | undefined;
  const sourceTitle =
    sourceEl && typeof sourceEl === "object"
      ? (textOfValue(sourceEl.title) ?? textOfValue(sourceEl))
      : textOfValue(sourceEl);
  draft.metadata.feed = { title: feed.title, url: feed.url, source: sourceTitle };
  setField(draft, "outlet", sourceTitle ?? outletOfFeedTitle(feed.title, feed.url), "feed");
  setField(draft, "declaredLanguage", feed.language, "feed");

  const contentHtml = htmlOf(entry["content:encoded"] ?? entry.content);
  const summaryHtml = htmlOf(entry.description ?? entry.summary);
  const body = contentHtml?.trim() ? contentHtml : summaryHtml;
  if (body?.trim()) {
    if (/<[a-z!/][^>]*>/i.test(body)) {
      const html = extractHtml(body, now, false);
      draft.diagnostics.push(...html.diagnostics.filter((d) => d.source !== "ingest:html"));
      finishText(draft, html.text.split("\n\n"), now);
    } else finishText(draft, splitParagraphs(body), now);
  }
  if (contentHtml?.trim() && summaryHtml?.trim()) {
    draft.metadata.description = plainOf(entry.description ?? entry.summary);
    draft.fieldSources.description = "feed";
  }
  if (draft.text === "") return "Unexpected feed entry without content or summary, expected some text";
  return draft;
}

function xmlErrorReason(text: string): string | null {
  const result = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (result === true) return null;
  const { msg, line } = result.err;
  return `Unexpected XML at line ${line} (${msg}), expected a well-formed RSS or Atom feed`;
}

/** RSS 2.0 / RSS 1.0 (RDF) / Atom: every item or entry becomes an article. */
export function parseFeed(text: string, now: Date): JsonRead {
  const invalid = xmlErrorReason(text);
  if (invalid) return { ok: false, reason: invalid };
  const root = parser.parse(text) as Node;
  let items: Node[];
  let feed: FeedInfo;
  const channel = (root.rss as Node | undefined)?.channel as Node | undefined;
  const atom = root.feed as Node | undefined;
  const rdf = root["rdf:RDF"] as Node | undefined;
  if (channel) {
    items = (channel.item as Node[] | undefined) ?? [];
    feed = { title: plainOf(channel.title), url: linkOf(channel.link), language: textOfValue(channel.language) };
  } else if (atom) {
    items = (atom.entry as Node[] | undefined) ?? [];
    feed = { title: plainOf(atom.title), url: linkOf(atom.link), language: textOfValue(atom["@_xml:lang"]) };
  } else if (rdf) {
    items = (rdf.item as Node[] | undefined) ?? [];
    const ch = rdf.channel as Node | undefined;
    feed = { title: plainOf(ch?.title), url: linkOf(ch?.link), language: null };
  } else {
    const rootName = Object.keys(root).find((k) => !k.startsWith("?")) ?? "nothing";
    return { ok: false, reason: `Unexpected XML root <${rootName}>, expected an RSS <rss> or Atom <feed> document` };
  }
  const entries: EntryDraft[] = [];
  const rejected: RejectedRecord[] = [];
  items.forEach((item, index) => {
    const draft = entryDraft(item, feed, now);
    if (typeof draft === "string") rejected.push({ index, line: null, reason: `${draft} (entry ${index + 1})` });
    else entries.push({ draft, index, line: null });
  });
  if (items.length === 0) return { ok: false, reason: "Unexpected feed without items, expected at least one entry" };
  return { ok: true, multi: items.length > 1, entries, rejected };
}
