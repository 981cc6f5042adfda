import { SingleBar } from "cli-progress";
import type { CliIo } from "./cli-io.js";

export interface Progress {
  start(total: number): void;
  tick(label: string): void;
  stop(): void;
}

/** A progress bar on stderr for interactive runs; silent when stderr is not a terminal or with --quiet. */
export function createProgress(io: CliIo, quiet: boolean): Progress {
  if (quiet || io.stderr.isTTY !== true) return { start() {}, tick() {}, stop() {} };
  const bar = new SingleBar({
    stream: io.stderr,
    format: "{bar} {value}/{total} files | {label}",
    hideCursor: true,
    clearOnComplete: true,
  });
  let value = 0;
  return {
    start(total) {
      bar.start(total, 0, { label: "" });
    },
    tick(label) {
      value++;
      bar.update(value, { label: label.length > 50 ? `…${label.slice(-49)}` : label });
    },
    stop() {
      bar.stop();
    },
  };
}
