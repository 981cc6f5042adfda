import type { AnyNode, Document, Element } from "domhandler";
import { hasChildren, isTag, isText } from "domhandler";
import { parseDocument } from "htmlparser2";

// Every traversal here is iterative: pages with thousands of nested elements must not overflow the stack.

export function parseHtml(html: string): Document {
  return parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}

/** Elements under `root` in document order (root included when it is an element). */
export function* elements(root: AnyNode): Generator<Element> {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isTag(node)) yield node;
    if (hasChildren(node)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
    }
  }
}

/** Elements in post-order (children before parents), for bottom-up aggregates. */
export function elementsBottomUp(root: AnyNode): Element[] {
  const order = [...elements(root)];
  return order.reverse();
}

export function findAll(root: AnyNode, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  for (const el of elements(root)) if (test(el)) found.push(el);
  return found;
}

export function findFirst(root: AnyNode, test: (el: Element) => boolean): Element | null {
  for (const el of elements(root)) if (test(el)) return el;
  return null;
}

/** Text of a subtree with white space collapsed; script-like elements are expected to be pruned already. */
export function textOf(root: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isText(node)) parts.push(node.data);
    else if (isTag(node) && (node.name === "script" || node.name === "style" || node.name === "template")) continue;
    else if (hasChildren(node)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
    }
  }
  return parts.join(" ").replace(/\s+/g, " ").trim();
}

/** Raw text of an element's direct text children (for JSON-LD and <title>). */
export function rawText(el: Element): string {
  return el.children.map((c) => (isText(c) ? c.data : "")).join("");
}

export function attr(el: Element, name: string): string | null {
  const value = el.attribs[name];
  return value === undefined ? null : value.trim();
}

export function isInside(node: AnyNode, ancestor: AnyNode): boolean {
  let current: AnyNode | null = node;
  while (current) {
    if (current === ancestor) return true;
    current = current.parent;
  }
  return false;
}

export function detach(node: AnyNode): void {
  const parent = node.parent;
  if (!parent) return;
  const index = parent.children.indexOf(node as never);
  if (index >= 0) parent.children.splice(index, 1);
  node.parent = null;
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.prev = null;
  node.next = null;
}
