import type { Kysely } from "kysely";
import pg from "pg";
import type PgBoss from "pg-boss";
import { safeFetch } from "../fetch/index.js";
import type { Article } from "../model/article.js";
import { enqueueAnalyze } from "../queue/enqueue.js";
import { parseIngestJob } from "../queue/job-payloads.js";
import { openQueue, type Queue } from "../queue/open-queue.js";
import { failPermanently } from "../queue/permanent-failure.js";
import { ANALYZE_QUEUE, INGEST_QUEUE } from "../queue/queue-names.js";
import type { QueueTuning } from "../queue/queue-tuning.js";
import type { Database } from "../store/database.js";
import { describeError } from "../store/describe-error.js";
import { openStore } from "../store/open-store.js";
import { PG_CONNECTION_TIMEOUT_MS } from "../store/postgres-store.js";
import type { Store } from "../store/store.js";
import { analyzeStoredCorpus, ensureAnalysisState } from "./analysis.js";
import { createBatchDb, storeArticleBatch } from "./article-batch.js";
import { backoffMs, DB_MAX_CONSECUTIVE_FAILURES, retryWithBackoff, sleep } from "./backoff.js";
import { type Fetcher, type ReadJobOutcome, readIngestJob, storeOneByOne } from "./ingest-job.js";
import { WorkGate } from "./work-gate.js";

/**
 * Ingest jobs one worker process runs at once by default. Ingest is synchronous CPU work, so extra slots in one
 * process only overlap its waits (fetches, round trips); more cores are used by running more processes.
 */
export const DEFAULT_CONCURRENCY = 4;

/**
 * Ingest jobs taken per fetch. Each job alone cost ~8 ms of which ~5 ms were round trips (fetch, a transaction of
 * three statements per article, the analysis request, complete); a batch pays them once: one fetch, one statement
 * storing every article, one analysis request, one completion. Small enough that one process does not hoard the
 * queue (4 slots × 20 = 80 jobs, a fraction of a second of CPU) and that a killed worker strands few jobs.
 */
export const DEFAULT_BATCH_SIZE = 20;

/** Article ids an analysis job carries: they only say what triggered it (logs now, incremental analysis later). */
const ANALYZE_TRIGGER_IDS = 100;

/** Wait after finding the ingest queue empty: new work starts within half a second without a busy loop. */
const IDLE_POLL_MS = 500;

/** Analysis jobs are few (debounced); looking once a second is plenty. */
const ANALYZE_POLL_MS = 1_000;

export interface RunWorkerOptions {
  /** postgres:// URL of the shared database (store and queue). */
  databaseUrl: string;
  /** Batches of ingest jobs in flight in this process (default DEFAULT_CONCURRENCY). */
  concurrency?: number;
  /** Ingest jobs taken per fetch (default DEFAULT_BATCH_SIZE); 1 takes them one by one. */
  batchSize?: number;
  /** Abort to stop: no new jobs are taken, jobs in flight finish, connections close. */
  signal?: AbortSignal;
  /** Schema of the store's tables (default: the server's current one). */
  storeSchema?: string;
  /** Schema of pg-boss's tables (default parallax_queue). */
  queueSchema?: string;
  tuning?: Partial<QueueTuning>;
  /** Let URL jobs reach loopback, private and link-local addresses (refused by default). */
  allowPrivate?: boolean;
  /**
   * Take ingest jobs only, never analysis jobs. Analysis blocks a process's event loop for seconds and holds its
   * ingest slots meanwhile; a fleet can keep its ingest workers free of it and run analysis in one or two processes.
   * Some worker must take analysis jobs, or the stories never change.
   */
  ingestOnly?: boolean;
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
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`runWorker: batchSize must be a positive integer, got ${batchSize}`);
  }
  const fetch: Fetcher =
    options.fetch ??
    ((url, policy) =>
      safeFetch(url, { allowPrivate: (options.allowPrivate ?? false) && !(policy?.publicOnly ?? false) }));
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
  // One statement per batch at a time per slot: as many connections as slots, no more.
  const batchDb = createBatchDb(options.databaseUrl, options.storeSchema, concurrency);
  try {
    store = await retryWithBackoff(
      "opening the store",
      () => openStore(options.databaseUrl, { schema: options.storeSchema }),
      log,
      signal,
    );
    await retryWithBackoff("preparing the analysis state", () => ensureAnalysisState(pool), log, signal);
    const loops = new WorkerLoops(queue, store, batchDb, pool, fetch, options, summary, log, signal);
    await loops.run(concurrency);
    return summary;
  } finally {
    await store?.close();
    await batchDb.destroy().catch(() => {});
    await pool.end().catch(() => {});
    await queue.close().catch(() => {});
  }
}

/** What reading one job of a batch gave: its articles, a refusal, or a fault worth a retry. */
type BatchEntry = ReadJobOutcome | { status: "transient"; error: unknown };

interface StoredOutcome {
  articleIds: string[];
  inserted: number;
  unchanged: number;
  rejected: string[];
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
    readonly batchDb: Kysely<Database>,
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
    const loops = this.options.ingestOnly ? [] : [this.#analyzeLoop()];
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
    const batchSize = this.options.batchSize ?? DEFAULT_BATCH_SIZE;
    while (!stop.aborted) {
      const leave = await this.#gate.enterShared();
      let jobs: Array<PgBoss.JobWithMetadata<unknown>>;
      try {
        jobs = (await this.boss.fetch<unknown>(INGEST_QUEUE, { batchSize, includeMetadata: true })) ?? [];
        this.#failures = 0;
      } catch (error) {
        leave();
        await sleep(this.#databaseFault("fetching ingest jobs", error), stop);
        continue;
      }
      if (jobs.length === 0) {
        leave();
        if (this.#idleLongEnough()) this.#stop.abort();
        await sleep(IDLE_POLL_MS, stop);
        continue;
      }
      this.#inFlight += jobs.length;
      try {
        await this.#ingestBatch(jobs);
      } finally {
        this.#inFlight -= jobs.length;
        this.#lastBusy = Date.now();
        leave();
      }
    }
  }

  /**
   * One fetched batch: every job is read and ingested (URL jobs fetched concurrently), the articles of all of them
   * stored in one statement, one analysis asked for, and the jobs completed in one call. Each job still ends on its
   * own terms: a refused one is dead-lettered, one whose fetch failed transiently is retried, the rest complete.
   */
  async #ingestBatch(jobs: ReadonlyArray<PgBoss.JobWithMetadata<unknown>>): Promise<void> {
    const read = await Promise.all(
      jobs.map(async (job): Promise<{ job: PgBoss.JobWithMetadata<unknown> } & BatchEntry> => {
        if (job.retryCount > 0) this.summary.retriedJobs++;
        const parsed = parseIngestJob(job.data);
        if (!parsed.ok) return { job, status: "refused", reason: parsed.reason };
        try {
          return { job, ...(await readIngestJob(parsed.job, this.fetch)) };
        } catch (error) {
          return { job, status: "transient", error };
        }
      }),
    );
    const readable: Array<{ job: PgBoss.JobWithMetadata<unknown>; articles: Article[]; rejected: string[] }> = [];
    for (const entry of read) {
      if (entry.status === "refused") await this.#refuse(entry.job, entry.reason);
      else if (entry.status === "transient") await this.#failForRetry(entry.job, entry.error);
      else readable.push({ job: entry.job, articles: entry.articles, rejected: entry.rejected });
    }
    if (readable.length === 0) return;

    const done = await this.#storeBatch(readable);
    if (done.length === 0) return;
    try {
      if (this.options.holdJobMs !== undefined) await sleep(this.options.holdJobMs);
      // A retry asks even when nothing was new: its first run may have stored the articles and died before asking.
      // The analysis skips itself when the corpus did not change.
      const asking = done.filter(
        ({ job, outcome }) => outcome.inserted > 0 || (job.retryCount > 0 && outcome.articleIds.length > 0),
      );
      if (asking.length > 0) {
        await enqueueAnalyze(
          this.boss,
          { articleIds: asking.flatMap(({ outcome }) => outcome.articleIds).slice(0, ANALYZE_TRIGGER_IDS) },
          this.queue.tuning.analyzeDebounceSeconds,
        );
      }
      // Jobs with something to report (entries of a feed that could not be read) keep their own output; the rest
      // complete together in one statement.
      const plain = done.filter(({ outcome }) => outcome.rejected.length === 0).map(({ job }) => job.id);
      if (plain.length > 0) await this.boss.complete(INGEST_QUEUE, plain);
      for (const { job, outcome } of done) {
        if (outcome.rejected.length === 0) continue;
        await this.boss.complete(INGEST_QUEUE, job.id, {
          inserted: outcome.inserted,
          unchanged: outcome.unchanged,
          rejected: outcome.rejected,
        });
      }
    } catch (error) {
      // Stored but neither analysed nor completed: every job is retried, finds its articles stored and asks again.
      for (const { job } of done) await this.#failForRetry(job, error);
      return;
    }
    for (const { outcome } of done) {
      this.summary.ingestJobs++;
      this.summary.inserted += outcome.inserted;
      this.summary.unchanged += outcome.unchanged;
    }
    this.#failures = 0;
  }

  /**
   * Stores the articles of the readable jobs in one statement and says, per job, how many were new (an article in
   * two jobs of the batch counts as new for the first only). If the statement fails (a deadlock, an article the
   * database refuses, the database gone), each job is stored on its own through the store, so one bad article
   * fails its own job and not its neighbours'. Jobs that cannot be stored at all are failed for a retry.
   */
  async #storeBatch(
    readable: ReadonlyArray<{ job: PgBoss.JobWithMetadata<unknown>; articles: Article[]; rejected: string[] }>,
  ): Promise<Array<{ job: PgBoss.JobWithMetadata<unknown>; outcome: StoredOutcome }>> {
    try {
      const inserted = await storeArticleBatch(
        this.batchDb,
        readable.flatMap(({ articles }) => articles),
      );
      return readable.map(({ job, articles, rejected }) => {
        let insertedHere = 0;
        for (const article of articles) if (inserted.delete(article.id)) insertedHere++;
        return {
          job,
          outcome: {
            articleIds: articles.map((article) => article.id),
            inserted: insertedHere,
            unchanged: articles.length - insertedHere,
            rejected,
          },
        };
      });
    } catch (error) {
      this.log(
        `worker: storing a batch of ${readable.length} jobs at once did not work (${describeError(error)}); storing job by job`,
      );
    }
    const done: Array<{ job: PgBoss.JobWithMetadata<unknown>; outcome: StoredOutcome }> = [];
    for (const { job, articles, rejected } of readable) {
      try {
        const outcome = await storeOneByOne(articles, rejected, this.store);
        if (outcome.status === "done") done.push({ job, outcome });
      } catch (error) {
        await this.#failForRetry(job, error);
      }
    }
    return done;
  }

  async #refuse(job: PgBoss.JobWithMetadata<unknown>, reason: string): Promise<void> {
    this.summary.refusedJobs++;
    this.log(`worker: ingest job ${job.id} refused: ${reason}`);
    try {
      await failPermanently(this.boss, this.queue.schema, INGEST_QUEUE, job.id, reason);
    } catch (error) {
      // Cannot record it: the job stays active, expires and comes back, to be refused again.
      void this.#databaseFault("recording a refused job", error);
    }
  }

  /** A transient fault (database, network): pg-boss retries the job with backoff, then dead-letters it. */
  async #failForRetry(job: PgBoss.JobWithMetadata<unknown>, error: unknown): Promise<void> {
    this.log(`worker: ingest job ${job.id} failed, will be retried: ${describeError(error)}`);
    await this.boss.fail(INGEST_QUEUE, job.id, { message: describeError(error) }).catch((failError: unknown) => {
      // Cannot even record the failure: the job stays active and expires, then pg-boss retries it.
      void this.#databaseFault("recording a job failure", failError);
    });
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
          `worker: ${outcome.articles} articles in ${outcome.stories} stories (${outcome.analysedStories} analysed, ` +
            `${outcome.stories - outcome.analysedStories} unchanged) in ${Math.round(outcome.ms)} ms`,
        );
      }
      await this.boss.complete(ANALYZE_QUEUE, job.id, outcome);
    } catch (error) {
      this.log(`worker: analysis job ${job.id} failed, will be retried: ${describeError(error)}`);
      await this.boss.fail(ANALYZE_QUEUE, job.id, { message: describeError(error) }).catch(() => {});
    }
  }
}
