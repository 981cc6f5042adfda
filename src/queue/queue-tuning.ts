/**
 * Tuning of the job queue. Every value is a default that tests (and unusual deployments) may override through
 * `QueueTuning`, because tests need seconds where production wants minutes.
 */

/**
 * Attempts after the first before a job is dead-lettered. Transient faults (a feed server's 503, a database
 * fail-over) clear within a few backed-off retries; past five (about a minute of backoff) the fault is not transient
 * and retrying only hides it.
 */
export const RETRY_LIMIT = 5;

/** First retry delay; pg-boss doubles it per attempt with jitter, so five retries span roughly 1 minute. */
export const RETRY_DELAY_SECONDS = 2;

/**
 * An ingest job still active after this long belongs to a dead worker and is handed to another. Ingest is CPU work
 * of milliseconds plus at most one fetch (15 s time-out) and one transaction, so 2 minutes is far past a live job.
 */
export const INGEST_EXPIRE_SECONDS = 120;

/**
 * Whole-corpus analysis grows with the corpus (about a minute per 100k articles here); a live analysis must not be
 * taken for a dead one, and a dead one only delays the next debounce window's analysis.
 */
export const ANALYZE_EXPIRE_SECONDS = 30 * 60;

/**
 * At most one analysis is queued per window; ingests inside a window share it. Long enough that a burst of
 * thousands of ingests costs a handful of analyses, short enough that a reader sees new articles within a minute.
 */
export const ANALYZE_DEBOUNCE_SECONDS = 10;

/**
 * How often pg-boss looks for expired jobs (those of killed workers). With the expiry above, a killed worker's job is
 * retried within about 2.5 minutes; more often would only add queries to a shared database.
 */
export const MAINTENANCE_INTERVAL_SECONDS = 30;

/**
 * Largest document carried inside a job (before base64). Jobs live in a PostgreSQL table read by every worker; news
 * pages are well under 2 MB, and bigger inputs (feed dumps) should be split or enqueued by URL.
 */
export const MAX_JOB_DOCUMENT_BYTES = 2 * 1024 * 1024;

/** Longest URL or source name in a job: browsers cap URLs near 2k-8k; more is not a real article address. */
export const MAX_JOB_TEXT_CHARS = 8_192;

export interface QueueTuning {
  retryLimit: number;
  retryDelaySeconds: number;
  ingestExpireSeconds: number;
  analyzeExpireSeconds: number;
  analyzeDebounceSeconds: number;
  maintenanceIntervalSeconds: number;
}

export const DEFAULT_QUEUE_TUNING: QueueTuning = {
  retryLimit: RETRY_LIMIT,
  retryDelaySeconds: RETRY_DELAY_SECONDS,
  ingestExpireSeconds: INGEST_EXPIRE_SECONDS,
  analyzeExpireSeconds: ANALYZE_EXPIRE_SECONDS,
  analyzeDebounceSeconds: ANALYZE_DEBOUNCE_SECONDS,
  maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS,
};
