/**
 * A worker process killed (SIGKILL) in the middle of its jobs: another worker finishes them, and every article is
 * stored exactly once. Real PostgreSQL in fresh schemas dropped at the end; skipped with one line without a server.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../src/generate/index.js";
import { countJobs, enqueueIngest, INGEST_QUEUE, openQueue, type QueueTuning } from "../src/queue/index.js";
import { redactLocation } from "../src/store/describe-error.js";
import { probePostgres } from "../src/store/index.js";
import { openStore } from "../src/store/open-store.js";
import { runWorker } from "../src/worker/index.js";
import { dropTestSchemas, TEST_PG_URL } from "./helpers/test-postgres.js";
import { WORKER_WAIT_MS, waitFor } from "./helpers/wait-for.js";

const PG_URL = TEST_PG_URL;
const pgProblem = await probePostgres(PG_URL);
if (pgProblem !== null) {
  console.log(`PostgreSQL not reachable at ${redactLocation(PG_URL)}: skipping the worker kill test (${pgProblem})`);
}

const ARTICLES = 60;
/** Short expiry and maintenance, so the killed worker's jobs come back within seconds. */
const FAST: Partial<QueueTuning> = {
  retryDelaySeconds: 1,
  ingestExpireSeconds: 2,
  maintenanceIntervalSeconds: 1,
  analyzeDebounceSeconds: 1,
};
const base = `pxk_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const schema = { store: base, queue: `${base}_q` };
const workerMain = fileURLToPath(new URL("../src/worker/worker-main.ts", import.meta.url));

afterAll(async () => {
  if (pgProblem !== null) return;
  await dropTestSchemas([schema.store, schema.queue], PG_URL);
});

function startWorkerProcess(holdJobMs: number): ChildProcess {
  return spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      workerMain,
      `--db=${PG_URL}`,
      "--concurrency=4",
      `--store-schema=${schema.store}`,
      `--queue-schema=${schema.queue}`,
      `--hold-job-ms=${holdJobMs}`,
      `--tuning=${JSON.stringify(FAST)}`,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
}

describe.skipIf(pgProblem !== null)("a worker killed mid-job", { timeout: WORKER_WAIT_MS + 30_000 }, () => {
  it("loses and doubles nothing: another worker retries its jobs", async () => {
    const queue = await openQueue({ databaseUrl: PG_URL, schema: schema.queue, tuning: FAST });
    const records = [...generateCorpus({ articles: ARTICLES, seed: 77 })].map(({ record }) => record);
    await enqueueIngest(
      queue.boss,
      records.map((record) => ({ kind: "record", record: { ...record } })),
    );
    const store = await openStore(PG_URL, { schema: schema.store });
    // Each job is held after its article is stored and before it is completed: a kill then always strands jobs
    // whose article is already in the database, the case that could double it.
    const doomed = startWorkerProcess(400);
    let doomedOutput = "";
    doomed.stderr?.on("data", (chunk) => {
      doomedOutput += String(chunk);
    });
    const exited = new Promise((resolve) => doomed.once("exit", resolve));
    try {
      await waitFor(async () => (await store.countArticles()) >= 8);
    } catch (error) {
      doomed.kill("SIGKILL");
      throw new Error(`the first worker stored nothing: ${doomedOutput}`, { cause: error });
    }
    doomed.kill("SIGKILL");
    await exited;
    const strandedActive = (await countJobs(queue.boss, schema.queue)).get(INGEST_QUEUE)?.active ?? 0;
    expect(strandedActive).toBeGreaterThan(0);

    const stop = new AbortController();
    const survivor = runWorker({
      databaseUrl: PG_URL,
      concurrency: 4,
      storeSchema: schema.store,
      queueSchema: schema.queue,
      tuning: FAST,
      signal: stop.signal,
      log: () => {},
    });
    try {
      await waitFor(async () => (await countJobs(queue.boss, schema.queue)).get(INGEST_QUEUE)?.completed === ARTICLES);
    } finally {
      stop.abort();
    }
    const summary = await survivor;
    expect(summary.retriedJobs).toBeGreaterThanOrEqual(strandedActive);
    expect(summary.unchanged).toBeGreaterThan(0);
    const stored = await store.listArticles();
    expect(stored).toHaveLength(ARTICLES);
    expect(new Set(stored.map((article) => article.id)).size).toBe(ARTICLES);
    expect(new Set(stored.map((article) => article.url))).toEqual(new Set(records.map((record) => record.url)));
    expect((await countJobs(queue.boss, schema.queue)).get(INGEST_QUEUE)?.failed).toBeUndefined();
    await store.close();
    await queue.close();
  });
});
