import type { Command } from "commander";
import { enqueueIngest, type IngestJob, MAX_JOB_DOCUMENT_BYTES, openQueue } from "../../queue/index.js";
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, runWorker } from "../../worker/index.js";
import { type CliIo, EXIT_FATAL, EXIT_OK, EXIT_SOME_FAILED, printLine } from "../cli-io.js";
import { isUrl } from "../ingest-inputs.js";
import { expandPaths, formatBytes, readDocument } from "../read-inputs.js";

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/**
 * Environment variable naming pg-boss's schema (default parallax_queue). Every enqueuer and worker of one fleet must
 * agree on it; a second fleet (staging, a test) on the same database uses another. The store's schema is chosen by
 * the URL itself (`?options=-c%20search_path%3Dname`), which every command, `serve` included, already honours.
 */
export const QUEUE_SCHEMA_ENV = "PARALLAX_QUEUE_SCHEMA";

/** Schema names go into SQL unquoted by some of pg-boss's statements: plain identifiers only. */
const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The queue schema from the environment: undefined for the default, or null (after one line) when invalid. */
export function queueSchemaOf(io: CliIo, command: string): string | undefined | null {
  const schema = io.env[QUEUE_SCHEMA_ENV];
  if (schema === undefined || schema === "") return undefined;
  if (PLAIN_IDENTIFIER.test(schema)) return schema;
  printLine(
    io.stderr,
    `parallax ${command}: Unexpected ${QUEUE_SCHEMA_ENV} ${JSON.stringify(schema)}, expected a plain schema name ` +
      "(letters, digits and _)",
  );
  return null;
}

export interface EnqueueResult {
  queued: number;
  failed: number;
}

/**
 * Queues every input for the workers instead of ingesting here: URLs as they are (a worker fetches them), files and
 * folders read now and carried as bytes. A bad input gets one line on stderr and the rest goes on. This is what
 * `parallax analyze --db postgres://… --enqueue` runs in place of its own ingest-and-analyse.
 */
export async function enqueueInputs(
  inputs: readonly string[],
  databaseUrl: string,
  io: CliIo,
  options: { queueSchema?: string } = {},
): Promise<EnqueueResult> {
  const jobs: IngestJob[] = inputs.filter(isUrl).map((url) => ({ kind: "url", url }));
  let failed = 0;
  for (const file of await expandPaths(
    inputs.filter((input) => !isUrl(input)),
    io.cwd,
  )) {
    const document = file.status === "ok" ? await readDocument(file.source, file.value) : file;
    if (document.status === "failed") {
      failed++;
      printLine(io.stderr, `${document.source}: ${document.reason}`);
      continue;
    }
    const { bytes, source, path, url, contentType } = document.value;
    if (bytes.byteLength > MAX_JOB_DOCUMENT_BYTES) {
      failed++;
      printLine(
        io.stderr,
        `${source}: Unexpected file size ${formatBytes(bytes.byteLength)} for a queued job, expected at most ` +
          `${formatBytes(MAX_JOB_DOCUMENT_BYTES)} (split it, or analyse it without --enqueue)`,
      );
      continue;
    }
    jobs.push({
      kind: "document",
      source,
      path,
      url,
      contentType: contentType ?? null,
      bytesBase64: Buffer.from(bytes).toString("base64"),
    });
  }
  const queueSchema = options.queueSchema ?? queueSchemaOf(io, "enqueue");
  if (queueSchema === null) return { queued: 0, failed: inputs.length };
  const queue = await openQueue({ databaseUrl, schema: queueSchema });
  try {
    await enqueueIngest(queue.boss, jobs);
  } finally {
    await queue.close();
  }
  printLine(io.stderr, `Queued ${jobs.length} inputs for the workers; ${failed} failed.`);
  return { queued: jobs.length, failed };
}

function databaseUrlOf(db: string | undefined, io: CliIo, command: string): string | null {
  const location = db ?? io.env.PARALLAX_DB;
  if (location !== undefined && POSTGRES_URL.test(location)) return location;
  printLine(
    io.stderr,
    `parallax ${command}: Unexpected database ${JSON.stringify(location ?? "")}, expected a postgres:// URL ` +
      "(--db or PARALLAX_DB): workers share one PostgreSQL database",
  );
  return null;
}

/** `parallax worker` and `parallax enqueue`. Wired into the program by run-cli.ts. */
export function registerWorkerCommands(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("worker")
    .description("take ingest and analysis jobs from the queue in PostgreSQL until stopped (Ctrl+C, SIGTERM)")
    .option("--db <url>", "the shared database, postgres://… (default: $PARALLAX_DB)")
    .option("--concurrency <n>", "batches of ingest jobs in flight in this process", String(DEFAULT_CONCURRENCY))
    .option("--batch-size <n>", "ingest jobs taken from the queue at once", String(DEFAULT_BATCH_SIZE))
    .option("--ingest-only", "take no analysis jobs (some other worker must)", false)
    .option("--allow-private", "let URL jobs reach loopback, private and link-local addresses", false)
    .action(
      async (options: {
        db?: string;
        concurrency: string;
        batchSize: string;
        ingestOnly: boolean;
        allowPrivate: boolean;
      }) => {
        const databaseUrl = databaseUrlOf(options.db, io, "worker");
        const concurrency = Number(options.concurrency);
        const batchSize = Number(options.batchSize);
        if (databaseUrl === null) return setExitCode(EXIT_FATAL);
        if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
          printLine(io.stderr, `parallax worker: Unexpected --concurrency ${options.concurrency}, expected 1 or more`);
          return setExitCode(EXIT_FATAL);
        }
        if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
          printLine(io.stderr, `parallax worker: Unexpected --batch-size ${options.batchSize}, expected 1 or more`);
          return setExitCode(EXIT_FATAL);
        }
        const queueSchema = queueSchemaOf(io, "worker");
        if (queueSchema === null) return setExitCode(EXIT_FATAL);
        const stop = new AbortController();
        const onSignal = () => {
          printLine(io.stderr, "Stopping: finishing the jobs in flight…");
          stop.abort();
        };
        process.once("SIGINT", onSignal);
        process.once("SIGTERM", onSignal);
        try {
          printLine(
            io.stderr,
            `Worker started (${concurrency} batches of up to ${batchSize} ingest jobs at a time). Stop with Ctrl+C.`,
          );
          const summary = await runWorker({
            databaseUrl,
            concurrency,
            batchSize,
            ingestOnly: options.ingestOnly,
            queueSchema,
            allowPrivate: options.allowPrivate,
            signal: stop.signal,
            log: (line) => printLine(io.stderr, line),
          });
          printLine(
            io.stderr,
            `Worker stopped: ${summary.ingestJobs} ingest jobs (${summary.inserted} new articles, ${summary.unchanged} ` +
              `already stored, ${summary.refusedJobs} refused), ${summary.analyses} analyses.`,
          );
          setExitCode(EXIT_OK);
        } catch (error) {
          printLine(io.stderr, `parallax worker: ${error instanceof Error ? error.message : String(error)}`);
          setExitCode(EXIT_FATAL);
        } finally {
          process.off("SIGINT", onSignal);
          process.off("SIGTERM", onSignal);
        }
      },
    );

  program
    .command("enqueue")
    .description("queue files, folders and URLs for the workers (they ingest and analyse them)")
    .argument("<inputs...>", "files, folders (read recursively) and http(s) URLs")
    .option("--db <url>", "the shared database, postgres://… (default: $PARALLAX_DB)")
    .action(async (inputs: string[], options: { db?: string }) => {
      const databaseUrl = databaseUrlOf(options.db, io, "enqueue");
      if (databaseUrl === null) return setExitCode(EXIT_FATAL);
      try {
        const result = await enqueueInputs(inputs, databaseUrl, io);
        setExitCode(result.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK);
      } catch (error) {
        printLine(io.stderr, `parallax enqueue: ${error instanceof Error ? error.message : String(error)}`);
        setExitCode(EXIT_FATAL);
      }
    });
}
