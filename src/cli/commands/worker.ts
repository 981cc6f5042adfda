import type { Command } from "commander";
import { enqueueIngest, type IngestJob, MAX_JOB_DOCUMENT_BYTES, openQueue } from "../../queue/index.js";
import { DEFAULT_CONCURRENCY, runWorker } from "../../worker/index.js";
import { type CliIo, EXIT_FATAL, EXIT_OK, EXIT_SOME_FAILED, printLine } from "../cli-io.js";
import { isUrl } from "../ingest-inputs.js";
import { expandPaths, formatBytes, readDocument } from "../read-inputs.js";

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

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
  const queue = await openQueue({ databaseUrl, schema: options.queueSchema });
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
    .option("--concurrency <n>", "ingest jobs in flight in this process", String(DEFAULT_CONCURRENCY))
    .option("--allow-private", "let URL jobs reach loopback, private and link-local addresses", false)
    .action(async (options: { db?: string; concurrency: string; allowPrivate: boolean }) => {
      const databaseUrl = databaseUrlOf(options.db, io, "worker");
      const concurrency = Number(options.concurrency);
      if (databaseUrl === null) return setExitCode(EXIT_FATAL);
      if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
        printLine(io.stderr, `parallax worker: Unexpected --concurrency ${options.concurrency}, expected 1 or more`);
        return setExitCode(EXIT_FATAL);
      }
      const stop = new AbortController();
      const onSignal = () => {
        printLine(io.stderr, "Stopping: finishing the jobs in flight…");
        stop.abort();
      };
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
      try {
        printLine(io.stderr, `Worker started (${concurrency} ingest jobs at a time). Stop with Ctrl+C.`);
        const summary = await runWorker({
          databaseUrl,
          concurrency,
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
    });

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
