import type { Document, Element } from "domhandler";
import { attr, detach, elements, findAll, findFirst, isInside, textOf } from "./dom.js";
import { computeStats, type Stats } from "./score.js";

/** Elements that hold code or widgets, never article text: always dropped, so they never reach the text. */
const DROP_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "svg",
  // MathML is kept (formulas are part of the text); its TeX/markup annotations repeat the formula as source code.
  "annotation",
  "annotation-xml",
  "button",
  "select",
  "input",
  "textarea",
  "object",
  "embed",
  "canvas",
  "video",
  "audio",
  "map",
  "dialog",
  "head",
  "link",
  "meta",
  "title",
]);
/** Page regions that are furniture by definition, unless a site wraps its whole page in one (ASP.NET `<form>`). */
const REGION_TAGS = new Set(["form", "nav", "header", "footer", "aside"]);

/**
 * class/id words that always mark furniture, matched as whole words ("navigator" is safe). Only a wrapper of the
 * headline or of most of the prose survives them.
 */
const FURNITURE_WORD =
  /^(?:share|shares|sharing|sharebar|social|socials|related|comment|comments|commentlist|cookie|cookies|consent|subscribe|subscription|newsletter|promo|promos|promotion|advert|adverts|advertisement|ad|ads|adslot|adunit|sponsor|sponsored|breadcrumb|breadcrumbs|outbrain|taboola|disqus|recirculation|signup|mostread|trending|gallery|slideshow|carousel|lightbox|caption|captions|rollover|tooltip|popover|hovercard)$/;
/**
 * Words of a content gate. With JavaScript off, a "paywall" element is either the plea ("Subscribe to read") or the
 * wrapper of the gated rest of the story; only the prose it holds tells them apart.
 */
const GATE_WORD = /^(?:paywall|paywalled|metered|premium|gated|locked)$/;
/** A gate element holding at least this many characters of prose is the story's gated part, not a plea. */
const MIN_GATED_PROSE_CHARS = 400;

/** Layout words that sites also put on content wrappers ("l-sidebar-fixed l-article-body"): rescued by a content hint. */
const LAYOUT_WORD =
  /^(?:nav|navbar|navigation|menu|menubar|submenu|footer|sidebar|popup|modal|toolbar|masthead|skip|tags)$/;

/** Readability's rescue list: furniture words next to these describe a content wrapper ("l-sidebar-fixed l-article-body"). */
const CONTENT_HINT = /article|body|column|content|main|shadow|story|entry/i;

/** An element holding this share of the page's prose is the content, whatever its class says. */
const MAX_PRUNED_PROSE_SHARE = 0.5;

const BOILERPLATE_ROLES = new Set([
  "navigation",
  "menu",
  "menubar",
  "banner",
  "contentinfo",
  "complementary",
  "search",
  "dialog",
  "alert",
]);

/** CMS class prefixes that name the story's topic ("tag-social-media", "category-related-news"), not the layout. */
const TOPIC_CLASS = /^(?:tag|tags|category|cat|topic|postid|format|type|status)-/i;

function words(el: Element, part: "class" | "id" | "both" = "both"): string[] {
  const classes = (attr(el, "class") ?? "").split(/\s+/).filter((c) => !TOPIC_CLASS.test(c));
  const value = `${part === "id" ? "" : classes.join(" ")} ${part === "class" ? "" : (attr(el, "id") ?? "")}`;
  return value
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter((w) => w !== "");
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");

/**
 * Documentation generators (Sphinx, Markdown renderers) give each section the slug of its heading as id: a section
 * "Sharing with a single developer" is `id="sharing-with-a-single-developer"`, which names a topic, not a share bar.
 */
function isHeadingAnchor(el: Element): boolean {
  const id = attr(el, "id");
  if (!id) return false;
  const heading = findFirst(el, (e) => e !== el && /^h[2-6]$/.test(e.name));
  return !!heading && slug(textOf(heading)) === slug(id);
}

function isHidden(el: Element): boolean {
  if (el.attribs.hidden !== undefined) return true;
  if ((attr(el, "aria-hidden") ?? "") === "true") return true;
  const style = (attr(el, "style") ?? "").toLowerCase().replace(/\s+/g, "");
  return style.includes("display:none") || style.includes("visibility:hidden");
}

function isBoilerplate(el: Element, stats: Map<Element, Stats>): boolean {
  if (DROP_TAGS.has(el.name) || REGION_TAGS.has(el.name)) return true;
  if (el.name === "html" || el.name === "body" || el.name === "main" || el.name === "article") return false;
  if (isHidden(el)) return true;
  if (BOILERPLATE_ROLES.has((attr(el, "role") ?? "").toLowerCase())) return true;
  const classWords = words(el, "class");
  const idWords = attr(el, "id") ? words(el, "id") : [];
  const list = idWords.length > 0 ? [...classWords, ...idWords] : classWords;
  if (classWords.some((w) => FURNITURE_WORD.test(w))) return true;
  if (idWords.some((w) => FURNITURE_WORD.test(w)) && !isHeadingAnchor(el)) return true;
  if (list.some((w) => GATE_WORD.test(w))) return (stats.get(el)?.prose ?? 0) < MIN_GATED_PROSE_CHARS;
  if (!list.some((w) => LAYOUT_WORD.test(w))) return false;
  return !CONTENT_HINT.test(`${attr(el, "class") ?? ""} ${attr(el, "id") ?? ""}`);
}

/**
 * Removes scripts, styles, navigation and page furniture. An element that wraps the page's headline or its main
 * landmark (`<article>`, `<main>`, `[itemprop=articleBody]`) is a layout wrapper, so its class words are ignored.
 */
export function pruneBoilerplate(doc: Document): void {
  const landmarks = findAll(
    doc,
    (el) => el.name === "h1" || el.name === "article" || el.name === "main" || attr(el, "itemprop") === "articleBody",
  );
  const stats = computeStats(doc);
  const body = [...stats.keys()].find((el) => el.name === "body");
  const totalProse = body ? (stats.get(body)?.prose ?? 0) : 0;
  // Collected once: most pages have none, and a per-element subtree search would be quadratic in nesting.
  const formulas = findAll(doc, (el) => el.name === "math");
  const doomed: Element[] = [];
  for (const el of elements(doc)) {
    if (!isBoilerplate(el, stats)) continue;
    const byClass = !DROP_TAGS.has(el.name) && !isHidden(el);
    // A formula's wrapper carries widget classes (MathJax's "CtxtMenu_Attached"), but the formula is text.
    if (byClass && !REGION_TAGS.has(el.name) && formulas.some((f) => isInside(f, el))) continue;
    const holdsProse = totalProse > 0 && (stats.get(el)?.prose ?? 0) > MAX_PRUNED_PROSE_SHARE * totalProse;
    // A <header> usually wraps the <h1>: that alone does not make it a page wrapper.
    const wraps = landmarks.some((l) => l !== el && isInside(l, el) && !(el.name === "header" && l.name === "h1"));
    const wrapsLandmark = byClass && (holdsProse || wraps);
    if (!wrapsLandmark) doomed.push(el);
  }
  for (const el of doomed) detach(el);
}
