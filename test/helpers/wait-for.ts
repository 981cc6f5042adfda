/**
 * How long a multi-process test waits for its workers to reach a state. Generous because the machines are small and
 * shared: the tests assert what happens (nothing lost, nothing doubled), never how fast.
 */
export const WORKER_WAIT_MS = 150_000;

/** Polls `check` until it holds, or throws after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs = WORKER_WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
