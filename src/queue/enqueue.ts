import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import { type AnalyzeJob, describeIssues, type IngestJob, ingestJobSchema } from "./job-payloads.js";
import { ANALYZE_QUEUE, INGEST_QUEUE } from "./queue-names.js";

/** Jobs per INSERT: pg-boss inserts a batch as one statement from a JSON array; 500 keeps it well under a megabyte. */
const JOBS_PER_INSERT = 500;

/** Every analysis job shares this key, so the debounce window is corpus-wide. */
const ANALYZE_DEBOUNCE_KEY = "corpus";

/**
 * Queues ingest jobs, validated first so that a bad payload is refused here, where the caller can report it, not in
 * a worker later. Throws a RangeError naming the first bad job. Returns the job ids, in order: they are made here
 * (pg-boss's batch insert returns none), so an API client can be told which job carries its input.
 */
export async function enqueueIngest(boss: PgBoss, jobs: readonly IngestJob[]): Promise<string[]> {
  jobs.forEach((job, index) => {
    const parsed = ingestJobSchema.safeParse(job);
    if (!parsed.success) throw new RangeError(`Ingest job ${index}: ${describeIssues(parsed.error)}`);
  });
  const ids = jobs.map(() => randomUUID());
  for (let start = 0; start < jobs.length; start += JOBS_PER_INSERT) {
    await boss.insert(
      jobs
        .slice(start, start + JOBS_PER_INSERT)
        .map((data, offset) => ({ id: ids[start + offset], name: INGEST_QUEUE, data })),
    );
  }
  return ids;
}

/**
 * Asks for an analysis, debounced: at most one job is queued per window of `debounceSeconds`; a request inside a
 * window that already has one is moved to the next window, so a burst of ingests yields about one analysis per
 * window plus a final one that sees the last article. Returns the job id, or null when both windows are taken.
 */
export function enqueueAnalyze(boss: PgBoss, job: AnalyzeJob, debounceSeconds: number): Promise<string | null> {
  return boss.sendDebounced(ANALYZE_QUEUE, job, {}, debounceSeconds, ANALYZE_DEBOUNCE_KEY);
}
