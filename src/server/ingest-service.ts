import { createHash } from "node:crypto";
import { ingestDocumentDetailed } from "../ingest/index.js";
import type { RawDocument } from "../model/raw-document.js";
import { describeIssues, type IngestJob, ingestJobSchema } from "../queue/job-payloads.js";
import { MAX_JOB_DOCUMENT_BYTES } from "../queue/queue-tuning.js";
import type { Store } from "../store/store.js";
import { updateStoredAnalysis } from "../store/update-stored-analysis.js";

/** One input of a POST: a document ready to ingest, a URL to fetch first, or an input refused before reading. */
export type IngestInput =
  | { kind: "document"; document: RawDocument }
  | { kind: "url"; source: string; url: string }
  | { kind: "invalid"; source: string; reason: string };

export type IngestItemResult =
  | { status: "ok"; source: string; articleIds: string[]; inserted: number }
  | { status: "failed"; source: string; reason: string };

export interface IngestSummary {
  results: IngestItemResult[];
  inserted: number;
  unchanged: number;
  /** Whether the corpus was re-analysed (only when something new was stored). */
  analysed: boolean;
}

/** The safe fetcher of src/fetch in production; a fake in tests. */
export type Fetcher = (url: string) => Promise<RawDocument>;

/**
 * Ingests inputs one by one (each article in its own store transaction, as in the CLI), then brings the stored
 * analysis up to date once if anything new arrived (pipeline/update-corpus.ts). Calls are serialised: two concurrent POSTs must not interleave their
 * analyses and leave the older story set stored last.
 */
export class IngestService {
  readonly #store: Store;
  readonly #fetch: Fetcher;
  readonly #onStoriesReplaced: () => void;
  readonly #analyzerVersion: string;
  #queue: Promise<unknown> = Promise.resolve();

  /** `analyzerVersion`: the package version, so that stories analysed by another version are analysed again. */
  constructor(store: Store, fetch: Fetcher, onStoriesReplaced: () => void, analyzerVersion = "") {
    this.#store = store;
    this.#fetch = fetch;
    this.#onStoriesReplaced = onStoriesReplaced;
    this.#analyzerVersion = analyzerVersion;
  }

  ingest(inputs: readonly IngestInput[]): Promise<IngestSummary> {
    const run = this.#queue.then(() => this.#ingestNow(inputs));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #ingestNow(inputs: readonly IngestInput[]): Promise<IngestSummary> {
    const results: IngestItemResult[] = [];
    let inserted = 0;
    let unchanged = 0;
    let updated = 0;
    for (const input of inputs) {
      const document = await this.#toDocument(input);
      if ("reason" in document) {
        results.push({ status: "failed", source: document.source, reason: document.reason });
        continue;
      }
      const result = ingestDocumentDetailed(document);
      if (result.status === "failed") {
        results.push({ status: "failed", source: result.source, reason: result.reason });
        continue;
      }
      // An entry of a feed or JSON Lines file that could not be read is a failed input of its own.
      for (const rejected of result.value.rejected) {
        results.push({ status: "failed", source: rejected.source, reason: rejected.reason });
      }
      let insertedHere = 0;
      for (const article of result.value.articles) {
        const outcome = await this.#store.putArticle(article);
        if (outcome === "inserted") insertedHere++;
        else unchanged++;
        // An article read anew with other metadata changes the analysis as much as a new one.
        if (outcome === "updated") updated++;
      }
      inserted += insertedHere;
      results.push({
        status: "ok",
        source: document.source,
        articleIds: result.value.articles.map((article) => article.id),
        inserted: insertedHere,
      });
    }
    if (inserted + updated > 0) {
      // Continues the stored analysis: the new articles join stories, and only the stories they touched are analysed.
      await updateStoredAnalysis(this.#store, { analyzerVersion: this.#analyzerVersion });
      this.#onStoriesReplaced();
    }
    return { results, inserted, unchanged, analysed: inserted + updated > 0 };
  }

  async #toDocument(input: IngestInput): Promise<RawDocument | { source: string; reason: string }> {
    if (input.kind === "invalid") return { source: input.source, reason: input.reason };
    if (input.kind === "document") return input.document;
    try {
      return { ...(await this.#fetch(input.url)), source: input.source };
    } catch (error) {
      return { source: input.source, reason: error instanceof Error ? error.message : String(error) };
    }
  }
}

/**
 * Queues ingest jobs for the workers and returns their ids, in order. In production `enqueueIngest` over the
 * server's pg-boss queue; a fake in tests.
 */
export type IngestEnqueuer = (jobs: readonly IngestJob[]) => Promise<string[]>;

export type QueuedItemResult =
  | { status: "queued"; source: string; jobId: string }
  | { status: "failed"; source: string; reason: string };

export interface QueuedSummary {
  results: QueuedItemResult[];
  /** Inputs queued; the workers ingest them, store their articles and re-analyse (debounced). */
  queued: number;
}

/**
 * The ingest path of a server backed by workers: each input is checked and turned into an ingest job here (so a
 * bad one is answered now, per input), and every good one is queued in one insert. Nothing is fetched, ingested or
 * stored in the request. URLs are queued as public-only: the worker refuses private addresses for them whatever its
 * own `--allow-private`, so the API never reaches the workers' network on a client's behalf.
 */
export async function enqueueIngestInputs(
  inputs: readonly IngestInput[],
  enqueue: IngestEnqueuer,
): Promise<QueuedSummary> {
  const results: Array<QueuedItemResult | { status: "pending"; source: string }> = [];
  const jobs: IngestJob[] = [];
  for (const input of inputs) {
    const job = toIngestJob(input);
    if ("reason" in job) {
      results.push({ status: "failed", source: job.source, reason: job.reason });
      continue;
    }
    jobs.push(job.job);
    results.push({ status: "pending", source: job.source });
  }
  const ids = jobs.length === 0 ? [] : await enqueue(jobs);
  let next = 0;
  return {
    results: results.map((result) => {
      if (result.status !== "pending") return result;
      const jobId = ids[next++];
      if (jobId === undefined) throw new Error(`enqueue returned ${ids.length} job ids for ${jobs.length} jobs`);
      return { status: "queued", source: result.source, jobId };
    }),
    queued: jobs.length,
  };
}

function toIngestJob(input: IngestInput): { source: string; job: IngestJob } | { source: string; reason: string } {
  if (input.kind === "invalid") return { source: input.source, reason: input.reason };
  const source = input.kind === "url" ? input.source : input.document.source;
  if (input.kind === "document" && input.document.bytes.byteLength > MAX_JOB_DOCUMENT_BYTES) {
    return {
      source,
      reason:
        `Unexpected document of ${input.document.bytes.byteLength} bytes for a queued job, expected at most ` +
        `${MAX_JOB_DOCUMENT_BYTES} (split it, or enqueue it by URL)`,
    };
  }
  const job: IngestJob =
    input.kind === "url"
      ? { kind: "url", url: input.url, publicOnly: true }
      : {
          kind: "document",
          source,
          path: input.document.path,
          url: input.document.url,
          contentType: input.document.contentType ?? null,
          bytesBase64: Buffer.from(input.document.bytes).toString("base64"),
        };
  const parsed = ingestJobSchema.safeParse(job);
  if (!parsed.success) return { source, reason: `Unexpected input for a queued job (${describeIssues(parsed.error)})` };
  return { source, job };
}

/**
 * A JSON article becomes a one-record JSON document named after its content hash: the id then depends only on
 * what was posted (or on its url), so posting the same article twice stores it once.
 */
export function jsonArticleDocument(record: Record<string, unknown>): RawDocument {
  const body = JSON.stringify(record);
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
  const source = `post-${hash}.json`;
  return { source, path: null, url: null, bytes: new TextEncoder().encode(body), contentType: "application/json" };
}
