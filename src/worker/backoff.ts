/** First wait after a database failure: long enough not to hammer a restarting server. */
export const DB_RETRY_FIRST_MS = 500;
/** Longest wait between attempts: a fail-over takes tens of seconds; waiting longer only delays recovery. */
export const DB_RETRY_MAX_MS = 15_000;
/**
 * Consecutive failures before the worker gives up and exits non-zero: with the doubling above that is about three
 * minutes, enough for a restart or fail-over; past it the database is really gone and the supervisor (systemd,
 * Kubernetes) should restart the worker and alert, rather than the worker idling silently.
 */
export const DB_MAX_CONSECUTIVE_FAILURES = 16;

/** The wait before attempt `failures + 1`: doubling from DB_RETRY_FIRST_MS, capped, with ±25 % jitter. */
export function backoffMs(failures: number, firstMs = DB_RETRY_FIRST_MS, maxMs = DB_RETRY_MAX_MS): number {
  const base = Math.min(maxMs, firstMs * 2 ** Math.max(0, failures - 1));
  // Jitter keeps a fleet of workers that lost the database together from reconnecting in lock step.
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/** Resolves after `ms`, or early (without error) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}

/**
 * Runs `attempt` until it succeeds, the signal aborts (rethrows the last error) or DB_MAX_CONSECUTIVE_FAILURES is
 * reached (rethrows), logging one line per failure with the wait before the next try.
 */
export async function retryWithBackoff<T>(
  what: string,
  attempt: () => Promise<T>,
  log: (line: string) => void,
  signal?: AbortSignal,
  maxFailures = DB_MAX_CONSECUTIVE_FAILURES,
): Promise<T> {
  for (let failures = 1; ; failures++) {
    try {
      return await attempt();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (failures >= maxFailures || signal?.aborted) throw error;
      const wait = backoffMs(failures);
      log(`worker: ${reason}; ${what}: attempt ${failures + 1} of ${maxFailures} in ${(wait / 1000).toFixed(1)} s`);
      await sleep(wait, signal);
    }
  }
}
