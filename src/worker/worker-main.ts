/**
 * A worker as its own process, for tests and the benchmark (`node --import tsx src/worker/worker-main.ts …`), where
 * the CLI is not wired yet. Prints one JSON summary line on stdout when it stops; exits 0, or 2 when the database
 * stayed unreachable.
 */
import { parseArgs } from "node:util";
import { runWorker } from "./run-worker.js";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    concurrency: { type: "string" },
    "batch-size": { type: "string" },
    "ingest-only": { type: "boolean" },
    "store-schema": { type: "string" },
    "queue-schema": { type: "string" },
    "exit-when-idle-ms": { type: "string" },
    "hold-job-ms": { type: "string" },
    tuning: { type: "string" },
  },
});
const databaseUrl = values.db ?? process.env.PARALLAX_DB;
if (databaseUrl === undefined) {
  process.stderr.write("worker-main: --db postgres://… (or PARALLAX_DB) is required\n");
  process.exit(2);
}
const optionalNumber = (text: string | undefined) => (text === undefined ? undefined : Number(text));

const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => controller.abort());
try {
  const summary = await runWorker({
    databaseUrl,
    concurrency: optionalNumber(values.concurrency),
    batchSize: optionalNumber(values["batch-size"]),
    ingestOnly: values["ingest-only"] ?? false,
    storeSchema: values["store-schema"],
    queueSchema: values["queue-schema"],
    exitWhenIdleMs: optionalNumber(values["exit-when-idle-ms"]),
    holdJobMs: optionalNumber(values["hold-job-ms"]),
    tuning: values.tuning === undefined ? undefined : JSON.parse(values.tuning),
    signal: controller.signal,
  });
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
