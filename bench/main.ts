/**
 * `npm run bench [-- PART...]`: runs every benchmark part (`bench/*.bench.ts`), or only the named ones.
 * Figures are reported as ratios against a peer measured in the same run, because these machines are noisy.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface BenchPart {
  name: string;
  run(context: BenchContext): Promise<void>;
}

export interface BenchContext {
  sharedData: string;
  root: string;
  /** Scale factor from PARALLAX_BENCH_SCALE (default 1): lets a quick run use smaller corpora. */
  scale: number;
  log(line?: string): void;
}

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith(".bench.ts"))
  .sort();
const context: BenchContext = {
  sharedData: process.env.PARALLAX_SHARED_DATA ?? join(root, "..", "shared", "data"),
  root,
  scale: Number(process.env.PARALLAX_BENCH_SCALE ?? "1"),
  log: (line = "") => process.stdout.write(`${line}\n`),
};
let failures = 0;
for (const file of files) {
  const part = (await import(pathToFileURL(join(here, file)).href)).default as BenchPart;
  if (wanted.length > 0 && !wanted.includes(part.name)) continue;
  context.log(`\n## ${part.name}\n`);
  try {
    await part.run(context);
  } catch (error) {
    failures++;
    context.log(`benchmark ${part.name} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
process.exitCode = failures > 0 ? 1 : 0;
