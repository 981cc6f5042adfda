import { type CliIo, EXIT_OK, EXIT_SOME_FAILED, printLine } from "../cli-io.js";
import { ingestInputs } from "../ingest-inputs.js";

/** `parallax extract INPUT...`: one JSON object per ingested article on stdout (JSON Lines); problems on stderr. */
export async function extractCommand(
  inputs: readonly string[],
  options: { allowPrivate: boolean },
  io: CliIo,
): Promise<number> {
  let failedInputs = 0;
  for await (const event of ingestInputs(inputs, { cwd: io.cwd, allowPrivate: options.allowPrivate })) {
    if (event.status === "failed") {
      failedInputs++;
      printLine(io.stderr, `${event.source}: ${event.reason}`);
      continue;
    }
    for (const article of event.value) printLine(io.stdout, JSON.stringify(article));
  }
  return failedInputs > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}
