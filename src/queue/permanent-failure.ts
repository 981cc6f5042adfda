import type PgBoss from "pg-boss";

/**
 * A job that can never succeed (a malformed payload, a document that holds no article, a 404): failing it normally
 * would retry it RETRY_LIMIT times for nothing. pg-boss 10 has no "fail without retry", so its retry budget is spent
 * first (pg-boss's job table, stable across 10.x), then the failure is recorded with the reason and the job goes
 * to the dead-letter queue at once.
 */
export async function failPermanently(
  boss: PgBoss,
  schema: string,
  queue: string,
  jobId: string,
  reason: string,
): Promise<void> {
  await boss
    .getDb()
    .executeSql(
      `UPDATE ${quoteIdentifier(schema)}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2 AND state = 'active'`,
      [queue, jobId],
    );
  await boss.fail(queue, jobId, { message: reason, permanent: true });
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
