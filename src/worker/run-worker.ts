import pg from "pg";
import type PgBoss from "pg-boss";
import { safeFetch } from "../fetch/index.js";
import { enqueueAnalyze } from "../queue/enqueue.js";
import { parseIngestJob } from "../queue/job-payloads.js";
import { openQueue, type Queue } from "../queue/open-queue.js";
import { failPermanently } from "../queue/permanent-failure.js";
import { ANALYZE_QUEUE, INGEST_QUEUE } from "../queue/queue-names.js";
import type { QueueTuning } from "../queue/queue-tuning.js";
import { describeError } from "../store/describe-error.js";
import { openStore } from "../store/open-store.js";
import { PG_CONNECTION_TIMEOUT_MS } from "../store/postgres-store.js";
import type { Store } from "../store/store.js";
import { analyzeStoredCorpus, ensureAnalysisState } from "./analysis.js";
import { backoffMs, DB_MAX_CONSECUTIVE_FAILURES, retryWithBackoff, sleep } from "./backoff.js";
import { type Fetcher, runIngestJob } from "./ingest-job.js";
import { WorkGate } from "./work-gate.js";

/**
 * Ingest jobs one worker process runs at once by default. Ingest is synchronous CPU work, so extra slots in one
 * process only overlap its waits (fetches, round trips); more cores are used by running more processes.
 */
export const DEFAULT_CONCURRENCY = 4;

/** Wait after finding the ingest queue empty: new work starts within half a second without a busy loop. */
const IDLE_POLL_MS = 500;

/** Analysis jobs are few (debounced); looking once a second is plenty. */
const ANALYZE_POLL_MS = 1_000;

export interface RunWorkerOptions {
  /** postgres:// URL of the shared database (store and queue). */
  databaseUrl: string;
  /** Ingest jobs in flight in this process (default DEFAULT_CONCURRENCY). */
  concurrency?: number;
  /** Abort to stop: no new jobs are taken, jobs in flight finish, connections close. */
  signal?: AbortSignal;
  /** Schema of the store's tables (default: the server's current one). */
  storeSchema?: string;
  /** Schema of pg-boss's tables (default parallax_queue). */
  queueSchema?: string;
  tuning?: Partial<QueueTuning>;
  /** Let URL jobs reach loopback, private and link-local addresses (refused by default). */
  allowPrivate?: boolean;
  /** Stop by itself once both queues stayed empty this long (batch runs, the benchmark). */
  exitWhenIdleMs?: number;
  /** Failure-injection tests only: hold each ingest job this long after storing, before completing it. */
  holdJobMs?: number;
  fetch?: Fetcher;
  log?: (line: string) => void;
}

export interface WorkerSummary {
  ingestJobs: number;
  inserted: number;
  unchanged: number;
  refusedJobs: number;
  retriedJobs: number;
  analyses: number;
}

/**
 * A worker: takes ingest jobs (`concurrency` at a time) and analysis jobs from the shared queue until `signal`
 * aborts. Resolves with what it did; rejects only when the database stayed unreachable past the bounded retries.
 */
export async function runWorker(options: RunWorkerOptions): Promise<WorkerSummary> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const signal = options.signal ?? new AbortController().signal;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`runWorker: concurrency must be a positive integer, got ${concurrency}`);
  }
  const fetch: Fetcher = options.fetch ?? ((url) => safeFetch(url, { allowPrivate: options.allowPrivate ?? false }));
  const summary: WorkerSummary = {
    ingestJobs: 0,
    inserted: 0,
    unchanged: 0,
    refusedJobs: 0,
    retriedJobs: 0,
    analyses: 0,
  };

  const queue = await retryWithBackoff(
    "connecting the queue",
    () =>
      openQueue({
        databaseUrl: options.databaseUrl,
        schema: options.queueSchema,
        tuning: options.tuning,
        onError: log,
      }),
    log,
    signal,
  );
  let store: Store | undefined;
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    connectionTimeoutMillis: PG_CONNECTION_TIMEOUT_MS,
    // Only the analysis lock and its bookkeeping use this pool: one session at a time.
    max: 2,
    ...(options.storeSchema === undefined ? {} : { options: `-c search_path=${options.storeSchema}` }),
  });
  pool.on("error", () => {});
  try {
    store = await retryWithBackoff(
      "opening the store",
      () => openStore(options.databaseUrl, { schema: options.storeSchema }),
      log,
      signal,
    );
    await retryWithBackoff("preparing the analysis state", () => ensureAnalysisState(pool), log, signal);
    const loops = new WorkerLoops(queue, store, pool, fetch, options, summary, log, signal);
    await loops.run(concurrency);
    return summary;
  } finally {
    await store?.close();
    await pool.end().catch(() => {});
    await queue.close().catch(() => {});
  }
}

class WorkerLoops {
  readonly #gate = new WorkGate();
  readonly #stop = new AbortController();
  #failures = 0;
  #fatal: Error | undefined;
  #lastBusy = Date.now();
  #inFlight = 0;

  constructor(
    readonly queue: Queue,
    readonly store: Store,
    readonly pool: pg.Pool,
    readonly fetch: Fetcher,
    readonly options: RunWorkerOptions,
    readonly summary: WorkerSummary,
    readonly log: (line: string) => void,
    signal: AbortSignal,
  ) {
    if (signal.aborted) this.#stop.abort();
    signal.addEventListener("abort", () => this.#stop.abort(), { once: true });
  }

  get boss(): PgBoss {
    return this.queue.boss;
  }

  async run(concurrency: number): Promise<void> {
    const loops = [this.#analyzeLoop()];
    for (let slot = 0; slot < concurrency; slot++) loops.push(this.#ingestLoop());
    await Promise.all(loops);
    if (this.#fatal !== undefined) throw this.#fatal;
  }

  /** Counts a database fault; past the bound the whole worker stops with the reason. Returns the wait before retrying. */
  #databaseFault(what: string, error: unknown): number {
    this.#failures++;
    const reason = describeError(error);
    if (this.#failures >= DB_MAX_CONSECUTIVE_FAILURES) {
      this.#fatal ??= new Error(`worker: giving up after ${this.#failures} failed attempts at ${what}: ${reason}`);
      this.#stop.abort();
      return 0;
    }
    const wait = backoffMs(this.#failures);
    this.log(`worker: ${what} failed (${reason}); retrying in ${(wait / 1000).toFixed(1)} s`);
    return wait;
  }

  #idleLongEnough(): boolean {
    const idleMs = this.options.exitWhenIdleMs;
    return idleMs !== undefined && this.#inFlight === 0 && Date.now() - this.#lastBusy >= idleMs;
  }

  async #ingestLoop(): Promise<void> {
    const stop = this.#stop.signal;
    while (!stop.aborted) {
      const leave = await this.#gate.enterShared();
      let job: PgBoss.JobWithMetadata<unknown> | undefined;
      try {
        job = (await this.boss.fetch<unknown>(INGEST_QUEUE, { batchSize: 1, includeMetadata: true }))?.[0];
        this.#failures = 0;
      } catch (error) {
        leave();
        await sleep(this.#databaseFault("fetching an ingest job", error), stop);
        continue;
      }
      if (job === undefined) {
        leave();
        if (this.#idleLongEnough()) this.#stop.abort();
        await sleep(IDLE_POLL_MS, stop);
        continue;
      }
      this.#inFlight++;
      try {
        await this.#ingest(job);
      } finally {
        this.#inFlight--;
        this.#lastBusy = Date.now();
        leave();
      }
    }
  }

  async #ingest(job: PgBoss.JobWithMetadata<unknown>): Promise<void> {
    if (job.retryCount > 0) this.summary.retriedJobs++;
    const parsed = parseIngestJob(job.data);
    try {
      const outcome = parsed.ok
        ? await runIngestJob(parsed.job, this.store, this.fetch)
        : { status: "refused" as const, reason: parsed.reason };
      if (outcome.status === "refused") {
        this.summary.refusedJobs++;
        this.log(`worker: ingest job ${job.id} refused: ${outcome.reason}`);
        await failPermanently(this.boss, this.queue.schema, INGEST_QUEUE, job.id, outcome.reason);
        return;
      }
      if (this.options.holdJobMs !== undefined) await sleep(this.options.holdJobMs);
      // A retry asks even when nothing was new: its first run may have stored the articles and died before asking.
      // The analysis skips itself when the corpus did not change.
      if (outcome.inserted > 0 || (job.retryCount > 0 && outcome.articleIds.length > 0)) {
        await enqueueAnalyze(
          this.boss,
          { articleIds: outcome.articleIds.slice(0, 100) },
          this.queue.tuning.analyzeDebounceSeconds,
        );
      }
      await this.boss.complete(INGEST_QUEUE, job.id, {
        inserted: outcome.inserted,
        unchanged: outcome.unchanged,
        rejected: outcome.rejected,
      });
      this.summary.ingestJobs++;
      this.summary.inserted += outcome.inserted;
      this.summary.unchanged += outcome.unchanged;
      this.#failures = 0;
    } catch (error) {
      // A transient fault (database, network): pg-boss retries the job with backoff, then dead-letters it.
      this.log(`worker: ingest job ${job.id} failed, will be retried: ${describeError(error)}`);
      await this.boss.fail(INGEST_QUEUE, job.id, { message: describeError(error) }).catch((failError: unknown) => {
        // Cannot even record the failure: the job stays active and expires, then pg-boss retries it.
        void this.#databaseFault("recording a job failure", failError);
      });
    }
  }

  async #analyzeLoop(): Promise<void> {
    const stop = this.#stop.signal;
    while (!stop.aborted) {
      let job: PgBoss.Job<unknown> | undefined;
      try {
        job = (await this.boss.fetch<unknown>(ANALYZE_QUEUE, { batchSize: 1 }))?.[0];
        this.#failures = 0;
      } catch (error) {
        await sleep(this.#databaseFault("fetching an analysis job", error), stop);
        continue;
      }
      if (job === undefined) {
        await sleep(ANALYZE_POLL_MS, stop);
        continue;
      }
      this.#inFlight++;
      try {
        await this.#analyze(job);
      } finally {
        this.#inFlight--;
        this.#lastBusy = Date.now();
      }
    }
  }

  async #analyze(job: PgBoss.Job<unknown>): Promise<void> {
    try {
      const outcome = await this.#gate.runExclusive(() =>
        analyzeStoredCorpus(this.pool, this.store, this.#stop.signal),
      );
      if (outcome.status === "stopped") {
        await this.boss.fail(ANALYZE_QUEUE, job.id, { message: "worker stopped while waiting for the analysis lock" });
        return;
      }
      if (outcome.status === "analysed") {
        this.summary.analyses++;
        this.log(
          `worker: analysed ${outcome.articles} articles into ${outcome.stories} stories in ${Math.round(outcome.ms)} ms`,
        );
      }
      await this.boss.complete(ANALYZE_QUEUE, job.id, outcome);
    } catch (error) {
      this.log(`worker: analysis job ${job.id} failed, will be retried: ${describeError(error)}`);
      await this.boss.fail(ANALYZE_QUEUE, job.id, { message: describeError(error) }).catch(() => {});
    }
  }
}
