/**
 * `parallax enqueue` then `parallax worker` through runCli, in process, against a real PostgreSQL: the store's
 * schema chosen by the URL's search_path, the queue's by PARALLAX_QUEUE_SCHEMA, both fresh and dropped at the end.
 * The worker is stopped the way an operator stops it, by SIGTERM, once the queue has drained. Skipped with one line
 * when no server answers.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/index.js";
import { countJobs, INGEST_QUEUE, openQueue } from "../src/queue/index.js";
import { redactLocation } from "../src/store/describe-error.js";
import { probePostgres } from "../src/store/index.js";
import { openStore } from "../src/store/open-store.js";
import { captureIo } from "./helpers/capture-io.js";
import { dropTestSchemas, TEST_PG_URL } from "./helpers/test-postgres.js";
import { WORKER_WAIT_MS, waitFor } from "./helpers/wait-for.js";

const PG_URL = TEST_PG_URL;
const pgProblem = await probePostgres(PG_URL);
if (pgProblem !== null) {
  console.log(`PostgreSQL not reachable at ${redactLocation(PG_URL)}: skipping the worker CLI test (${pgProblem})`);
}

const base = `pxc_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const schema = { store: base, queue: `${base}_q` };
/** The shared database with the store's tables in `schema.store`: the URL form every command understands. */
const storeUrl = (() => {
  const url = new URL(PG_URL);
  url.searchParams.set("options", `-c search_path=${schema.store}`);
  return url.toString();
})();
const ARTICLES = [
  { title: "Bridge closed after cracks found", outlet: "North Post", text: "Engineers closed the Arden bridge." },
  { title: "Arden bridge shut over cracks", outlet: "Valley Times", text: "The Arden bridge was closed on Friday." },
  { title: "Library reopens after renovation", outlet: "City Daily", text: "The central library reopened Monday." },
];
let folder = "";

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "parallax-worker-cli-"));
  for (const [index, article] of ARTICLES.entries()) {
    await writeFile(
      join(folder, `article-${index}.json`),
      JSON.stringify({ ...article, publishedAt: "2026-03-20T09:00:00Z", text: `${article.text} `.repeat(12) }),
    );
  }
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  if (pgProblem !== null) return;
  await dropTestSchemas([schema.store, schema.queue], PG_URL);
});

/**
 * SIGTERM as the worker command sees it, without delivering it to the test runner: the runner's own listeners are
 * set aside while the event is emitted.
 */
function sendSigtermToWorker(runnerListeners: ReadonlyArray<NodeJS.SignalsListener>): void {
  for (const listener of runnerListeners) process.off("SIGTERM", listener);
  try {
    process.emit("SIGTERM", "SIGTERM");
  } finally {
    for (const listener of runnerListeners) process.on("SIGTERM", listener);
  }
}

describe.skipIf(pgProblem !== null)("parallax enqueue + parallax worker", { timeout: WORKER_WAIT_MS + 30_000 }, () => {
  it("queues files, ingests and analyses them in a worker, and stops on SIGTERM once drained", async () => {
    const setup = new pg.Client(PG_URL);
    await setup.connect();
    // A search_path naming a missing schema selects nothing; the schema is created as an operator would.
    await setup.query(`CREATE SCHEMA "${schema.store}"`);
    await setup.end();
    const env = { PARALLAX_DB: storeUrl, PARALLAX_QUEUE_SCHEMA: schema.queue };

    const enqueueIo = { ...captureIo(folder), env };
    expect(await runCli(["enqueue", "."], enqueueIo), enqueueIo.err()).toBe(0);
    expect(enqueueIo.err()).toContain("Queued 3 inputs for the workers; 0 failed.");

    const queue = await openQueue({ databaseUrl: PG_URL, schema: schema.queue });
    const store = await openStore(PG_URL, { schema: schema.store });
    expect((await countJobs(queue.boss, schema.queue)).get(INGEST_QUEUE)?.created).toBe(3);

    const runnerListeners = process.listeners("SIGTERM");
    const workerIo = { ...captureIo(folder), env };
    const worker = runCli(["worker", "--concurrency", "2"], workerIo);
    try {
      await waitFor(async () => {
        const stories = await store.listStories();
        return (
          (await countJobs(queue.boss, schema.queue)).get(INGEST_QUEUE)?.completed === 3 &&
          stories.reduce((sum, story) => sum + story.articleIds.length, 0) === 3
        );
      });
    } finally {
      sendSigtermToWorker(runnerListeners);
    }
    expect(await worker, workerIo.err()).toBe(0);
    expect(workerIo.err()).toContain("Stopping: finishing the jobs in flight…");
    expect(workerIo.err()).toMatch(/Worker stopped: 3 ingest jobs \(3 new articles, 0 already stored, 0 refused\)/);
    expect(process.listeners("SIGTERM")).toEqual(runnerListeners);
    expect((await store.listArticles()).map((article) => article.title).sort()).toEqual(
      ARTICLES.map((article) => article.title).sort(),
    );
    expect(await store.countArticles()).toBe(3);
    await store.close();
    await queue.close();
  });
});

describe("parallax worker and enqueue: bad settings", () => {
  it("refuses a PARALLAX_QUEUE_SCHEMA that is not a plain name, before connecting", async () => {
    const io = {
      ...captureIo(tmpdir()),
      env: { PARALLAX_QUEUE_SCHEMA: 'q"; drop', PARALLAX_DB: "postgres://x@127.0.0.1:9/x" },
    };
    expect(await runCli(["worker"], io)).toBe(2);
    expect(io.err()).toMatch(/Unexpected PARALLAX_QUEUE_SCHEMA "q\\"; drop", expected a plain schema name/);
  });
});
