import type { Document, Element } from "domhandler";
import type { MetadataSource } from "../../model/article.js";
import { applyDate } from "../apply-record.js";
import type { ArticleDraft } from "../article-draft.js";
import { setField, splitAuthors } from "../article-draft.js";
import { BYLINE_LABEL, parseByline } from "../text/byline.js";
import { attr, elements, findAll, findFirst, rawText, textOf } from "./dom.js";
import type { JsonLdObject } from "./json-ld.js";
import { namesOf, readJsonLd, resolveRef, stringOf } from "./json-ld.js";

/** Share of a JSON-LD headline's words that must appear in <title> for the headline to be trusted over it. */
const MIN_TITLE_OVERLAP = 0.5;

function wordOverlap(a: string, b: string): number {
  const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const left = words(a);
  const right = words(b);
  if (left.size === 0) return 0;
  let shared = 0;
  for (const w of left) if (right.has(w)) shared++;
  return shared / left.size;
}

/** `<meta>` values by lower-cased name/property; repeated keys (article:tag) keep every value. */
function readMeta(doc: Document): Map<string, string[]> {
  const meta = new Map<string, string[]>();
  const propertyCount = new Map<string, number>();
  for (const el of elements(doc)) {
    if (el.name !== "meta") continue;
    const content = attr(el, "content");
    if (!content) continue;
    // RDFa allows several properties in one attribute ("og:title dc:title"); Dublin Core is written "dc:" or "dc.".
    const keysOf = (value: string | null) =>
      (value ?? "")
        .toLowerCase()
        .split(/\s+/)
        .filter((k) => k !== "")
        .map((k) =>
          k.replace(/^(dc|dcterms?):/, (_, prefix: string) => `${prefix === "dcterm" ? "dcterms" : prefix}.`),
        );
    const fromProperty = new Set(keysOf(attr(el, "property")));
    const keys = new Set([...fromProperty, ...keysOf(attr(el, "name")), ...keysOf(attr(el, "itemprop"))]);
    for (const key of keys) {
      const list = meta.get(key) ?? [];
      // RDFa `property` is the standard spelling; a `name` copy of the same key is often a stale CMS default.
      if (fromProperty.has(key)) list.splice(propertyCount.get(key) ?? 0, 0, content);
      else list.push(content);
      if (fromProperty.has(key)) propertyCount.set(key, (propertyCount.get(key) ?? 0) + 1);
      meta.set(key, list);
    }
  }
  return meta;
}

function first(meta: Map<string, string[]>, ...keys: string[]): { value: string; key: string } | null {
  for (const key of keys) {
    const value = meta.get(key)?.[0];
    if (value) return { value, key };
  }
  return null;
}

/**
 * Removes a " | Site" suffix or "Site | " prefix from a page title when that part names the site: its outlet
 * name or its host's main label ("Wikipedia" for en.wikipedia.org).
 */
export function stripSiteName(title: string, siteNames: Array<string | null | undefined>): string {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/^the\s+/, "")
      .replace(/[^\p{L}\p{N}]+/gu, "");
  const keys = new Set(siteNames.filter((n): n is string => !!n).map(norm));
  keys.delete("");
  const suffix = /^(.+?)\s+[|–—·:•»-]\s+([^|–—·•»]+)$/u.exec(title);
  if (suffix?.[1] && keys.has(norm(suffix[2] ?? ""))) return suffix[1].trim();
  const prefix = /^([^|–—·•»]+?)\s+[|–—·:•»-]\s+(.+)$/u.exec(title);
  if (prefix?.[2] && keys.has(norm(prefix[1] ?? ""))) return prefix[2].trim();
  return title;
}

/** A trailing " – X" of a <title> is a site name when X is this short; longer tails are part of the headline. */
const MAX_SITE_SUFFIX_WORDS = 3;
/** ...and the headline left before it has at least this many words ("Home – My Blog" keeps its tail). */
const MIN_HEADLINE_WORDS = 3;

/**
 * A <title> is the last-resort title source and nearly always "Headline | Site" even when the site's name appears
 * nowhere else on the page. The tail is dropped when it is short and the head reads as a headline, or when an <h1>
 * of the page agrees with the head.
 */
function stripTitleSuffix(title: string, doc: Document): string {
  const m = /^(.+)\s+[|–—·•»-]\s+([^|–—·•»]+)$/u.exec(title);
  if (!m?.[1] || !m[2]) return title;
  const head = m[1].trim();
  const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const norm = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();
  const h1 = findFirst(doc, (el) => el.name === "h1");
  if (h1 && norm(textOf(h1)) === norm(head)) return head;
  return words(m[2]) <= MAX_SITE_SUFFIX_WORDS && words(head) >= MIN_HEADLINE_WORDS ? head : title;
}

/** "en.wikipedia.org" → "wikipedia": the label a site's name usually matches. */
function hostLabel(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parts = new URL(url).hostname.replace(/^www\./, "").split(".");
    return parts.length >= 2 ? (parts.at(-2) ?? null) : null;
  } catch {
    return null;
  }
}

function isUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

function setAuthors(draft: ArticleDraft, names: string[], source: MetadataSource): void {
  // NYT-style `<meta name="byl" content="By Ann Lee">`: the "By" is the label, not a name.
  const bare = names.map((n) => n.replace(/^(?:by|von|par|por|door|di)\s+/i, ""));
  // A value with digits is a user handle ("CC7567", "jdoe42"), not a name: a later source may hold the real one.
  const unique = [...new Set(bare.flatMap((n) => splitAuthors(n)))].filter((n) => !isUrl(n) && !/\d/.test(n));
  if (unique.length === 0) return;
  if (setField(draft, "author", unique.join(", "), source) && unique.length > 1) {
    draft.metadata.authors = unique;
    draft.fieldSources.authors = source;
  }
}

function setOnce<K extends "modifiedAt" | "canonicalUrl" | "description" | "section">(
  draft: ArticleDraft,
  key: K,
  value: string | null | undefined,
  source: MetadataSource,
): void {
  const clean = value?.replace(/\s+/g, " ").trim();
  if (!clean || draft.metadata[key]) return;
  draft.metadata[key] = clean;
  draft.fieldSources[key] = source;
}

function addTags(draft: ArticleDraft, tags: string[], source: MetadataSource): void {
  const clean = tags
    .flatMap((t) => t.split(/\s*,\s*/))
    .map((t) => t.trim())
    .filter((t) => t !== "");
  if (clean.length === 0 || draft.metadata.tags) return;
  draft.metadata.tags = [...new Set(clean)];
  draft.fieldSources.tags = source;
}

function fromJsonLd(draft: ArticleDraft, article: JsonLdObject, all: JsonLdObject[]): void {
  setField(draft, "title", stringOf(article.headline) ?? stringOf(article.name), "json-ld");
  setField(
    draft,
    "publishedAt",
    applyDate(draft, stringOf(article.datePublished) ?? stringOf(article.dateCreated), "json-ld datePublished"),
    "json-ld",
  );
  setOnce(draft, "modifiedAt", applyDate(draft, stringOf(article.dateModified), "json-ld dateModified"), "json-ld");
  setAuthors(draft, namesOf(article.author ?? article.creator, all), "json-ld");
  const publisher = namesOf(resolveRef(article.publisher, all), all)[0];
  setField(draft, "outlet", publisher, "json-ld");
  const url = stringOf(resolveRef(article.mainEntityOfPage, all)) ?? stringOf(article.url);
  if (url && isUrl(url)) setOnce(draft, "canonicalUrl", url, "json-ld");
  setOnce(draft, "description", stringOf(article.description), "json-ld");
  setOnce(draft, "section", stringOf(article.articleSection), "json-ld");
  const keywords = article.keywords;
  addTags(
    draft,
    Array.isArray(keywords)
      ? keywords.filter((k): k is string => typeof k === "string")
      : typeof keywords === "string"
        ? [keywords]
        : [],
    "json-ld",
  );
  setField(draft, "declaredLanguage", stringOf(article.inLanguage), "json-ld");
}

/** Class or id words of a byline element: "byline", "pb-byline", "author-name", French "auteur". */
const BYLINE_CLASS =
  /(?:^|[\s_-])(?:byline|author|authors|author-name|authorname|byauthor|article-author|story-author|auteur|autor)(?:$|[\s_-])/;

/** Byline-like elements looked at, at most: the byline sits near the top, and the walk must stay cheap. */
const MAX_BYLINE_CANDIDATES = 12;
/** A byline is a line; longer text under a byline class is an author bio. */
const MAX_BYLINE_CHARS = 120;

/**
 * class/id words of containers whose bylines belong to someone else: comments, teasers of related stories, author
 * lists of other articles. Matched as whole words.
 */
const FOREIGN_BYLINE_CONTAINER =
  /(?:^|[\s_-])(?:comment|comments|commentlist|comments-list|reply|replies|related|recommended|recirculation|teaser|teasers|more-stories)(?:$|[\s_-])/;

function insideForeignContainer(el: Element): boolean {
  // An `<aside>` is a teaser box for a class-named byline, but also where blogs put the post's own
  // `itemprop=author` footer; schema.org markup is trusted there.
  const marked = (attr(el, "itemprop") ?? "").split(/\s+/).includes("author");
  for (let node = el.parent; node && node.type !== "root"; node = node.parent) {
    const parent = node as Element;
    if (parent.name === "aside" && !marked) return true;
    const cls = `${attr(parent, "class") ?? ""} ${attr(parent, "id") ?? ""}`.toLowerCase();
    if (FOREIGN_BYLINE_CONTAINER.test(cls)) return true;
  }
  return false;
}

/** Inside a byline element, the parts that hold only a name: the link to the author page, `itemprop=name`, `.fn`. */
function isNamePart(el: Element): boolean {
  if ((attr(el, "itemprop") ?? "").split(/\s+/).includes("name")) return true;
  if ((attr(el, "rel") ?? "").split(/\s+/).includes("author")) return true;
  const cls = (attr(el, "class") ?? "").toLowerCase();
  if (/(?:^|\s)(?:fn|author-?name|author-link|byline-name)(?:$|\s)/.test(cls)) return true;
  return (
    el.name === "a" &&
    /\/(?:author|authors|people|profile|profiles|staff|journalist|journalists|u)\//i.test(attr(el, "href") ?? "")
  );
}

function bylineElement(doc: Document): string[] {
  const isByline = (el: Element) => {
    if (el.name === "link" || el.name === "meta" || el.name === "body" || el.name === "html") return false;
    // itemprop and rel are space-separated lists ("author creator").
    if ((attr(el, "itemprop") ?? "").split(/\s+/).includes("author")) return true;
    if ((attr(el, "rel") ?? "").split(/\s+/).includes("author")) return true;
    const cls = `${attr(el, "class") ?? ""} ${attr(el, "id") ?? ""}`.toLowerCase();
    return BYLINE_CLASS.test(cls);
  };
  // The first byline-like element whose text reads as names: author bio boxes and "Follow author" buttons share
  // the class words, so a candidate that does not parse is skipped rather than ending the search.
  let tried = 0;
  for (const el of elements(doc)) {
    if (!isByline(el) || insideForeignContainer(el)) continue;
    if (++tried > MAX_BYLINE_CANDIDATES) break;
    // "Ann Lee Games Editor": the name parts leave the role and the timestamp beside them out.
    const parts = findAll(el, (e) => e !== el && isNamePart(e));
    const names: string[] = [];
    for (const part of parts.length > 0 ? parts : [el]) {
      const text = textOf(part).trim();
      if (text === "" || text.length > MAX_BYLINE_CHARS) continue;
      for (const name of parseByline(BYLINE_LABEL.test(text) ? text : `By ${text}`) ?? [])
        if (!names.includes(name)) names.push(name);
    }
    if (names.length > 0) return names;
  }
  return [];
}

/** Reads every metadata source of a page into the draft, best source first, and returns the JSON-LD article body. */
export function readHtmlMetadata(doc: Document, draft: ArticleDraft): { articleBody: string | null } {
  const jsonLd = readJsonLd(doc);
  draft.diagnostics.push(...jsonLd.diagnostics);
  const meta = readMeta(doc);
  // JSON-LD's publisher names the publication ("Voodoo Engineering"), og:site_name often the platform or the name
  // with a tagline ("Medium", "Aktuálně.cz - Víte, co se právě děje"); both strip <title> suffixes below.
  if (jsonLd.article) fromJsonLd(draft, jsonLd.article, jsonLd.all);
  const ogSiteName = first(meta, "og:site_name")?.value;
  setField(draft, "outlet", ogSiteName, "open-graph");
  setField(
    draft,
    "outlet",
    first(meta, "application-name", "publisher", "dc.publisher", "parsely-site")?.value,
    "meta",
  );

  const canonicalEl = findFirst(
    doc,
    (el) => el.name === "link" && (attr(el, "rel") ?? "").toLowerCase() === "canonical",
  );
  const siteNames = () => [
    draft.outlet,
    ogSiteName,
    hostLabel(
      draft.metadata.canonicalUrl ?? first(meta, "og:url")?.value ?? (canonicalEl ? attr(canonicalEl, "href") : null),
    ),
  ];
  const titleEl = findFirst(doc, (el) => el.name === "title");
  const pageTitle = titleEl ? rawText(titleEl).replace(/\s+/g, " ").trim() : "";
  // Some sites put a description in JSON-LD `headline` (encyclopedias): trust the page's own title when they disagree.
  if (draft.fieldSources.title === "json-ld" && draft.title && pageTitle) {
    if (wordOverlap(draft.title, pageTitle) < MIN_TITLE_OVERLAP) {
      draft.title = null;
      delete draft.fieldSources.title;
    }
  }
  setField(draft, "title", first(meta, "dc.title", "dcterms.title")?.value, "meta");
  const ogTitle = first(meta, "og:title", "twitter:title");
  if (ogTitle) setField(draft, "title", stripSiteName(ogTitle.value, siteNames()), "open-graph");
  setField(draft, "title", first(meta, "parsely-title", "sailthru.title", "headline")?.value, "meta");
  if (pageTitle)
    setField(draft, "title", stripTitleSuffix(stripSiteName(pageTitle, siteNames()), doc), "title-element");

  const published = first(meta, "article:published_time", "og:article:published_time");
  if (published)
    setField(
      draft,
      "publishedAt",
      applyDate(draft, published.value, `<meta property="${published.key}">`),
      "open-graph",
    );
  const metaDate = first(
    meta,
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "article.published",
    "datepublished",
  );
  if (metaDate)
    setField(draft, "publishedAt", applyDate(draft, metaDate.value, `<meta name="${metaDate.key}">`), "meta");
  if (draft.publishedAt === null) {
    const time =
      findFirst(doc, (el) => el.name === "time" && attr(el, "pubdate") !== null && !!attr(el, "datetime")) ??
      findFirst(doc, (el) => el.name === "time" && !!attr(el, "datetime"));
    if (time)
      setField(draft, "publishedAt", applyDate(draft, attr(time, "datetime"), "<time datetime>"), "time-element");
  }
  const modified = first(meta, "article:modified_time", "og:updated_time", "dcterms.modified", "lastmod");
  if (modified)
    setOnce(draft, "modifiedAt", applyDate(draft, modified.value, `<meta property="${modified.key}">`), "open-graph");

  // The first named author from <meta>; article:author is often a profile URL, which setAuthors skips.
  const metaAuthor = (
    [
      "dc.creator",
      "dcterms.creator",
      "author",
      "article:author",
      "og:article:author",
      "byl",
      "parsely-author",
      "sailthru.author",
    ] as const
  )
    .map((key) => ({ key, value: meta.get(key)?.find((v) => !isUrl(v)) }))
    .find((a) => a.value);
  if (metaAuthor?.value)
    setAuthors(draft, [metaAuthor.value], metaAuthor.key.includes("article:author") ? "open-graph" : "meta");
  setAuthors(draft, bylineElement(doc), "byline");

  const canonical = findFirst(
    doc,
    (el) =>
      el.name === "link" &&
      (attr(el, "rel") ?? "").toLowerCase().split(/\s+/).includes("canonical") &&
      !!attr(el, "href"),
  );
  const canonicalUrl = canonical ? attr(canonical, "href") : null;
  if (canonicalUrl && isUrl(canonicalUrl)) setOnce(draft, "canonicalUrl", canonicalUrl, "meta");
  setOnce(draft, "canonicalUrl", first(meta, "og:url")?.value, "open-graph");

  setOnce(
    draft,
    "description",
    first(meta, "description", "og:description", "twitter:description", "dc.description")?.value,
    "meta",
  );
  setOnce(draft, "section", first(meta, "article:section", "parsely-section")?.value, "open-graph");
  addTags(
    draft,
    meta.get("article:tag") ?? meta.get("parsely-tags") ?? meta.get("keywords") ?? meta.get("news_keywords") ?? [],
    meta.has("article:tag") ? "open-graph" : "meta",
  );

  const html = findFirst(doc, (el) => el.name === "html");
  setField(draft, "declaredLanguage", html ? (attr(html, "lang") ?? attr(html, "xml:lang")) : null, "meta");
  setField(
    draft,
    "declaredLanguage",
    first(meta, "content-language", "og:locale", "dc.language", "language")?.value,
    "meta",
  );
  const articleBody = jsonLd.article ? stringOf(jsonLd.article.articleBody) : null;
  return { articleBody };
}
