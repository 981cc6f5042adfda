import type { Command } from "commander";
import { enqueueIngest, openQueue } from "../../queue/index.js";
import { startServer } from "../../server/index.js";
import { type CliIo, EXIT_FATAL, EXIT_OK, printLine } from "../cli-io.js";
import { DEFAULT_DB, isPostgresUrl, openCliStore } from "../open-cli-store.js";
import { queueSchemaOf } from "./worker.js";

/** Loopback by default: the API can ingest, so exposing it is a choice the user makes with --host. */
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 8080;

export interface ServeOptions {
  port: string;
  host: string;
  db?: string;
  /** Queue posted articles for `parallax worker` processes instead of ingesting them in the request. */
  enqueue?: boolean;
}

/** Resolves when the server has stopped (SIGINT/SIGTERM, or `stop` for tests) and the store is closed. */
export async function serveCommand(options: ServeOptions, io: CliIo, stop?: Promise<unknown>): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    printLine(io.stderr, `parallax serve: Unexpected port ${JSON.stringify(options.port)}, expected 0 to 65535`);
    return EXIT_FATAL;
  }
  const db = options.db ?? io.env.PARALLAX_DB;
  if (options.enqueue && !isPostgresUrl(db ?? "")) {
    printLine(io.stderr, "parallax serve: --enqueue needs a PostgreSQL database: --db postgres://… or PARALLAX_DB");
    return EXIT_FATAL;
  }
  const queueSchema = options.enqueue ? queueSchemaOf(io, "serve") : undefined;
  if (queueSchema === null) return EXIT_FATAL;
  const store = await openCliStore(options.db, io.cwd, io.env);
  const queue = options.enqueue ? await openQueue({ databaseUrl: db ?? "", schema: queueSchema }) : null;
  try {
    const server = await startServer(
      store,
      options.host,
      port,
      queue === null ? {} : { enqueue: (jobs) => enqueueIngest(queue.boss, jobs) },
    );
    // Listening for signals only once serving, so a failed start leaves no handler that would swallow Ctrl+C.
    const stopped = stop ?? waitForSignal();
    printLine(io.stdout, `Parallax is serving ${server.url}/ (API under ${server.url}/api). Stop with Ctrl+C.`);
    await stopped;
    printLine(io.stderr, "Stopping…");
    await server.close();
    return EXIT_OK;
  } finally {
    await queue?.close();
    await store.close();
  }
}

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      resolve(signal);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}

/** `parallax serve`: the web UI and the HTTP API over one store. Wired into the program by run-cli.ts. */
export function registerServeCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("serve")
    .description("serve the web UI and the HTTP API over the stored corpus")
    .option("--port <port>", "port to listen on (0 picks a free one)", String(DEFAULT_PORT))
    .option("--host <host>", "address to bind; anything but loopback exposes ingestion to the network", DEFAULT_HOST)
    .option("--db <file>", `database: a SQLite file, or postgres://… (default: $PARALLAX_DB or ${DEFAULT_DB})`)
    .option("--enqueue", "queue posted articles for `parallax worker` processes (needs --db postgres://…)", false)
    .action(async (options: ServeOptions) => {
      try {
        setExitCode(await serveCommand(options, io));
      } catch (error) {
        printLine(io.stderr, `parallax serve: ${error instanceof Error ? error.message : String(error)}`);
        setExitCode(EXIT_FATAL);
      }
    });
}
