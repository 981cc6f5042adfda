// Hand-written: we only need Markdown's text, not a render; a few line rules beat a parser dependency here.

export interface MarkdownBlock {
  kind: "heading" | "paragraph" | "list" | "code" | "quote";
  level?: number;
  text: string;
}

/** Inline syntax to text: images dropped, links to their text, emphasis, code spans and inline HTML unwrapped. */
export function stripInline(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/!\[[^\]]*\]\[[^\]]*\]/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/<(https?:\/\/[^>\s]+)>/g, "$1")
    .replace(/<\/?[a-zA-Z][^>]*>/g, "")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)(.+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, "$1")
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, "$1")
    .replace(/~~(.+?)~~/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!>|])/g, "$1")
    .replace(/[ \t]+/g, " ")
    .trim();
}

const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;

/** Splits Markdown into text blocks. Setext and ATX headings, lists, quotes, fences, tables; HTML comments dropped. */
export function markdownBlocks(markdown: string): MarkdownBlock[] {
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, "").split("\n");
  const blocks: MarkdownBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: "paragraph", text: stripInline(paragraph.join(" ")) });
    if (list.length > 0) blocks.push({ kind: "list", text: list.map(stripInline).join("\n") });
    if (quote.length > 0) blocks.push({ kind: "quote", text: stripInline(quote.join(" ")) });
    paragraph = [];
    list = [];
    quote = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const fence = /^\s*(```+|~~~+)/.exec(line);
    if (fence?.[1]) {
      flush();
      const code: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? "").trim().startsWith(fence[1])) code.push(lines[i++] ?? "");
      if (code.join("").trim() !== "") blocks.push({ kind: "code", text: code.join("\n").trim() });
      continue;
    }
    const trimmed = line.trim();
    if (trimmed === "") {
      flush();
      continue;
    }
    const atx = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(trimmed);
    if (atx?.[1]) {
      flush();
      blocks.push({ kind: "heading", level: atx[1].length, text: stripInline(atx[2] ?? "") });
      continue;
    }
    const next = (lines[i + 1] ?? "").trim();
    if (paragraph.length === 0 && list.length === 0 && /^(=+|-+)$/.test(next) && !/^[-*_\s]+$/.test(trimmed)) {
      flush();
      blocks.push({ kind: "heading", level: next.startsWith("=") ? 1 : 2, text: stripInline(trimmed) });
      i++;
      continue;
    }
    if (/^([-*_])(\s*\1){2,}$/.test(trimmed)) {
      flush();
      continue;
    }
    if (/^\[[^\]]+\]:\s*\S+/.test(trimmed)) continue;
    if (/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(trimmed)) continue;
    if (trimmed.startsWith(">")) {
      if (paragraph.length > 0 || list.length > 0) flush();
      quote.push(trimmed.replace(/^(>\s?)+/, ""));
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      if (paragraph.length > 0 || quote.length > 0) flush();
      list.push(item[1] ?? "");
      continue;
    }
    if (list.length > 0 && /^\s{2,}/.test(line)) {
      list[list.length - 1] += ` ${trimmed}`;
      continue;
    }
    if (trimmed.startsWith("|")) {
      if (paragraph.length > 0 || quote.length > 0) flush();
      list.push(
        trimmed
          .replace(/^\||\|$/g, "")
          .split("|")
          .map((c) => c.trim())
          .join(" | "),
      );
      continue;
    }
    if (quote.length > 0 || list.length > 0) flush();
    paragraph.push(trimmed);
  }
  flush();
  return blocks.filter((b) => b.text !== "");
}
