export type InputFormat = "txt" | "markdown" | "html" | "json" | "jsonl" | "feed";

const BY_EXTENSION: Record<string, InputFormat> = {
  txt: "txt",
  text: "txt",
  md: "markdown",
  markdown: "markdown",
  html: "html",
  htm: "html",
  xhtml: "html",
  json: "json",
  jsonl: "jsonl",
  ndjson: "jsonl",
  xml: "feed",
  rss: "feed",
  atom: "feed",
};

const BY_CONTENT_TYPE: Array<[RegExp, InputFormat]> = [
  [/^text\/html|^application\/xhtml\+xml/, "html"],
  [/^application\/(?:rss|atom|rdf)\+xml|^(?:text|application)\/xml/, "feed"],
  [/^application\/(?:x-)?(?:ndjson|jsonl|json-seq)|^application\/jsonlines/, "jsonl"],
  [/^application\/(?:feed\+)?json/, "json"],
  [/^text\/markdown/, "markdown"],
  [/^text\/plain/, "txt"],
];

function extensionOf(source: string): string | null {
  const path = source.replace(/[?#].*$/, "");
  const name = path.split(/[\\/]/).at(-1) ?? "";
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : null;
}

/** Looks at the text itself when neither the name nor the content type tells. */
export function sniffFormat(text: string): InputFormat {
  const head = text.slice(0, 2000).trimStart();
  if (head.startsWith("<")) {
    if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)\b/i.test(head)) return "feed";
    return "html";
  }
  if (head.startsWith("{") || head.startsWith("[")) {
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    const lineObjects = lines.length > 1 && lines.every((l) => l.trim().startsWith("{") && l.trim().endsWith("}"));
    return lineObjects && head.startsWith("{") ? "jsonl" : "json";
  }
  if (/^---\s*\n/.test(head) || /^#{1,6} \S/m.test(head)) return "markdown";
  return "txt";
}

/** Format by extension of the source, else by content type, else by sniffing the text. */
export function detectFormat(source: string, contentType: string | null | undefined, text: string): InputFormat {
  const extension = extensionOf(source);
  if (extension && BY_EXTENSION[extension]) return BY_EXTENSION[extension];
  const type = contentType?.toLowerCase().trim() ?? "";
  for (const [pattern, format] of BY_CONTENT_TYPE) if (pattern.test(type)) return format;
  return sniffFormat(text);
}
