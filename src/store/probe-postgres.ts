import pg from "pg";
import { describeError } from "./describe-error.js";

/** A reachable server answers in milliseconds; short, so a laptop without PostgreSQL skips or fails fast. */
const PROBE_TIMEOUT_MS = 2_000;

/** Why PostgreSQL at `url` cannot be used, or null when it answers a query. */
export async function probePostgres(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (error) {
    return describeError(error);
  } finally {
    await client.end().catch(() => {});
  }
}
