import { Command, CommanderError } from "commander";
import { type CliIo, EXIT_FATAL, printLine } from "./cli-io.js";
import { analyzeCommand } from "./commands/analyze.js";
import { extractCommand } from "./commands/extract.js";
import { DEFAULT_DB } from "./open-cli-store.js";
import { packageVersion } from "./version.js";

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
    .description("ingest files and folders, analyse the stored corpus, write report.{json,md,html}")
    .argument("<paths...>", "files and folders (read recursively)")
    .option("--out <dir>", "folder for the report files", "out")
    .option("--db <file>", `database: a SQLite file, or postgres://… (default: $PARALLAX_DB or ${DEFAULT_DB})`)
    .option("-q, --quiet", "no progress bar", false)
    .action(async (paths: string[], options: { out: string; db?: string; quiet: boolean }) => {
      exitCode = await analyzeCommand(paths, options, io);
    });

  program
    .command("extract")
    .description("ingest files and print each article as one JSON object per line (JSON Lines)")
    .argument("<paths...>", "files and folders (read recursively)")
    .action(async (paths: string[]) => {
      exitCode = await extractCommand(paths, io);
    });

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
