/** Heap figures for the benchmarks: taken after a collection, so that checkpoints and runs compare. */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** `gc()` without a command-line flag: heap figures after a collection are comparable between checkpoints. */
export function exposeGc(): (() => void) | null {
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return null;
  }
}

/**
 * JS heap plus array buffers after a collection: the clusterer keeps its index in typed arrays, whose memory is not
 * in `heapUsed`; leaving it out would flatter the figure.
 */
export function heapAfterGc(gc: (() => void) | null): number {
  // Twice: buffers that died in the first collection (the records' message buffers) are freed by the second.
  gc?.();
  gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}
