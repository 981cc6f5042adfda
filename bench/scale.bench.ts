/**
 * Scale-out throughput: articles/s through the job queue with 1, 2 and 4 worker processes against the local
 * PostgreSQL, and the embedded SQLite path (ingest + store in one process, no queue) on the same generated corpus,
 * as ratios. Ingest is timed from the first job taken to the last stored; the whole-corpus analysis that follows
 * is timed once per store, since its cost grows with the corpus, not with workers.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import { generateCorpus } from "../src/generate/index.js";
import { ingestDocumentDetailed } from "../src/ingest/index.js";
import { analyzeCorpus } from "../src/pipeline/index.js";
import { countJobs, enqueueIngest, INGEST_QUEUE, openQueue } from "../src/queue/index.js";
import { jsonArticleDocument } from "../src/server/ingest-service.js";
import { redactLocation } from "../src/store/describe-error.js";
import { probePostgres } from "../src/store/index.js";
import { openStore } from "../src/store/open-store.js";
import { DEFAULT_BATCH_SIZE } from "../src/worker/index.js";
import type { BenchContext, BenchPart } from "./main.js";

const PG_URL =
  process.env.PARALLAX_TEST_PG ?? process.env.PARALLAX_BENCH_PG ?? "postgres://postgres@127.0.0.1:5432/test";
/** Articles per run at scale 1: enough for a steady rate (tens of seconds per run) on a 2-core box. */
const ARTICLES = 5_000;
const WORKER_COUNTS = [1, 2, 4];
/**
 * One extra run of one process taking one job per fetch (the worker before batching): the batch's gain, measured
 * on the same corpus and machine rather than remembered from an older run.
 */
const UNBATCHED = 1;
/** Ingest slots per worker process: overlaps each job's round trips without more processes than cores. */
const CONCURRENCY = 4;
/** Articles analysed to time the whole-corpus analysis; it is superlinear, so this names its size. */
const ANALYSIS_ARTICLES = 1_000;
const SEED = 31;
/** Few analysis requests queued during a run (the workers run --ingest-only, so none is taken). */
const NO_ANALYSIS = { analyzeDebounceSeconds: 3_600 };

async function run(ctx: BenchContext): Promise<void> {
  const problem = await probePostgres(PG_URL);
  if (problem !== null) {
    ctx.log(`scale: skipped, PostgreSQL not reachable at ${redactLocation(PG_URL)} (${problem})`);
    return;
  }
  const size = Math.max(100, Math.round(ARTICLES * ctx.scale));
  const records = [...generateCorpus({ articles: size, seed: SEED })].map(({ record }) => ({ ...record }));
  const runId = `pxb_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const schemas: string[] = [];
  ctx.log(
    `${size} generated articles as JSON record jobs; ${CONCURRENCY} ingest slots per worker process, ` +
      `${DEFAULT_BATCH_SIZE} jobs per fetch.`,
  );
  ctx.log("");
  ctx.log("| path | articles/s | ms/article | ratio to embedded |");
  ctx.log("|---|---|---|---|");
  try {
    const embedded = await embeddedRate(records);
    ctx.log(
      `| embedded SQLite, 1 process, no queue | ${embedded.toFixed(0)} | ${(1000 / embedded).toFixed(2)} | 1.00 |`,
    );
    const runs = [
      { workers: UNBATCHED, batchSize: 1 },
      ...WORKER_COUNTS.map((workers) => ({ workers, batchSize: DEFAULT_BATCH_SIZE })),
    ];
    for (const { workers, batchSize } of runs) {
      const schema = `${runId}_${workers}_${batchSize}`;
      schemas.push(schema, `${schema}_q`);
      const rate = await queuedRate(ctx, records, workers, batchSize, schema);
      ctx.log(
        `| PostgreSQL + queue, ${workers} worker process${workers > 1 ? "es" : ""}` +
          `${batchSize === 1 ? ", one job per fetch" : ""} | ${rate.toFixed(0)} | ` +
          `${((1000 * workers) / rate).toFixed(2)} per worker | ${(rate / embedded).toFixed(2)} |`,
      );
    }
    const analysis = records.slice(0, Math.min(records.length, Math.round(ANALYSIS_ARTICLES * ctx.scale)));
    const started = performance.now();
    const stories = analyzeCorpus(
      analysis.flatMap((record) => {
        const result = ingestDocumentDetailed(jsonArticleDocument(record));
        return result.status === "ok" ? result.value.articles : [];
      }),
    );
    const ms = performance.now() - started;
    ctx.log("");
    ctx.log(
      `Whole-corpus analysis of ${analysis.length} articles: ${(ms / 1000).toFixed(1)} s ` +
        `(${(ms / analysis.length).toFixed(1)} ms/article, ${stories.length} stories), one process, any store.`,
    );
  } finally {
    const client = new pg.Client(PG_URL);
    await client.connect();
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
}

/** The embedded path of `parallax analyze`: ingest each record and store it, in one process, into SQLite. */
async function embeddedRate(records: ReadonlyArray<Record<string, unknown>>): Promise<number> {
  const store = await openStore(":memory:");
  const started = performance.now();
  for (const record of records) {
    const result = ingestDocumentDetailed(jsonArticleDocument(record));
    if (result.status === "ok") for (const article of result.value.articles) await store.putArticle(article);
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return records.length / seconds;
}

async function queuedRate(
  ctx: BenchContext,
  records: ReadonlyArray<Record<string, unknown>>,
  workers: number,
  batchSize: number,
  schema: string,
): Promise<number> {
  const queue = await openQueue({ databaseUrl: PG_URL, schema: `${schema}_q`, tuning: NO_ANALYSIS });
  // The store's tables exist before the clock starts, as they would in a running deployment.
  await (await openStore(PG_URL, { schema })).close();
  await enqueueIngest(
    queue.boss,
    records.map((record) => ({ kind: "record", record })),
  );
  const started = performance.now();
  const processes = Array.from({ length: workers }, () =>
    spawnWorker(ctx, [
      `--db=${PG_URL}`,
      `--concurrency=${CONCURRENCY}`,
      `--batch-size=${batchSize}`,
      `--store-schema=${schema}`,
      `--queue-schema=${schema}_q`,
      `--tuning=${JSON.stringify(NO_ANALYSIS)}`,
      "--exit-when-idle-ms=1500",
      // Ingest alone: the whole-corpus analysis is timed apart, and a debounced analysis taken mid-run would stall
      // a worker's ingest slots for seconds (its cost depends on when it starts, not on the workers).
      "--ingest-only",
    ]),
  );
  let finished = started;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const completed = (await countJobs(queue.boss, `${schema}_q`)).get(INGEST_QUEUE)?.completed ?? 0;
    if (completed >= records.length) {
      finished = performance.now();
      break;
    }
  }
  await Promise.all(processes);
  await queue.close();
  return records.length / ((finished - started) / 1000);
}

function spawnWorker(ctx: BenchContext, args: string[]): Promise<void> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(ctx.root, "src", "worker", "worker-main.ts"), ...args],
    {
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let errors = "";
  child.stderr?.on("data", (chunk) => {
    errors += String(chunk);
  });
  return new Promise((resolve, reject) =>
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`worker exited ${code}: ${errors}`)))),
  );
}

const part: BenchPart = { name: "scale", run };
export default part;
