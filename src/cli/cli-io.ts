/** The CLI's streams, passed in so tests can run commands in process and read what they printed. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Exit codes: 0 all inputs ok, 1 some inputs failed (the rest was processed), 2 misuse or a fatal fault. */
export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_FATAL = 2;

export function printLine(stream: NodeJS.WritableStream, line: string): void {
  stream.write(`${line}\n`);
}
