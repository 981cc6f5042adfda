import type PgBoss from "pg-boss";

export type JobState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed";

/** Jobs per queue and state (archived jobs excluded): for `parallax worker --status`, tests and the benchmark. */
export async function countJobs(boss: PgBoss, schema: string): Promise<Map<string, Partial<Record<JobState, number>>>> {
  const { rows } = await boss
    .getDb()
    .executeSql(`SELECT name, state::text AS state, count(*)::int AS count FROM "${schema}".job GROUP BY 1, 2`, []);
  const counts = new Map<string, Partial<Record<JobState, number>>>();
  for (const row of rows as Array<{ name: string; state: JobState; count: number }>) {
    const forQueue = counts.get(row.name) ?? {};
    forQueue[row.state] = row.count;
    counts.set(row.name, forQueue);
  }
  return counts;
}

/** Jobs not finished yet (waiting, waiting to retry or running) in `queue`. */
export function pendingJobs(counts: Map<string, Partial<Record<JobState, number>>>, queue: string): number {
  const forQueue = counts.get(queue) ?? {};
  return (forQueue.created ?? 0) + (forQueue.retry ?? 0) + (forQueue.active ?? 0);
}
