import { Command, CommanderError, Option } from "commander";
import { type CliIo, EXIT_FATAL, printLine } from "./cli-io.js";
import { type AnalyzeOptions, analyzeCommand } from "./commands/analyze.js";
import { registerEntitiesCommands } from "./commands/entities.js";
import { extractCommand } from "./commands/extract.js";
import { registerServeCommand } from "./commands/serve.js";
import { registerStoriesCommands } from "./commands/stories.js";
import { registerWorkerCommands } from "./commands/worker.js";
import { DEFAULT_DB } from "./open-cli-store.js";
import { packageVersion } from "./version.js";

const ALLOW_PRIVATE_HELP = "let URLs reach loopback, private and link-local addresses (refused by default)";

/**
 * Parses the arguments and runs one command. Returns the exit code instead of exiting, so tests run it in process.
 * Misuse (unknown command or option) and fatal faults (a database that cannot be opened) give exit code 2.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name("parallax")
    .description("Compare how outlets cover a story: copies, stories, entities, agreements and conflicts.")
    .version(packageVersion())
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });

  program
    .command("analyze")
    .description("ingest files, folders and URLs, analyse the stored corpus, write report.{json,md,html}")
    .argument("<inputs...>", "files, folders (read recursively) and http(s) URLs of pages or feeds")
    .option("--out <dir>", "folder for the report files", "out")
    .option("--db <file>", `database: a SQLite file, or postgres://… (default: $PARALLAX_DB or ${DEFAULT_DB})`)
    .option("-q, --quiet", "no progress bar", false)
    .option("--allow-private", ALLOW_PRIVATE_HELP, false)
    .option("--enqueue", "queue the inputs for `parallax worker` processes instead (needs --db postgres://…)", false)
    .addOption(
      new Option("--stories <mode>", "story grouping: full-text, short-text (headlines, feed summaries) or auto")
        .choices(["auto", "full-text", "short-text"])
        .default("auto"),
    )
    .action(async (inputs: string[], options: AnalyzeOptions) => {
      exitCode = await analyzeCommand(inputs, options, io);
    });

  program
    .command("extract")
    .description("ingest files and print each article as one JSON object per line (JSON Lines)")
    .argument("<inputs...>", "files, folders (read recursively) and http(s) URLs")
    .option("--allow-private", ALLOW_PRIVATE_HELP, false)
    .action(async (inputs: string[], options: { allowPrivate: boolean }) => {
      exitCode = await extractCommand(inputs, options, io);
    });

  const setExitCode = (code: number) => {
    exitCode = code;
  };
  registerStoriesCommands(program, io, setExitCode);
  registerEntitiesCommands(program, io, setExitCode);
  registerServeCommand(program, io, setExitCode);
  registerWorkerCommands(program, io, setExitCode);

  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? 0 : EXIT_FATAL;
    }
    printLine(io.stderr, `parallax: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FATAL;
  }
}
