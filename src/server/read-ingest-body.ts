import type { Context } from "hono";
import { z } from "zod";
import { HttpError } from "./http-error.js";
import { type IngestInput, jsonArticleDocument } from "./ingest-service.js";
import { MAX_ARTICLES_PER_REQUEST } from "./limits.js";
import { articleInputSchema } from "./schemas.js";
import { validate } from "./validate.js";

/** Raw bodies accepted as one document; the ingest stage detects the exact format from the type and the bytes. */
const DOCUMENT_TYPES = [
  "text/html",
  "application/xhtml+xml",
  "text/markdown",
  "text/x-markdown",
  "text/plain",
  "application/rss+xml",
  "application/atom+xml",
  "application/xml",
  "text/xml",
  "application/x-ndjson",
  "application/jsonl",
  "application/jsonlines",
];

const uploadQuerySchema = z.strictObject({
  name: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "expected a plain file name (letters, digits, '.', '_', '-')")
    .optional(),
});

/**
 * Turns the body of `POST /api/articles` into ingest inputs: JSON (one article or an array), multipart `file`
 * fields, or one raw document with its content type. Client-given names only label the input (they become the
 * article's origin for its id); nothing is ever read from a path the client names.
 */
export async function readIngestBody(c: Context): Promise<IngestInput[]> {
  const query = validate(uploadQuerySchema, c.req.query(), "query");
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/json") return readJson(await c.req.text());
  if (type === "multipart/form-data") return readMultipart(c);
  if (DOCUMENT_TYPES.includes(type)) {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const source = `upload/${query.name ?? "body"}`;
    return [
      {
        kind: "document",
        document: { source, path: source, url: null, bytes, contentType: c.req.header("content-type") ?? null },
      },
    ];
  }
  throw new HttpError(
    415,
    "unsupported_media_type",
    `Unexpected content type ${JSON.stringify(type || "(none)")}, expected application/json, multipart/form-data or one of ${DOCUMENT_TYPES.join(", ")}`,
  );
}

function readJson(text: string): IngestInput[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new HttpError(
      400,
      "malformed_json",
      `Unexpected JSON syntax (${error instanceof Error ? error.message : String(error)}), expected one article object or an array of them`,
    );
  }
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0 || items.length > MAX_ARTICLES_PER_REQUEST) {
    throw new HttpError(
      400,
      "invalid_request",
      `Unexpected ${items.length} articles, expected 1 to ${MAX_ARTICLES_PER_REQUEST} per request`,
    );
  }
  return items.map((item, index) => toInput(item, `body[${index}]`));
}

function toInput(item: unknown, source: string): IngestInput {
  const parsed = articleInputSchema.safeParse(item);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? "" : ` ${issue.path.join(".")}`;
    return { kind: "invalid", source, reason: `Unexpected article${where}: ${issue?.message ?? "invalid value"}` };
  }
  const article = parsed.data;
  if (article.text === undefined && article.html === undefined && article.url !== undefined) {
    return { kind: "url", source: article.url, url: article.url };
  }
  return { kind: "document", document: jsonArticleDocument(article) };
}

async function readMultipart(c: Context): Promise<IngestInput[]> {
  let form: Record<string, unknown>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch (error) {
    throw new HttpError(
      400,
      "invalid_request",
      `Unexpected multipart body (${error instanceof Error ? error.message : String(error)}), expected form fields`,
    );
  }
  const field = form.file;
  const files = (Array.isArray(field) ? field : [field]).filter((value): value is File => value instanceof File);
  if (files.length === 0) {
    throw new HttpError(
      400,
      "invalid_request",
      "Unexpected multipart body without a file field, expected field 'file'",
    );
  }
  if (files.length > MAX_ARTICLES_PER_REQUEST) {
    throw new HttpError(
      400,
      "invalid_request",
      `Unexpected ${files.length} files, expected at most ${MAX_ARTICLES_PER_REQUEST}`,
    );
  }
  return Promise.all(
    files.map(async (file): Promise<IngestInput> => {
      const source = `upload/${safeName(file.name)}`;
      const bytes = new Uint8Array(await file.arrayBuffer());
      return { kind: "document", document: { source, path: source, url: null, bytes, contentType: file.type || null } };
    }),
  );
}

/** Keeps only the base name's safe characters: `../../etc/passwd` becomes `passwd`, a label and never a path. */
export function safeName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? "";
  const cleaned = base
    .replace(/[^A-Za-z0-9._-]/g, "_")
    .replace(/^\.+/, "")
    .slice(0, 200);
  return cleaned === "" ? "file" : cleaned;
}
