import { describeRejected, ingestDocumentDetailed } from "../../ingest/index.js";
import { type CliIo, EXIT_OK, EXIT_SOME_FAILED, printLine } from "../cli-io.js";
import { expandPaths, readDocument } from "../read-inputs.js";

/** `parallax extract FILE...`: one JSON object per ingested article on stdout (JSON Lines); problems on stderr. */
export async function extractCommand(paths: readonly string[], io: CliIo): Promise<number> {
  let failedInputs = 0;
  const reportFailure = (source: string, reason: string) => {
    failedInputs++;
    printLine(io.stderr, `${source}: ${reason}`);
  };
  for (const file of await expandPaths(paths, io.cwd)) {
    if (file.status === "failed") {
      reportFailure(file.source, file.reason);
      continue;
    }
    const document = await readDocument(file.source, file.value);
    if (document.status === "failed") {
      reportFailure(document.source, document.reason);
      continue;
    }
    const ingested = ingestDocumentDetailed(document.value);
    if (ingested.status === "failed") {
      reportFailure(ingested.source, ingested.reason);
      continue;
    }
    for (const rejected of ingested.value.rejected) {
      failedInputs++;
      printLine(io.stderr, describeRejected(rejected));
    }
    for (const article of ingested.value.articles) printLine(io.stdout, JSON.stringify(article));
  }
  return failedInputs > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}
