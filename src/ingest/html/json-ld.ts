import type { Document } from "domhandler";
import type { Diagnostic } from "../../model/diagnostic.js";
import { diagnostic } from "../../model/diagnostic.js";
import { attr, findAll, rawText } from "./dom.js";

/** schema.org types whose object describes the article itself. */
const ARTICLE_TYPES = new Set([
  "newsarticle",
  "article",
  "reportagenewsarticle",
  "analysisnewsarticle",
  "opinionnewsarticle",
  "reviewnewsarticle",
  "backgroundnewsarticle",
  "blogposting",
  "socialmediaposting",
  "liveblogposting",
  "report",
  "scholarlyarticle",
]);

export type JsonLdObject = Record<string, unknown>;

function typesOf(obj: JsonLdObject): string[] {
  const type = obj["@type"];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === "string").map((t) => t.replace(/^.*[/:]/, "").toLowerCase());
}

/** Objects from a JSON-LD value: arrays and `@graph` flattened (iteratively: graphs can nest). */
function flatten(value: unknown): JsonLdObject[] {
  const out: JsonLdObject[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) stack.push(...[...item].reverse());
    else if (item && typeof item === "object") {
      const obj = item as JsonLdObject;
      out.push(obj);
      if (obj["@graph"]) stack.push(obj["@graph"]);
    }
  }
  return out;
}

/** The first article-typed JSON-LD object of the page, plus the whole set (for `@id` references). */
export function readJsonLd(doc: Document): {
  article: JsonLdObject | null;
  all: JsonLdObject[];
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const all: JsonLdObject[] = [];
  const scripts = findAll(
    doc,
    (el) => el.name === "script" && (attr(el, "type") ?? "").toLowerCase() === "application/ld+json",
  );
  for (const script of scripts) {
    const raw = rawText(script)
      .trim()
      .replace(/^<!\[CDATA\[|\]\]>$/g, "")
      .replace(/;\s*$/, "");
    if (raw === "") continue;
    try {
      all.push(...flatten(JSON.parse(raw)));
    } catch (error) {
      diagnostics.push(
        diagnostic(
          "ingest:json-ld",
          `Unexpected malformed JSON-LD (${(error as Error).message.split("\n")[0]}), expected valid JSON`,
          { field: "json-ld" },
        ),
      );
    }
  }
  const article = all.find((obj) => typesOf(obj).some((t) => ARTICLE_TYPES.has(t))) ?? null;
  return { article, all, diagnostics };
}

/** Resolves `{ "@id": ... }` references against the page's other JSON-LD objects. */
export function resolveRef(value: unknown, all: JsonLdObject[]): unknown {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const obj = value as JsonLdObject;
    const id = obj["@id"];
    if (typeof id === "string" && Object.keys(obj).length === 1)
      return all.find((o) => o !== obj && o["@id"] === id) ?? value;
  }
  return value;
}

/** Names from a schema.org person/organisation value: string, object with `name`, or an array of those. */
export function namesOf(value: unknown, all: JsonLdObject[]): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of list) {
    const resolved = resolveRef(item, all);
    if (typeof resolved === "string") names.push(resolved);
    else if (resolved && typeof resolved === "object") {
      const name = (resolved as JsonLdObject).name;
      if (typeof name === "string") names.push(name);
      else if (Array.isArray(name) && typeof name[0] === "string") names.push(name[0]);
    }
  }
  return names.map((n) => n.replace(/\s+/g, " ").trim()).filter((n) => n !== "" && !/^https?:\/\//.test(n));
}

export function stringOf(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (Array.isArray(value)) return stringOf(value[0]);
  if (value && typeof value === "object") {
    const obj = value as JsonLdObject;
    return stringOf(obj["@value"] ?? obj["@id"] ?? obj.url ?? obj.name);
  }
  return null;
}
