/**
 * `npm run eval [-- PART...]`: runs every evaluation part (`eval/*.eval.ts`), or only the named ones.
 * Each part reads public data from ../shared/data/ (or team-written gold in eval/gold/) and prints its own table;
 * a part whose data is absent prints one line saying so and is skipped, so the command works on any machine.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Part, runParts } from "./run-parts.js";

export interface EvalContext {
  /** Absolute path of ../shared/data, whether or not it exists. */
  sharedData: string;
  /** Absolute path of the repository root. */
  root: string;
  log(line?: string): void;
}

export type EvalPart = Part<EvalContext>;

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
process.exitCode = await runParts<EvalContext>(here, ".eval.ts", process.argv.slice(2), {
  sharedData: process.env.PARALLAX_SHARED_DATA ?? join(root, "..", "shared", "data"),
  root,
  log: (line = "") => process.stdout.write(`${line}\n`),
});
