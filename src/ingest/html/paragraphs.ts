import type { AnyNode, Element } from "domhandler";
import { hasChildren, isTag, isText } from "domhandler";
import { isBlock } from "./score.js";

/** A short block that is mostly link text is a menu or a "see also" line, not prose. */
const MAX_BLOCK_LINK_DENSITY = 0.5;
/** ... unless it is long: a long paragraph full of citations is still prose. */
const LONG_BLOCK_CHARS = 200;

/** Tags whose text is not article prose even inside the main container. */
const SKIP_TAGS = new Set(["h1", "figcaption", "script", "style", "noscript", "template", "button", "select", "sup"]);

/**
 * A list that is mostly links is a "most read" or "related" box, whose items also hold bare ordinals and dates
 * that the per-block link filter alone would leave behind as stray lines: the whole list goes. Not at half links:
 * reference lists (a citation with a link or two per item) run at about 60% and are kept.
 */
const MAX_LIST_LINK_DENSITY = 0.7;

/** Text and link characters of a subtree (iterative; lists are small, and nested lists are skipped once dropped). */
function linkShare(root: Element): number {
  let text = 0;
  let link = 0;
  const stack: Array<{ node: AnyNode; inLink: boolean }> = [{ node: root, inLink: false }];
  while (stack.length > 0) {
    const { node, inLink } = stack.pop() as { node: AnyNode; inLink: boolean };
    if (isText(node)) {
      const length = node.data.trim().length;
      text += length;
      if (inLink) link += length;
    } else if (hasChildren(node)) {
      const nowInLink = inLink || (isTag(node) && node.name === "a");
      for (const child of node.children) stack.push({ node: child as AnyNode, inLink: nowInLink });
    }
  }
  return text === 0 ? 0 : link / text;
}

interface Block {
  text: string;
  link: number;
}

/**
 * Paragraph texts of the chosen elements: block elements (p, h2-h6, li, blockquote, pre, div, td...) start a new
 * paragraph, inline text joins, white space collapses. Menu-like blocks (mostly links) are dropped.
 */
export function collectParagraphs(roots: Element[]): string[] {
  const blocks: Block[] = [];
  let text = "";
  let link = 0;
  const flush = () => {
    const clean = text.replace(/\s+/g, " ").trim();
    if (clean !== "") blocks.push({ text: clean, link });
    text = "";
    link = 0;
  };
  // Explicit stack of enter/leave steps instead of recursion, for deeply nested pages.
  type Step = { node: AnyNode; leave: boolean; inLink: boolean };
  for (const root of roots) {
    const stack: Step[] = [{ node: root, leave: false, inLink: false }];
    while (stack.length > 0) {
      const step = stack.pop() as Step;
      const { node } = step;
      if (isText(node)) {
        text += node.data;
        if (step.inLink) link += node.data.replace(/\s+/g, " ").trim().length;
        continue;
      }
      if (!isTag(node)) continue;
      if (SKIP_TAGS.has(node.name)) continue;
      if (!step.leave && (node.name === "ul" || node.name === "ol") && linkShare(node) > MAX_LIST_LINK_DENSITY)
        continue;
      const block = isBlock(node.name);
      if (step.leave) {
        if (block) flush();
        continue;
      }
      if (block) flush();
      if (node.name === "br" || node.name === "hr") continue;
      stack.push({ node, leave: true, inLink: step.inLink });
      if (hasChildren(node)) {
        const inLink = step.inLink || node.name === "a";
        for (let i = node.children.length - 1; i >= 0; i--) {
          stack.push({ node: node.children[i] as AnyNode, leave: false, inLink });
        }
      }
    }
    flush();
  }
  return blocks
    .filter((b) => /[\p{L}\p{N}]/u.test(b.text))
    .filter((b) => b.text.length >= LONG_BLOCK_CHARS || b.link / b.text.length <= MAX_BLOCK_LINK_DENSITY)
    .map((b) => b.text);
}
