/**
 * `npm run bench [-- PART...]`: runs every benchmark part (`bench/*.bench.ts`), or only the named ones.
 * Figures are reported as ratios against a peer measured in the same run, because these machines are noisy.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Part, runParts } from "../eval/run-parts.js";

export interface BenchContext {
  sharedData: string;
  root: string;
  /** Scale factor from PARALLAX_BENCH_SCALE (default 1): lets a quick run use smaller corpora. */
  scale: number;
  log(line?: string): void;
}

export type BenchPart = Part<BenchContext>;

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
process.exitCode = await runParts<BenchContext>(here, ".bench.ts", process.argv.slice(2), {
  sharedData: process.env.PARALLAX_SHARED_DATA ?? join(root, "..", "shared", "data"),
  root,
  scale: Number(process.env.PARALLAX_BENCH_SCALE ?? "1"),
  log: (line = "") => process.stdout.write(`${line}\n`),
});
