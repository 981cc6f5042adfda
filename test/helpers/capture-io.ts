import { Writable } from "node:stream";
import type { CliIo } from "../../src/cli/cli-io.js";

/** A CliIo whose streams collect what the command printed, for in-process CLI tests. */
export function captureIo(cwd: string): CliIo & { out(): string; err(): string } {
  const collect = () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        chunks.push(String(chunk));
        callback();
      },
    });
    return { stream, text: () => chunks.join("") };
  };
  const stdout = collect();
  const stderr = collect();
  return {
    stdout: stdout.stream,
    stderr: stderr.stream,
    cwd,
    env: {},
    out: stdout.text,
    err: stderr.text,
  };
}
