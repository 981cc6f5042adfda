import { z } from "zod";
import { MAX_JOB_DOCUMENT_BYTES, MAX_JOB_TEXT_CHARS } from "./queue-tuning.js";

/** Base64 of MAX_JOB_DOCUMENT_BYTES: 4 characters per 3 bytes, rounded up to whole groups. */
const MAX_BASE64_CHARS = Math.ceil(MAX_JOB_DOCUMENT_BYTES / 3) * 4;

const httpUrl = z
  .string()
  .max(MAX_JOB_TEXT_CHARS)
  .regex(/^https?:\/\//i, "expected an http(s) URL");

/**
 * A page or feed to fetch, then ingest. The worker's own --allow-private decides which addresses it may reach,
 * except for a `publicOnly` job (one queued by the API for a client): that one only ever reaches public addresses.
 */
export const urlJobSchema = z
  .object({ kind: z.literal("url"), url: httpUrl, publicOnly: z.boolean().default(false) })
  .strict();

/** Bytes read by the enqueuer (a file, an uploaded body), carried in the job. */
export const documentJobSchema = z
  .object({
    kind: z.literal("document"),
    source: z.string().min(1).max(MAX_JOB_TEXT_CHARS),
    path: z.string().max(MAX_JOB_TEXT_CHARS).nullable().default(null),
    url: httpUrl.nullable().default(null),
    contentType: z.string().max(256).nullable().default(null),
    bytesBase64: z
      .string()
      .max(MAX_BASE64_CHARS, `expected at most ${MAX_JOB_DOCUMENT_BYTES} bytes of document`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, "expected base64"),
  })
  .strict();

/** One article as a JSON record (the API's JSON body, a generated record): ingested as a one-record JSON file. */
export const recordJobSchema = z
  .object({
    kind: z.literal("record"),
    record: z.record(z.string(), z.unknown()).refine((record) => JSON.stringify(record).length <= MAX_BASE64_CHARS, {
      message: `expected a record of at most ${MAX_JOB_DOCUMENT_BYTES} bytes`,
    }),
  })
  .strict();

export const ingestJobSchema = z.discriminatedUnion("kind", [urlJobSchema, documentJobSchema, recordJobSchema]);

/** Analysis re-reads the corpus; the ids only say what triggered it (logs now, incremental analysis later). */
export const analyzeJobSchema = z.object({ articleIds: z.array(z.string().max(256)).max(1_000).default([]) }).strict();

export type IngestJob = z.input<typeof ingestJobSchema>;
export type ParsedIngestJob = z.output<typeof ingestJobSchema>;
export type AnalyzeJob = z.input<typeof analyzeJobSchema>;

/** "kind: expected …; bytesBase64: …": one line naming each bad field, for the job's failure output and logs. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "payload"}: ${issue.message}`)
    .join("; ");
}

export function parseIngestJob(data: unknown): { ok: true; job: ParsedIngestJob } | { ok: false; reason: string } {
  const parsed = ingestJobSchema.safeParse(data);
  if (parsed.success) return { ok: true, job: parsed.data };
  return { ok: false, reason: `Unexpected ingest job payload (${describeIssues(parsed.error)})` };
}
