/**
 * Ingest jobs share the process; an analysis runs alone in it. Analysis is synchronous CPU work that blocks the
 * event loop for seconds, so an ingest job in flight beside it would stall and could outlive its expiry and be
 * handed to a second worker. The analysis therefore waits for the ingests in flight, and new ones wait for it.
 */
export class WorkGate {
  #shared = 0;
  #exclusive: Promise<void> | null = null;
  #drained: (() => void) | null = null;

  /** Waits while an analysis runs, then admits one ingest job; call the returned function when it is done. */
  async enterShared(): Promise<() => void> {
    while (this.#exclusive !== null) await this.#exclusive;
    this.#shared++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.#shared--;
      if (this.#shared === 0) this.#drained?.();
    };
  }

  async runExclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.#exclusive !== null) await this.#exclusive;
    let release = () => {};
    this.#exclusive = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      if (this.#shared > 0) {
        await new Promise<void>((resolve) => {
          this.#drained = resolve;
        });
      }
      this.#drained = null;
      return await work();
    } finally {
      this.#exclusive = null;
      release();
    }
  }
}
