import type pg from "pg";
import { packageVersion } from "../cli/version.js";
import type { Store } from "../store/store.js";
import { updateStoredAnalysis } from "../store/update-stored-analysis.js";
import { sleep } from "./backoff.js";

/**
 * The worker's own bookkeeping table, beside the store's tables (same schema): how many articles the stored stories
 * were last built from, and when, for operators. Whether an analysis is needed is decided by the analysis itself
 * (`CorpusUpdate.changed`): an article stored again with other content changes its story without changing the count.
 */
const STATE_TABLE = "parallax_worker_analysis";

/** Between tries for the analysis lock: analyses take seconds, so polling faster only adds queries. */
const LOCK_POLL_MS = 250;

export type AnalysisOutcome =
  | { status: "analysed"; articles: number; stories: number; analysedStories: number; ms: number }
  | { status: "current"; articles: number }
  | { status: "stopped" };

/** Creates the bookkeeping table if missing; idempotent, and serialised so racing workers never collide on it. */
export async function ensureAnalysisState(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext('parallax-worker-setup:' || current_schema()))");
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${STATE_TABLE} (
         id integer PRIMARY KEY CHECK (id = 1),
         article_count bigint NOT NULL,
         analysed_at timestamptz NOT NULL
       )`,
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Re-analyses the stored corpus and replaces the stories, holding a PostgreSQL advisory lock (per schema) so that
 * only one worker in the whole fleet analyses at a time and the story set stored last is built from the newest
 * corpus. The lock is tied to the session: a worker killed mid-analysis releases it with its connection.
 */
export async function analyzeStoredCorpus(pool: pg.Pool, store: Store, signal: AbortSignal): Promise<AnalysisOutcome> {
  const client = await pool.connect();
  let locked = false;
  try {
    while (!locked) {
      const { rows } = await client.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_lock(hashtext('parallax-analyze:' || current_schema())) AS locked",
      );
      locked = rows[0]?.locked === true;
      if (!locked) {
        if (signal.aborted) return { status: "stopped" };
        await sleep(LOCK_POLL_MS, signal);
      }
    }
    const started = performance.now();
    // Continues the stored analysis: only new articles are placed and only the stories they touch are analysed, so
    // a leftover debounced job finds nothing to do and writes nothing.
    const { articles, update } = await updateStoredAnalysis(store, { analyzerVersion: packageVersion() });
    if (!update.changed) return { status: "current", articles: articles.length };
    const stories = update.stories;
    // For operators: when the stored stories were last rebuilt, and from how many articles.
    await client.query(
      `INSERT INTO ${STATE_TABLE} (id, article_count, analysed_at) VALUES (1, $1, now())
       ON CONFLICT (id) DO UPDATE SET article_count = excluded.article_count, analysed_at = excluded.analysed_at`,
      [articles.length],
    );
    return {
      status: "analysed",
      articles: articles.length,
      stories: stories.length,
      analysedStories: update.analysed,
      ms: performance.now() - started,
    };
  } finally {
    if (locked) {
      await client
        .query("SELECT pg_advisory_unlock(hashtext('parallax-analyze:' || current_schema()))")
        .catch(() => {});
    }
    client.release();
  }
}
