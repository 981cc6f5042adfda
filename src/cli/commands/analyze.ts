import { isAbsolute, join, relative } from "node:path";
import { describeRejected, ingestDocumentDetailed } from "../../ingest/index.js";
import { analyzeCorpus } from "../../pipeline/index.js";
import { buildReport } from "../../report/index.js";
import { type CliIo, EXIT_OK, EXIT_SOME_FAILED, printLine } from "../cli-io.js";
import { openCliStore } from "../open-cli-store.js";
import { createProgress } from "../progress.js";
import { expandPaths, readDocument } from "../read-inputs.js";
import { packageVersion } from "../version.js";
import { writeReport } from "../write-report.js";

export interface AnalyzeOptions {
  out: string;
  db?: string;
  quiet: boolean;
}

/**
 * `parallax analyze PATH...`: ingest every file, store each article in its own transaction, analyse the whole
 * stored corpus and write the report. A bad input is reported on one line and the batch goes on.
 */
export async function analyzeCommand(paths: readonly string[], options: AnalyzeOptions, io: CliIo): Promise<number> {
  const store = await openCliStore(options.db, io.cwd, io.env);
  try {
    const files = await expandPaths(paths, io.cwd);
    const progress = createProgress(io, options.quiet);
    progress.start(files.length);
    let failedInputs = 0;
    let inserted = 0;
    let unchanged = 0;
    const reportFailure = (source: string, reason: string) => {
      failedInputs++;
      printLine(io.stderr, `${source}: ${reason}`);
    };
    for (const file of files) {
      if (file.status === "failed") {
        reportFailure(file.source, file.reason);
        continue;
      }
      progress.tick(file.source);
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
      for (const article of ingested.value.articles) {
        if ((await store.putArticle(article)) === "inserted") inserted++;
        else unchanged++;
      }
    }
    progress.stop();

    const articles = await store.listArticles();
    const stories = analyzeCorpus(articles);
    await store.replaceStories(stories);
    const report = buildReport(articles, stories, { version: packageVersion(), now: new Date() });
    const outFolder = isAbsolute(options.out) ? options.out : join(io.cwd, options.out);
    await writeReport(report, outFolder);
    const shownOut = relative(io.cwd, outFolder) || ".";
    printLine(
      io.stderr,
      `Analysed ${files.length} inputs: ${inserted} new articles, ${unchanged} already stored, ${failedInputs} failed; ` +
        `${articles.length} articles in ${stories.length} stories. Report: ${join(shownOut, "report.{json,md,html}")}`,
    );
    return failedInputs > 0 ? EXIT_SOME_FAILED : EXIT_OK;
  } finally {
    await store.close();
  }
}
