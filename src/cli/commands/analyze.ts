import { isAbsolute, join, relative } from "node:path";
import type { StoryMode } from "../../cluster/index.js";
import { buildReport } from "../../report/index.js";
import { updateStoredAnalysis } from "../../store/update-stored-analysis.js";
import { type CliIo, EXIT_FATAL, EXIT_OK, EXIT_SOME_FAILED, printLine } from "../cli-io.js";
import { ingestInputs } from "../ingest-inputs.js";
import { isPostgresUrl, openCliStore } from "../open-cli-store.js";
import { createProgress } from "../progress.js";
import { packageVersion } from "../version.js";
import { writeReport } from "../write-report.js";
import { enqueueInputs } from "./worker.js";

export interface AnalyzeOptions {
  out: string;
  db?: string;
  quiet: boolean;
  allowPrivate: boolean;
  /** Queue the inputs for workers instead of ingesting them in this process. */
  enqueue?: boolean;
  /** Story grouping model (cluster/group-stories.ts). */
  stories?: StoryMode;
}

/**
 * `parallax analyze INPUT...`: ingest every file, folder and URL, store each article in its own transaction,
 * bring the stored corpus's analysis up to date (new articles placed, touched stories analysed) and write the report. A bad input is reported on one line and the batch goes on.
 */
export async function analyzeCommand(inputs: readonly string[], options: AnalyzeOptions, io: CliIo): Promise<number> {
  if (options.enqueue) {
    const db = options.db ?? io.env.PARALLAX_DB ?? "";
    if (!isPostgresUrl(db)) {
      printLine(io.stderr, "parallax: --enqueue needs a PostgreSQL database: --db postgres://… or PARALLAX_DB");
      return EXIT_FATAL;
    }
    const result = await enqueueInputs(inputs, db, io);
    return result.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
  }
  const store = await openCliStore(options.db, io.cwd, io.env);
  try {
    const progress = createProgress(io, options.quiet);
    let started = false;
    let inputCount = 0;
    let failedInputs = 0;
    const stored = { inserted: 0, updated: 0, unchanged: 0 };
    const events = ingestInputs(inputs, {
      cwd: io.cwd,
      allowPrivate: options.allowPrivate,
      onInput: (source, _index, total) => {
        if (!started) progress.start(total);
        started = true;
        inputCount = total;
        progress.tick(source);
      },
    });
    for await (const event of events) {
      if (event.status === "failed") {
        failedInputs++;
        printLine(io.stderr, `${event.source}: ${event.reason}`);
        continue;
      }
      for (const article of event.value) {
        stored[await store.putArticle(article)]++;
      }
    }
    progress.stop();

    // Continues the analysis the database holds: new articles join stories, untouched stories are kept as they were.
    const { articles, update } = await updateStoredAnalysis(store, {
      storyMode: options.stories ?? "auto",
      analyzerVersion: packageVersion(),
    });
    if (update.restarted !== null) printLine(io.stderr, `parallax: grouping every article again (${update.restarted})`);
    const stories = update.stories;
    const report = buildReport(articles, stories, { version: packageVersion(), now: new Date() });
    const outFolder = isAbsolute(options.out) ? options.out : join(io.cwd, options.out);
    await writeReport(report, outFolder);
    const shownOut = relative(io.cwd, outFolder) || ".";
    printLine(
      io.stderr,
      `Analysed ${inputCount} inputs: ${stored.inserted} new articles, ` +
        (stored.updated > 0 ? `${stored.updated} updated, ` : "") +
        `${stored.unchanged} already stored, ${failedInputs} failed; ` +
        `${articles.length} articles in ${stories.length} stories (${update.analysed} analysed, ${update.reused} unchanged). ` +
        `Report: ${join(shownOut, "report.{json,md,html}")}`,
    );
    return failedInputs > 0 ? EXIT_SOME_FAILED : EXIT_OK;
  } finally {
    await store.close();
  }
}
