/**
 * `npm run eval [-- PART...]`: runs every evaluation part (`eval/*.eval.ts`), or only the named ones.
 * Each part reads public data from ../shared/data/ (or team-written gold in eval/gold/) and prints its own table;
 * a part whose data is absent prints one line saying so and is skipped, so the command works on any machine.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface EvalPart {
  name: string;
  run(context: EvalContext): Promise<void>;
}

export interface EvalContext {
  /** Absolute path of ../shared/data, whether or not it exists. */
  sharedData: string;
  /** Absolute path of the repository root. */
  root: string;
  log(line?: string): void;
}

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith(".eval.ts"))
  .sort();
const context: EvalContext = {
  sharedData: process.env.PARALLAX_SHARED_DATA ?? join(root, "..", "shared", "data"),
  root,
  log: (line = "") => process.stdout.write(`${line}\n`),
};
let failures = 0;
for (const file of files) {
  const part = (await import(pathToFileURL(join(here, file)).href)).default as EvalPart;
  if (wanted.length > 0 && !wanted.includes(part.name)) continue;
  context.log(`\n## ${part.name}\n`);
  try {
    await part.run(context);
  } catch (error) {
    failures++;
    context.log(`evaluation ${part.name} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
process.exitCode = failures > 0 ? 1 : 0;
