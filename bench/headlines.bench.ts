/**
 * Short-text mode speed (CPU time) and heap on one stream of generated headlines, in stream order with their dates:
 * the model `parallax analyze` picks for a headline stream (dirichlet-stream.ts, 30-day archiving as in
 * group-headlines.ts), reported at 10k and 100k × scale with CPU cost per article by fifths of the stream. The peer,
 * measured in the same run on the same tokens, is the same model without splits: the ratio is what splits cost.
 * Tokenising and generation are excluded: only `add()` is timed. Generated headlines repeat one event's wording across
 * towns, so without splits the model lumps them into a dozen clusters (and scans few); the live-story counts are
 * printed beside the figures for that reason. This measures cost only: quality is measured on real headlines in
 * `npm run eval -- stories`.
 */
import { ARCHIVE_AFTER_MS } from "../src/cluster/cluster-params.js";
import { DirichletStream, type DirichletStreamOptions } from "../src/cluster/dirichlet-stream.js";
import { contentTokens } from "../src/cluster/tokenize.js";
import { generateCorpus } from "../src/generate/index.js";
import { exposeGc, heapAfterGc } from "./heap.js";
import type { BenchContext, BenchPart } from "./main.js";

const SIZES = [10_000, 100_000];
const SEED = 11;
const CHECKPOINTS = 5;
/** Headlines added between two timer reads: per-headline timer calls would add their own cost to the figure. */
const BATCH = 500;

interface Headline {
  tokens: string[];
  at: number;
}

interface Run {
  cpuMsAt: Map<number, number>;
  fifthsMicros: number[];
  /** Heap held by the stream at the end: heap after GC with it alive, less the heap before it was built. */
  heapMb: number;
  clusters: number;
  splits: number;
  merges: number;
}

function measure(headlines: readonly Headline[], options: DirichletStreamOptions, checkpoints: number[]): Run {
  const gc = exposeGc();
  const before = heapAfterGc(gc);
  const stream = new DirichletStream({ maxSilence: ARCHIVE_AFTER_MS, ...options });
  const cpuMsAt = new Map<number, number>();
  const fifthSize = Math.ceil(headlines.length / CHECKPOINTS);
  const fifthsMicros: number[] = Array.from({ length: CHECKPOINTS }, () => 0);
  let cpuMs = 0;
  for (let from = 0; from < headlines.length; from += BATCH) {
    const to = Math.min(from + BATCH, headlines.length);
    const cpu0 = process.cpuUsage();
    for (let i = from; i < to; i++) {
      const headline = headlines[i] as Headline;
      stream.add(headline.tokens, headline.at);
    }
    const elapsed = process.cpuUsage(cpu0);
    const batchMs = (elapsed.user + elapsed.system) / 1000;
    cpuMs += batchMs;
    const fifth = Math.min(CHECKPOINTS - 1, Math.floor(from / fifthSize));
    fifthsMicros[fifth] = (fifthsMicros[fifth] as number) + batchMs * 1000;
    for (const size of checkpoints) if (from < size && to >= size) cpuMsAt.set(size, cpuMs);
  }
  const heapMb = (heapAfterGc(gc) - before) / 1_048_576;
  return {
    cpuMsAt,
    fifthsMicros: fifthsMicros.map((micros, fifth) => {
      const count = Math.min(fifthSize, headlines.length - fifth * fifthSize);
      return count > 0 ? micros / count : 0;
    }),
    heapMb,
    clusters: stream.size,
    splits: stream.splits.length,
    merges: stream.merges.length,
  };
}

async function run(ctx: BenchContext): Promise<void> {
  const sizes = SIZES.map((base) => Math.round(base * ctx.scale));
  const total = sizes[sizes.length - 1] as number;
  const headlines: Headline[] = [];
  for (const { record } of generateCorpus({ articles: total, seed: SEED })) {
    const at = record.publishedAt === null ? Number.NaN : Date.parse(record.publishedAt);
    headlines.push({ tokens: [...new Set(contentTokens(record.title))], at: Number.isNaN(at) ? 0 : at });
  }
  const peer = measure(headlines, { splits: false, moves: false }, sizes);
  const product = measure(headlines, {}, sizes);
  ctx.log("| headlines | short-text mode (splits) articles/s per core | without splits (peer) | ratio |");
  ctx.log("|---|---|---|---|");
  for (const size of sizes) {
    const mine = size / ((product.cpuMsAt.get(size) as number) / 1000);
    const theirs = size / ((peer.cpuMsAt.get(size) as number) / 1000);
    ctx.log(`| ${size} | ${Math.round(mine)} | ${Math.round(theirs)} | ${(mine / theirs).toFixed(2)}× |`);
  }
  const micros = (fifths: number[]) => fifths.map((x) => x.toFixed(0)).join(" / ");
  ctx.log(
    `CPU µs per headline by fifth of the stream: ${micros(product.fifthsMicros)} (peer ${micros(peer.fifthsMicros)})`,
  );
  ctx.log(
    `At ${total}: ${product.clusters} live stories (peer ${peer.clusters}), ${product.splits} splits, ${product.merges} merges; heap after GC ` +
      `held by the model ${Math.round(product.heapMb)} MB (peer ${Math.round(peer.heapMb)} MB)`,
  );
}

const part: BenchPart = { name: "headlines", run };
export default part;
