import { z } from "zod";
import type { MetadataSource } from "../../model/article.js";
import { diagnostic } from "../../model/diagnostic.js";
import { applyRecord } from "../apply-record.js";
import type { ArticleDraft } from "../article-draft.js";
import { emptyDraft, setField } from "../article-draft.js";
import { extractHtml } from "../html/extract-html.js";
import { repairMojibake } from "../repair-mojibake.js";
import { finishText } from "../text/finish-text.js";
import { splitParagraphs } from "../text/parse-plain-text.js";

const Person = z.union([z.string(), z.looseObject({ name: z.string() })]);

/** The article object of `.json`/`.jsonl` input: known fields typed, every other key kept in metadata.extra. */
export const ArticleRecordSchema = z.looseObject({
  title: z.string().nullish(),
  text: z.string().nullish(),
  html: z.string().nullish(),
  url: z.string().nullish(),
  publishedAt: z.union([z.string(), z.number()]).nullish(),
  author: z.union([Person, z.array(Person)]).nullish(),
  outlet: z.string().nullish(),
  language: z.string().nullish(),
});

/** Keys read as the body, in order of preference; JSON exports name it differently. */
const TEXT_KEYS = ["text", "content_text", "body", "content", "articleBody"] as const;
const HTML_KEYS = ["html", "content_html", "body_html"] as const;

export type RecordResult = { ok: true; draft: ArticleDraft } | { ok: false; reason: string };

function typeName(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

/** Fills the empty fields of `into` from `from` (record fields win over what the HTML says). */
function mergeDraft(into: ArticleDraft, from: ArticleDraft): void {
  for (const field of ["title", "url", "outlet", "author", "publishedAt", "declaredLanguage"] as const) {
    const source = from.fieldSources[field === "declaredLanguage" ? "language" : field];
    if (source) setField(into, field, from[field], source);
  }
  into.metadata = { ...from.metadata, ...into.metadata };
  into.diagnostics.push(...from.diagnostics);
}

/** Reads one JSON article object into a draft, or a reason it is not one. */
export function recordToDraft(value: unknown, source: MetadataSource, now: Date): RecordResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, reason: `Unexpected JSON ${typeName(value)}, expected an article object` };
  }
  const parsed = ArticleRecordSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join(".") ?? "";
    const got = typeName(
      issue ? issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown>)?.[k], value) : value,
    );
    return { ok: false, reason: `Unexpected ${got} in '${path}', expected ${describeExpected(path)}` };
  }
  const record = value as Record<string, unknown>;
  const textKey = TEXT_KEYS.find((k) => typeof record[k] === "string" && (record[k] as string).trim() !== "");
  const htmlKey = HTML_KEYS.find((k) => typeof record[k] === "string" && (record[k] as string).trim() !== "");
  if (!textKey && !htmlKey) {
    return { ok: false, reason: "Unexpected article without 'text' or 'html', expected one of them" };
  }
  const draft = emptyDraft();
  applyRecord(draft, record, source, new Set([...TEXT_KEYS, ...HTML_KEYS].map((k) => k.toLowerCase())));
  if (draft.title) {
    const title = repairMojibake(draft.title);
    draft.title = title.text;
    draft.diagnostics.push(...title.diagnostics.map((d) => ({ ...d, place: { field: "title" } })));
  }
  if (textKey) {
    const repaired = repairMojibake(String(record[textKey]));
    draft.diagnostics.push(...repaired.diagnostics.map((d) => ({ ...d, place: { field: textKey } })));
    finishText(draft, splitParagraphs(repaired.text), now);
  } else if (htmlKey) {
    const repaired = repairMojibake(String(record[htmlKey]), { entities: false });
    draft.diagnostics.push(...repaired.diagnostics.map((d) => ({ ...d, place: { field: htmlKey } })));
    const fromHtml = extractHtml(repaired.text, now);
    mergeDraft(draft, fromHtml);
    draft.text = fromHtml.text;
  }
  if (!draft.text) {
    draft.diagnostics.push(
      diagnostic("ingest:json", "Unexpected article with empty text, expected paragraphs", {
        field: textKey ?? htmlKey ?? "text",
      }),
    );
  }
  return { ok: true, draft };
}

function describeExpected(path: string): string {
  if (path === "publishedAt") return "a date string or an epoch number";
  if (path.startsWith("author")) return "a name, an object with 'name', or a list of them";
  return "a string";
}
