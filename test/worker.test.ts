/**
 * Workers against a real PostgreSQL (PARALLAX_TEST_PG, default the local test server), each case in fresh schemas
 * (store and queue) dropped at the end. Skipped with one line when no server answers.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../src/generate/index.js";
import {
  ANALYZE_QUEUE,
  countJobs,
  DEAD_LETTER_QUEUE,
  enqueueIngest,
  INGEST_QUEUE,
  type IngestJob,
  openQueue,
  type QueueTuning,
} from "../src/queue/index.js";
import { redactLocation } from "../src/store/describe-error.js";
import { probePostgres } from "../src/store/index.js";
import { openStore } from "../src/store/open-store.js";
import { createBatchDb } from "../src/worker/article-batch.js";
import {
  ensureAnalysisState,
  readIngestJob,
  runIngestJob,
  runWorker,
  storeArticleBatch,
  type WorkerSummary,
} from "../src/worker/index.js";
import { makeArticle } from "./helpers/make-article.js";
import { dropTestSchemas, TEST_PG_URL } from "./helpers/test-postgres.js";
import { WORKER_WAIT_MS, waitFor } from "./helpers/wait-for.js";

const PG_URL = TEST_PG_URL;
const pgProblem = await probePostgres(PG_URL);
if (pgProblem !== null) {
  console.log(`PostgreSQL not reachable at ${redactLocation(PG_URL)}: skipping worker tests (${pgProblem})`);
}

/** Seconds where production waits minutes, so retries and debounced analyses happen within a test. */
const FAST: Partial<QueueTuning> = {
  retryDelaySeconds: 1,
  analyzeDebounceSeconds: 1,
  maintenanceIntervalSeconds: 1,
  ingestExpireSeconds: 5,
};
const RUN_ID = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const schemas: string[] = [];
let caseNumber = 0;

function freshSchemas(): { store: string; queue: string } {
  const base = `pxw_${RUN_ID}_${caseNumber++}`;
  schemas.push(base, `${base}_q`);
  return { store: base, queue: `${base}_q` };
}

afterAll(async () => {
  if (pgProblem !== null) return;
  await dropTestSchemas(schemas, PG_URL);
});

function recordJobs(count: number, seed: number): IngestJob[] {
  return [...generateCorpus({ articles: count, seed })].map(({ record }) => ({
    kind: "record",
    record: { ...record },
  }));
}

describe.skipIf(pgProblem !== null)("workers on PostgreSQL", { timeout: WORKER_WAIT_MS + 30_000 }, () => {
  it("stores every enqueued article exactly once with two workers, and analyses the corpus", async () => {
    const schema = freshSchemas();
    const queue = await openQueue({ databaseUrl: PG_URL, schema: schema.queue, tuning: FAST });
    const jobs = recordJobs(80, 5);
    // Each article twice: the copies race between the workers and must still be stored once.
    await enqueueIngest(queue.boss, [...jobs, ...jobs]);
    const store = await openStore(PG_URL, { schema: schema.store });
    const stop = new AbortController();
    const lines: string[] = [];
    const options = {
      databaseUrl: PG_URL,
      concurrency: 3,
      storeSchema: schema.store,
      queueSchema: schema.queue,
      tuning: FAST,
      signal: stop.signal,
      log: (line: string) => lines.push(line),
    };
    const workers = [runWorker(options), runWorker(options)];
    try {
      await waitFor(async () => {
        const counts = await countJobs(queue.boss, schema.queue);
        const ingest = counts.get(INGEST_QUEUE) ?? {};
        const analyze = counts.get(ANALYZE_QUEUE) ?? {};
        const stories = await store.listStories();
        return (
          ingest.completed === 160 &&
          (analyze.created ?? 0) + (analyze.active ?? 0) + (analyze.retry ?? 0) === 0 &&
          stories.reduce((sum, story) => sum + story.articleIds.length, 0) === 80
        );
      });
    } finally {
      stop.abort();
    }
    const summaries: WorkerSummary[] = await Promise.all(workers);
    expect(await store.countArticles()).toBe(80);
    const ids = (await store.listArticles()).map((article) => article.id);
    expect(new Set(ids).size).toBe(80);
    expect(summaries.reduce((sum, s) => sum + s.inserted, 0)).toBe(80);
    // Delivery is at least once: on a loaded machine a slow job can expire and run again, finding its articles
    // stored. What must hold is that each of the 160 deliveries was counted and nothing was stored twice.
    expect(summaries.reduce((sum, s) => sum + s.unchanged, 0)).toBeGreaterThanOrEqual(80);
    expect(summaries.every((s) => s.ingestJobs > 0)).toBe(true);
    // Debounced: far fewer analyses than the 160 ingests that asked for one.
    expect(summaries.reduce((sum, s) => sum + s.analyses, 0)).toBeLessThan(20);
    expect(lines.filter((line) => line.includes("failed"))).toEqual([]);
    await store.close();
    await queue.close();
  });

  it("fails a malformed job at once with the reason, without retrying it", async () => {
    const schema = freshSchemas();
    const queue = await openQueue({ databaseUrl: PG_URL, schema: schema.queue, tuning: FAST });
    await expect(enqueueIngest(queue.boss, [{ kind: "bogus" } as unknown as IngestJob])).rejects.toThrow(/kind/);
    // Past the enqueuer's validation (an older client, a hand-written row): the worker must refuse it.
    await queue.boss.insert([{ name: INGEST_QUEUE, data: { kind: "url", url: "ftp://example.com/x" } }]);
    await queue.boss.insert([{ name: INGEST_QUEUE, data: { kind: "document", source: "x", bytesBase64: "" } }]);
    const stop = new AbortController();
    const lines: string[] = [];
    const worker = runWorker({
      databaseUrl: PG_URL,
      concurrency: 1,
      storeSchema: schema.store,
      queueSchema: schema.queue,
      tuning: FAST,
      signal: stop.signal,
      log: (line) => lines.push(line),
    });
    try {
      await waitFor(async () => (await countJobs(queue.boss, schema.queue)).get(INGEST_QUEUE)?.failed === 2);
    } finally {
      stop.abort();
    }
    const summary = await worker;
    expect(summary.refusedJobs).toBe(2);
    expect(summary.retriedJobs).toBe(0);
    const { rows } = await queue.boss
      .getDb()
      .executeSql(`SELECT retry_count, output FROM "${schema.queue}".job WHERE name = $1 ORDER BY created_on`, [
        INGEST_QUEUE,
      ]);
    expect(rows.map((row) => row.retry_count)).toEqual([0, 0]);
    expect(rows[0].output.message).toMatch(/Unexpected ingest job payload \(url: expected an http\(s\) URL\)/);
    expect(rows[1].output.message).toMatch(/empty file/);
    expect((await countJobs(queue.boss, schema.queue)).get(DEAD_LETTER_QUEUE)?.created).toBe(2);
    expect(lines.filter((line) => line.includes("refused"))).toHaveLength(2);
    await queue.close();
  });

  it("runs its setup twice as a no-op", async () => {
    const schema = freshSchemas();
    const first = await openQueue({ databaseUrl: PG_URL, schema: schema.queue });
    await enqueueIngest(first.boss, recordJobs(3, 9));
    const [second, third] = await Promise.all([
      openQueue({ databaseUrl: PG_URL, schema: schema.queue }),
      openQueue({ databaseUrl: PG_URL, schema: schema.queue }),
    ]);
    expect((await countJobs(second.boss, schema.queue)).get(INGEST_QUEUE)?.created).toBe(3);
    expect((await second.boss.getQueues()).map((queue) => queue.name).sort()).toEqual(
      [ANALYZE_QUEUE, INGEST_QUEUE, DEAD_LETTER_QUEUE].sort(),
    );
    const pool = new pg.Pool({ connectionString: PG_URL, options: `-c search_path=${schema.store}` });
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema.store}"`);
    await Promise.all([ensureAnalysisState(pool), ensureAnalysisState(pool)]);
    await ensureAnalysisState(pool);
    await pool.end();
    await Promise.all([first.close(), second.close(), third.close()]);
  });

  it("processes one job once when two workers race for it, and one article once when two jobs race", async () => {
    const schema = freshSchemas();
    const queue = await openQueue({ databaseUrl: PG_URL, schema: schema.queue, tuning: FAST });
    const [job] = recordJobs(1, 21);
    if (job === undefined) throw new Error("no generated job");
    await enqueueIngest(queue.boss, [job]);
    const stop = new AbortController();
    const options = {
      databaseUrl: PG_URL,
      concurrency: 2,
      storeSchema: schema.store,
      queueSchema: schema.queue,
      tuning: FAST,
      signal: stop.signal,
      log: () => {},
    };
    const workers = [runWorker(options), runWorker(options)];
    try {
      await waitFor(async () => (await countJobs(queue.boss, schema.queue)).get(INGEST_QUEUE)?.completed === 1);
    } finally {
      stop.abort();
    }
    const summaries = await Promise.all(workers);
    expect(summaries.map((s) => s.ingestJobs).sort()).toEqual([0, 1]);

    // The same job run twice at once (a worker presumed dead that was only slow): stored once all the same.
    const store = await openStore(PG_URL, { schema: schema.store });
    const record = (job as unknown as { record: { url: string } }).record;
    const parsed = { ...job, record: { ...record, url: `${record.url}?again` } };
    const outcomes = await Promise.all([
      runIngestJob(parsed as never, store, async () => Promise.reject(new Error("no fetch"))),
      runIngestJob(parsed as never, store, async () => Promise.reject(new Error("no fetch"))),
    ]);
    expect(outcomes.map((o) => (o.status === "done" ? o.inserted : -1)).sort()).toEqual([0, 1]);
    expect(await store.countArticles()).toBe(1 + 1);
    await store.close();
    await queue.close();
  });
});

describe.skipIf(pgProblem !== null)("a batch stored in one statement", () => {
  it("inserts new articles, updates a re-read one and leaves the rest, as putArticle does one by one", async () => {
    const schema = freshSchemas();
    const store = await openStore(PG_URL, { schema: schema.store });
    const db = createBatchDb(PG_URL, schema.store, 1);
    try {
      const [a, b, c] = ["batch-a", "batch-b", "batch-c"].map((id) => makeArticle({ id, text: `Text of ${id}.` }));
      if (a === undefined || b === undefined || c === undefined) throw new Error("no articles");
      expect(await store.putArticle(c)).toBe("inserted");
      // b twice in one batch (two jobs carrying the same article) and c already stored: only a and b are new.
      expect([...(await storeArticleBatch(db, [b, a, b, c]))].sort()).toEqual(["batch-a", "batch-b"]);
      expect(await store.countArticles()).toBe(3);
      const reread = { ...b, title: "Batch B, read anew" };
      expect([...(await storeArticleBatch(db, [reread, a]))]).toEqual([]);
      expect((await store.getArticle("batch-b"))?.title).toBe("Batch B, read anew");
      expect(await store.putArticle(reread)).toBe("unchanged");
      expect(await store.putArticle(a)).toBe("unchanged");
      // c stored first keeps the first place in the stream.
      expect((await store.listArticles()).map((article) => article.id)[0]).toBe("batch-c");
    } finally {
      await db.destroy();
      await store.close();
    }
  });
});

describe("URL jobs", () => {
  it("asks the fetcher for public addresses only when the job says so", async () => {
    const policies: Array<boolean | undefined> = [];
    const fetch = async (url: string, options?: { publicOnly?: boolean }) => {
      policies.push(options?.publicOnly);
      return { source: url, path: null, url, contentType: "text/plain", bytes: new TextEncoder().encode("x") };
    };
    await readIngestJob({ kind: "url", url: "https://news.example/a", publicOnly: true }, fetch);
    await readIngestJob({ kind: "url", url: "https://news.example/b", publicOnly: false }, fetch);
    expect(policies).toEqual([true, false]);
  });
});

describe("worker without a database", () => {
  it("logs each failed connection attempt with its backoff and gives up when stopped", async () => {
    const lines: string[] = [];
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 1_500);
    await expect(
      runWorker({ databaseUrl: "postgres://nobody@127.0.0.1:9/none", signal: stop.signal, log: (l) => lines.push(l) }),
    ).rejects.toThrow(/Cannot open the job queue at postgres:\/\/nobody@127\.0\.0\.1:9\/none/);
    expect(lines[0]).toMatch(/ECONNREFUSED.*connecting the queue: attempt 2 of \d+ in \d+\.\d s/);
  });
});
