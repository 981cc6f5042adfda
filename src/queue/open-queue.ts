import PgBoss from "pg-boss";
import { describeError, redactLocation } from "../store/describe-error.js";
import { ANALYZE_QUEUE, DEAD_LETTER_QUEUE, DEFAULT_QUEUE_SCHEMA, INGEST_QUEUE } from "./queue-names.js";
import { DEFAULT_QUEUE_TUNING, type QueueTuning } from "./queue-tuning.js";

/**
 * Connections per process for pg-boss. Fetches and completions are short statements; a few connections serve many
 * concurrent jobs, and every worker machine's connections count against the one server's max_connections.
 */
const QUEUE_POOL_SIZE = 4;

/** Dead letters stay this long for a human to read; pg-boss's default (14 days) outlives most on-call rotations. */
const DEAD_LETTER_RETENTION_MINUTES = 14 * 24 * 60;

export interface OpenQueueOptions {
  databaseUrl: string;
  /** pg-boss's schema (created if missing); default DEFAULT_QUEUE_SCHEMA. */
  schema?: string;
  tuning?: Partial<QueueTuning>;
  /** Where pg-boss's background errors go (a database gone away); default: dropped. */
  onError?: (message: string) => void;
}

export interface Queue {
  boss: PgBoss;
  schema: string;
  tuning: QueueTuning;
  close(): Promise<void>;
}

/**
 * Starts pg-boss on `databaseUrl`, installing or migrating its schema and creating Parallax's queues. Every step is
 * idempotent and safe from several processes at once (pg-boss migrates under an advisory lock, queue creation is
 * insert-or-nothing), so every worker and enqueuer simply calls this. Throws a one-line reason when unreachable.
 */
export async function openQueue(options: OpenQueueOptions): Promise<Queue> {
  const schema = options.schema ?? DEFAULT_QUEUE_SCHEMA;
  const tuning = { ...DEFAULT_QUEUE_TUNING, ...options.tuning };
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema,
    max: QUEUE_POOL_SIZE,
    application_name: "parallax",
    maintenanceIntervalSeconds: tuning.maintenanceIntervalSeconds,
    // Parallax schedules nothing by cron; the scheduler would only poll the shared database.
    schedule: false,
  });
  // Unhandled, an "error" event would crash the process; report it, and let the next fetch retry.
  boss.on("error", (error: Error) => options.onError?.(`queue: ${describeError(error)}`));
  try {
    await boss.start();
    await createQueues(boss, tuning);
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw new Error(`Cannot open the job queue at ${redactLocation(options.databaseUrl)}: ${describeError(error)}`, {
      cause: error,
    });
  }
  let closing: Promise<void> | undefined;
  return {
    boss,
    schema,
    tuning,
    close: () => {
      // Jobs still active are left to expire and be retried: a worker stopping mid-job must never complete them.
      closing ??= boss.stop({ graceful: false, wait: true, close: true });
      return closing;
    },
  };
}

async function createQueues(boss: PgBoss, tuning: QueueTuning): Promise<void> {
  await boss.createQueue(DEAD_LETTER_QUEUE, {
    name: DEAD_LETTER_QUEUE,
    retentionMinutes: DEAD_LETTER_RETENTION_MINUTES,
  });
  const retry = { retryLimit: tuning.retryLimit, retryDelay: tuning.retryDelaySeconds, retryBackoff: true };
  await boss.createQueue(INGEST_QUEUE, {
    name: INGEST_QUEUE,
    ...retry,
    expireInSeconds: tuning.ingestExpireSeconds,
    deadLetter: DEAD_LETTER_QUEUE,
  });
  await boss.createQueue(ANALYZE_QUEUE, {
    name: ANALYZE_QUEUE,
    ...retry,
    expireInSeconds: tuning.analyzeExpireSeconds,
    deadLetter: DEAD_LETTER_QUEUE,
  });
}
