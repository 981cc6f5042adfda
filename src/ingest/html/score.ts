import type { AnyNode, Document, Element } from "domhandler";
import { isTag, isText } from "domhandler";
import { attr, elementsBottomUp, findAll, findFirst, isInside } from "./dom.js";

// Hand-written: choosing the main text container is Parallax's own craft (Readability-like, tuned on real pages).

/** Text shorter than this in a paragraph is a label or a caption, not prose worth scoring. */
const MIN_PARAGRAPH_CHARS = 25;
/** Each 100 characters of a paragraph add a point, up to this many: long paragraphs count, but not unboundedly. */
const MAX_LENGTH_POINTS = 3;
/** Share of a paragraph's score passed to each ancestor level: parent, grandparent, then further up. */
const ANCESTOR_SHARE = [1, 0.5, 1 / 6, 1 / 9, 1 / 12];
/** Loose text's commas are not counted apart from its block children's; prose has about one comma per this many chars. */
const LOOSE_CHARS_PER_COMMA = 120;
/** A semantic container (`<article>`, articleBody, `<main>`) is preferred when it holds this share of the prose. */
const SEMANTIC_PROSE_SHARE = 0.6;
/** A twin body container may hold this share of link text at most: more, and it is a list of teasers. */
const MAX_TWIN_LINK_DENSITY = 0.3;
/** The headline's `<article>` needs this much prose to be the story rather than a header card. */
const MIN_HEADLINE_ARTICLE_PROSE = 200;
/** Siblings of the best container join it when they score at least this share of it (split article bodies). */
const SIBLING_SCORE_SHARE = 0.2;
/** ... and at least this absolute score, so that empty wrappers do not join. */
const MIN_SIBLING_SCORE = 10;

/** A lone sibling paragraph joins when it is this long and mostly not links (Readability's values). */
const MIN_SIBLING_PARAGRAPH_CHARS = 80;
const MAX_SIBLING_LINK_DENSITY = 0.25;

const POSITIVE = /article|body|content|entry|main|page|post|text|blog|story|prose/i;
const NEGATIVE =
  /comment|meta|footer|footnote|related|share|sidebar|widget|promo|shoutbox|sponsor|caption|byline|author|dateline|tag|toolbar|hidden/i;

const BLOCK_TAGS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "dd",
  "div",
  "dl",
  "dt",
  "figure",
  "figcaption",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "tbody",
  "td",
  "th",
  "thead",
  "tr",
  "ul",
  "br",
]);

export interface Stats {
  /** Characters of text (white space collapsed) in the subtree. */
  text: number;
  /** Characters of text inside links. */
  link: number;
  /** Characters of text in prose blocks (p, pre, blockquote, text-only divs) outside links. */
  prose: number;
  commas: number;
  /**
   * Characters of text outside links that sit loose in an element with block children: text nodes and inline
   * elements between `<br>`s or beside `<p>`s. CMSs that never wrap paragraphs in `<p>` put the whole story here.
   */
  loose: number;
}

/** Elements whose text is code or page plumbing: their characters are no evidence of prose anywhere up the tree. */
const NON_TEXT_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "title",
  "svg",
  "iframe",
  "textarea",
]);

export function isBlock(name: string): boolean {
  return BLOCK_TAGS.has(name);
}

function hasBlockChild(el: Element): boolean {
  return el.children.some((c) => isTag(c) && BLOCK_TAGS.has(c.name));
}

/** Length of the text with white space collapsed and trimmed, without building the collapsed string. */
function textLength(data: string): number {
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x3000 || code === 0x2028;
    if (space) pendingSpace = length > 0;
    else {
      if (pendingSpace) length++;
      pendingSpace = false;
      length++;
    }
  }
  return length;
}

function countCommas(data: string): number {
  let count = 0;
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    if (code === 44 || code === 0xff0c || code === 0x3001) count++;
  }
  return count;
}

/** Bottom-up text statistics for every element. */
export function computeStats(doc: Document): Map<Element, Stats> {
  const stats = new Map<Element, Stats>();
  for (const el of elementsBottomUp(doc)) {
    const s: Stats = { text: 0, link: 0, prose: 0, commas: 0, loose: 0 };
    stats.set(el, s);
    if (NON_TEXT_TAGS.has(el.name)) continue;
    let ownText = 0;
    let blockChild = false;
    for (const child of el.children as AnyNode[]) {
      if (isText(child)) {
        const length = textLength(child.data);
        s.text += length;
        ownText += length;
        s.loose += length;
        s.commas += countCommas(child.data);
      } else if (isTag(child)) {
        const c = stats.get(child);
        if (!c) continue;
        s.text += c.text;
        s.link += c.link;
        s.prose += c.prose;
        s.commas += c.commas;
        if (BLOCK_TAGS.has(child.name)) blockChild = true;
        else if (c.prose === 0) s.loose += c.text - c.link;
      }
    }
    if (!blockChild || s.loose < MIN_PARAGRAPH_CHARS) s.loose = 0;
    if (el.name === "a") s.link = s.text;
    const proseLike =
      el.name === "p" ||
      el.name === "pre" ||
      el.name === "blockquote" ||
      (el.name !== "li" && !hasBlockChild(el) && ownText > 0);
    if (proseLike && s.text - s.link >= MIN_PARAGRAPH_CHARS) s.prose = Math.max(s.prose, s.text - s.link);
    else s.prose += s.loose;
  }
  return stats;
}

function classWeight(el: Element): number {
  const value = `${attr(el, "class") ?? ""} ${attr(el, "id") ?? ""}`;
  let weight = 0;
  if (POSITIVE.test(value)) weight += 25;
  if (NEGATIVE.test(value)) weight -= 25;
  if (attr(el, "itemprop") === "articleBody") weight += 50;
  return weight;
}

function tagWeight(name: string): number {
  if (name === "div" || name === "article" || name === "section" || name === "main") return 5;
  if (name === "pre" || name === "td" || name === "blockquote") return 3;
  if (name === "ol" || name === "ul" || name === "dl" || name === "form" || name === "li") return -3;
  if (/^h[1-6]$/.test(name) || name === "th") return -5;
  return 0;
}

/** Readability-style scores: each prose block credits its ancestors; scores shrink with link density. */
function scoreCandidates(stats: Map<Element, Stats>): Map<Element, number> {
  const scores = new Map<Element, number>();
  for (const [el, s] of stats) {
    const isParagraph =
      el.name === "p" || el.name === "pre" || el.name === "td" || (el.name === "div" && !hasBlockChild(el));
    // Loose text is a paragraph that the element itself holds, so the element gets the parent's share.
    const loose = !isParagraph && s.loose >= MIN_PARAGRAPH_CHARS;
    if (!isParagraph && !loose) continue;
    const ownProse = loose ? s.loose : s.text - s.link;
    if (ownProse < MIN_PARAGRAPH_CHARS) continue;
    const commas = loose ? Math.floor(ownProse / LOOSE_CHARS_PER_COMMA) : s.commas;
    const points = 1 + commas + Math.min(Math.floor(ownProse / 100), MAX_LENGTH_POINTS);
    let ancestor: AnyNode | null = loose ? el : el.parent;
    for (let level = 0; level < ANCESTOR_SHARE.length && ancestor && isTag(ancestor); level++) {
      if (!scores.has(ancestor)) scores.set(ancestor, tagWeight(ancestor.name) + classWeight(ancestor));
      scores.set(ancestor, (scores.get(ancestor) ?? 0) + points * (ANCESTOR_SHARE[level] ?? 0));
      ancestor = ancestor.parent;
    }
  }
  for (const [el, score] of scores) {
    const s = stats.get(el);
    const density = s && s.text > 0 ? s.link / s.text : 0;
    scores.set(el, score * (1 - density));
  }
  return scores;
}

function semanticContainer(doc: Document, stats: Map<Element, Stats>): Element | null {
  const byProse = (list: Element[]) =>
    list.sort((a, b) => (stats.get(b)?.prose ?? 0) - (stats.get(a)?.prose ?? 0))[0] ?? null;
  return (
    byProse(findAll(doc, (el) => attr(el, "itemprop") === "articleBody")) ??
    byProse(findAll(doc, (el) => el.name === "article")) ??
    byProse(findAll(doc, (el) => el.name === "main" || attr(el, "role") === "main"))
  );
}

/**
 * On a page with several `<article>`s (the story plus teasers of others), the one that holds the page's headline
 * is the story, when it holds more prose than any teaser. An `<article>` that holds other `<article>`s is a list
 * (or unclosed markup), never the story.
 */
function headlineArticle(doc: Document, stats: Map<Element, Stats>): Element | null {
  const articles = findAll(doc, (el) => el.name === "article");
  if (articles.length < 2) return null;
  const leaves = articles.filter((a) => !articles.some((b) => b !== a && isInside(b, a)));
  const h1 = findFirst(doc, (el) => el.name === "h1");
  if (!h1) return null;
  const home = leaves.find((a) => isInside(h1, a));
  if (!home) return null;
  const prose = stats.get(home)?.prose ?? 0;
  if (prose < MIN_HEADLINE_ARTICLE_PROSE) return null;
  return leaves.every((a) => a === home || (stats.get(a)?.prose ?? 0) < prose) ? home : null;
}

/** How far above the winner a repeated block may sit (step > stepContent > content). */
const MAX_TWIN_ANCESTOR_LEVELS = 2;
/** Look-alike siblings a wrapper needs (a series of at least three blocks) before they join the winner. */
const MIN_ANCESTOR_TWINS = 2;
/** A wrapper counts as the winner's own block while it holds at most this multiple of the winner's prose. */
const MAX_TWIN_WRAPPER_PROSE_RATIO = 1.2;

/**
 * A CMS that interrupts the body with ads or figures often closes the body container and opens an identical one
 * further on, in another branch of the tree (Quanta's `div.post__content` per section). Elements with the chosen
 * container's exact tag and class list that hold prose, mostly not links, are the rest of the body.
 */
function withTwins(doc: Document, chosen: Element[], stats: Map<Element, Stats>): Element[] {
  const first = chosen[0];
  if (!first || chosen.length !== 1) return chosen;
  const twinsOf = (target: Element, siblingsOnly: boolean): Element[] => {
    const cls = attr(target, "class") ?? "";
    if (cls === "" || target.name === "body" || target.name === "html") return [];
    const isTwin = (el: Element) => {
      if (el === target || el.name !== target.name || attr(el, "class") !== cls) return false;
      if (isInside(el, target) || isInside(target, el)) return false;
      const s = stats.get(el);
      return !!s && s.prose >= MIN_PARAGRAPH_CHARS && s.link <= MAX_TWIN_LINK_DENSITY * s.text;
    };
    if (!siblingsOnly) return findAll(doc, isTwin);
    // Siblings are the parent's children: no need to walk the whole document for them.
    const parent = target.parent;
    return parent && isTag(parent) ? parent.children.filter((c): c is Element => isTag(c) && isTwin(c)) : [];
  };
  // The repeated element may sit a level or two above the winner: a how-to page's "step" blocks, each wrapping
  // its own text element, of which only the first carries an extra class ("content lead").
  const firstProse = stats.get(first)?.prose ?? 0;
  let target: Element = first;
  let twins = twinsOf(first, false);
  for (let node = first.parent, level = 0; twins.length === 0 && level < MAX_TWIN_ANCESTOR_LEVELS; level++) {
    if (!node || !isTag(node)) break;
    // Only a wrapper of the winner alone: one holding other prose is a layout column, not a repeated block.
    if ((stats.get(node)?.prose ?? 0) > firstProse * MAX_TWIN_WRAPPER_PROSE_RATIO) break;
    target = node;
    // Above the winner, only siblings: layout classes ("row", "container") repeat across the whole page.
    twins = twinsOf(node, true);
    // One look-alike sibling is a header block or an author box of the same layout; a series is the body.
    if (twins.length < MIN_ANCESTOR_TWINS) twins = [];
    node = node.parent;
  }
  if (twins.length === 0) return chosen;
  const set = new Set([target, ...twins]);
  return findAll(doc, (el) => set.has(el));
}

/** The elements whose text is the article, in document order (one container, or siblings of a split body). */
export function chooseContent(doc: Document): Element[] {
  const stats = computeStats(doc);
  return withTwins(doc, chooseContainers(doc, stats), stats);
}

function chooseContainers(doc: Document, stats: Map<Element, Stats>): Element[] {
  const body = [...stats.keys()].find((el) => el.name === "body") ?? null;
  const totalProse = body ? (stats.get(body)?.prose ?? 0) : Math.max(0, ...[...stats.values()].map((s) => s.prose));
  if (totalProse === 0) return body ? [body] : [];
  const headline = headlineArticle(doc, stats);
  if (headline) return [headline];
  const semantic = semanticContainer(doc, stats);
  if (semantic && (stats.get(semantic)?.prose ?? 0) >= SEMANTIC_PROSE_SHARE * totalProse) return [semantic];

  const scores = scoreCandidates(stats);
  let top: Element | null = null;
  let topScore = Number.NEGATIVE_INFINITY;
  for (const [el, score] of scores) {
    if (score > topScore) {
      top = el;
      topScore = score;
    }
  }
  if (!top) return body ? [body] : [];
  if (semantic && isInside(top, semantic) && (stats.get(semantic)?.prose ?? 0) > (stats.get(top)?.prose ?? 0)) {
    return [semantic];
  }
  const parent = top.parent;
  if (!parent || !isTag(parent)) return [top];
  const threshold = Math.max(MIN_SIBLING_SCORE, topScore * SIBLING_SCORE_SHARE);
  const chosen = parent.children.filter((child): child is Element => {
    if (!isTag(child)) return false;
    if (child === top) return true;
    if ((scores.get(child) ?? 0) >= threshold) return true;
    const s = stats.get(child);
    if (!s || child.name !== "p") return false;
    const density = s.text > 0 ? s.link / s.text : 1;
    return s.text > MIN_SIBLING_PARAGRAPH_CHARS && density < MAX_SIBLING_LINK_DENSITY;
  });
  return chosen;
}
