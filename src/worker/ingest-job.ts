import { FetchError } from "../fetch/index.js";
import { describeRejected, ingestDocumentDetailed } from "../ingest/index.js";
import type { Article } from "../model/article.js";
import type { RawDocument } from "../model/raw-document.js";
import type { ParsedIngestJob } from "../queue/job-payloads.js";
import { jsonArticleDocument } from "../server/ingest-service.js";
import type { Store } from "../store/store.js";

/**
 * Fetches a URL job's page. `publicOnly` (jobs queued by the API for a client) must reach public addresses only,
 * whatever the worker's own --allow-private.
 */
export type Fetcher = (url: string, options?: { publicOnly?: boolean }) => Promise<RawDocument>;

export type IngestJobOutcome =
  | { status: "done"; articleIds: string[]; inserted: number; unchanged: number; rejected: string[] }
  /** Retrying cannot help: the job is failed at once with this reason. */
  | { status: "refused"; reason: string };

/** A job read and ingested (pure CPU, plus at most one fetch), not stored yet. */
export type ReadJobOutcome =
  | { status: "read"; articles: Article[]; rejected: string[] }
  | { status: "refused"; reason: string };

/**
 * Fetch failures worth retrying: the server or the network may recover (time-outs, resets, 5xx, 429, 408). The
 * others (malformed URL, refused address, 404, oversized body) give the same answer every time.
 */
const TRANSIENT_FETCH = /time-out|network error|end of response|HTTP status (5\d\d|429|408)\b/;

/**
 * Reads one job's document and ingests it into articles. Throws only for faults worth a retry (a fetch time-out);
 * content problems are `refused`.
 */
export async function readIngestJob(job: ParsedIngestJob, fetch: Fetcher): Promise<ReadJobOutcome> {
  const document = await toDocument(job, fetch);
  if ("reason" in document) return { status: "refused", reason: document.reason };
  const ingested = ingestDocumentDetailed(document);
  if (ingested.status === "failed") return { status: "refused", reason: `${ingested.source}: ${ingested.reason}` };
  return {
    status: "read",
    articles: ingested.value.articles,
    rejected: ingested.value.rejected.map(describeRejected),
  };
}

/**
 * One ingest job on its own: read it, then store each article in its own transaction. Storing is insert-or-nothing
 * by article id, so a job retried after its worker died, or run by two workers, stores each article once. The
 * worker's batched path (run-worker.ts) falls back to this when a batch cannot be stored in one statement.
 */
export async function runIngestJob(job: ParsedIngestJob, store: Store, fetch: Fetcher): Promise<IngestJobOutcome> {
  const read = await readIngestJob(job, fetch);
  if (read.status === "refused") return read;
  return storeOneByOne(read.articles, read.rejected, store);
}

/** Stores `articles` article by article through the store (one transaction each). */
export async function storeOneByOne(
  articles: readonly Article[],
  rejected: string[],
  store: Store,
): Promise<IngestJobOutcome> {
  let inserted = 0;
  let unchanged = 0;
  for (const article of articles) {
    if ((await store.putArticle(article)) === "inserted") inserted++;
    else unchanged++;
  }
  return { status: "done", articleIds: articles.map((article) => article.id), inserted, unchanged, rejected };
}

async function toDocument(job: ParsedIngestJob, fetch: Fetcher): Promise<RawDocument | { reason: string }> {
  switch (job.kind) {
    case "record":
      return jsonArticleDocument(job.record);
    case "document":
      return {
        source: job.source,
        path: job.path,
        url: job.url,
        bytes: Buffer.from(job.bytesBase64, "base64"),
        contentType: job.contentType,
      };
    case "url":
      try {
        return await fetch(job.url, { publicOnly: job.publicOnly });
      } catch (error) {
        if (error instanceof FetchError && !TRANSIENT_FETCH.test(error.message)) {
          return { reason: `${job.url}: ${error.message}` };
        }
        throw error;
      }
  }
}
