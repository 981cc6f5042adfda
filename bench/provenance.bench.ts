/**
 * Provenance benchmark: articles per second for fingerprint + index + candidate check on generated ~5 KB articles,
 * peak memory and bytes per indexed article, against the npm `minhash` package doing the same fingerprint and LSH
 * work on a sample in the same run (reported as a ratio, since these machines are noisy).
 */
import { createRequire } from "node:module";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { mix32 } from "../src/fingerprint/hash.js";
import { CandidateIndex, sketchText } from "../src/fingerprint/index.js";
import { generateCorpus } from "../src/generate/index.js";
import type { BenchContext, BenchPart } from "./main.js";

const SIZES = [100_000, 1_000_000];
/** Distinct generated articles; larger runs re-spin them (fresh names and figures), see `respin`. */
const POOL = 20_000;
const ARTICLE_CHARS = 5_000;
/** The peer runs ~100x slower; a few hundred articles give a stable per-article rate. */
const PEER_SAMPLE = 300;
const PEER_PERMUTATIONS = 64;
const PEER_BAND_SIZE = 4;
const SEED = 2026;
const BATCH = 1000;

interface PeerMinhash {
  update(value: string): void;
  hashvalues: number[];
}
interface PeerModule {
  Minhash: new (config?: { numPerm?: number; seed?: number }) => PeerMinhash;
  LshIndex: new (config?: {
    bandSize?: number;
  }) => {
    insert(key: string, minhash: PeerMinhash): void;
    query(minhash: PeerMinhash): string[];
  };
}

const SYLLABLES = ["ka", "ven", "tor", "mal", "ris", "dov", "quen", "lis", "bar", "os", "tel", "mur", "pen", "sar"];

/**
 * A new article from a pool article: every capitalised word and every number of three digits or more gets a fresh
 * value derived from (word, round), so round r of the pool is a new stream with new people, places and figures, and
 * copies within a round stay copies. Generating a million articles from templates would take longer than the bench.
 */
function respin(text: string, round: number): string {
  if (round === 0) return text;
  return text.replace(/\b(?:[A-Z][a-z]+|\d{3,})\b/g, (word) => {
    let h = mix32(round * 0x9e3779b1);
    for (let i = 0; i < word.length; i++) h = mix32(h ^ word.charCodeAt(i));
    if (word.charCodeAt(0) <= 57) return String(10 ** (word.length - 1) + (h % (9 * 10 ** (word.length - 1))));
    let out = "";
    for (let i = 0; i < 3; i++) {
      out += SYLLABLES[h % SYLLABLES.length];
      h = mix32(h);
    }
    return out.charAt(0).toUpperCase() + out.slice(1);
  });
}

/** A full GC before each memory reading, so heap growth is what the index holds, not the garbage of the test data. */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function peerShingles(text: string): string[] {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i + 4 <= words.length; i++) out.push(words.slice(i, i + 4).join(" "));
  return out;
}

const part: BenchPart = {
  name: "provenance",
  async run(context: BenchContext) {
    const sizes = SIZES.map((size) => Math.max(1000, Math.round(size * context.scale)));
    const poolSize = Math.min(POOL, Math.max(...sizes));
    const pool: string[] = [];
    for (const item of generateCorpus({ articles: poolSize, seed: SEED, articleChars: ARTICLE_CHARS })) {
      pool.push(item.record.text);
    }
    const meanChars = pool.reduce((sum, text) => sum + text.length, 0) / pool.length;
    context.log(`pool: ${pool.length} generated articles, mean ${meanChars.toFixed(0)} characters; single thread`);
    context.log();
    context.log(
      "| articles | articles/s per core (CPU time) | articles/s (wall) | candidates/article | index bytes/article | heap growth/article | peak RSS |",
    );
    context.log("|---|---|---|---|---|---|---|");
    let oursRate = 0;
    for (const size of sizes) {
      collectGarbage();
      const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
      const index = new CandidateIndex({ expectedArticles: size });
      let busy = 0;
      let cpu = 0;
      let candidates = 0;
      // Batches: the respin (test data) stays outside the measured time, and CPU time is read per batch, not per
      // article. CPU time gives the per-core rate even when other processes share the machine; wall time is shown too.
      for (let batchStart = 0; batchStart < size; batchStart += BATCH) {
        const texts: string[] = [];
        for (let i = batchStart; i < Math.min(size, batchStart + BATCH); i++) {
          texts.push(respin(pool[i % pool.length] as string, Math.floor(i / pool.length)));
        }
        const cpuStart = process.cpuUsage();
        const started = performance.now();
        texts.forEach((text, offset) => {
          const sketch = sketchText(text);
          candidates += index.query(sketch).length;
          index.add(`a${batchStart + offset}`, sketch);
        });
        busy += performance.now() - started;
        const used = process.cpuUsage(cpuStart);
        cpu += (used.user + used.system) / 1000;
      }
      collectGarbage();
      const memory = process.memoryUsage();
      const heapGrowth = memory.heapUsed + memory.arrayBuffers - heapBefore;
      const rate = size / (cpu / 1000);
      const wallRate = size / (busy / 1000);
      if (size === sizes[0]) oursRate = rate;
      const maxRss = process.resourceUsage().maxRSS * 1024;
      context.log(
        `| ${size.toLocaleString("en")} | ${rate.toFixed(0)} | ${wallRate.toFixed(0)} | ${(candidates / size).toFixed(2)} | ` +
          `${(index.stats().bytes / size).toFixed(0)} | ${(heapGrowth / size).toFixed(0)} | ${mb(maxRss)} |`,
      );
    }

    // The peer: the same fingerprint work (word 4-shingles, 64-permutation MinHash, LSH insert and query).
    const require = createRequire(import.meta.url);
    const peer = require("minhash") as PeerModule;
    const sample = pool.slice(0, Math.min(PEER_SAMPLE, pool.length));
    const lsh = new peer.LshIndex({ bandSize: PEER_BAND_SIZE });
    let cpuStart = process.cpuUsage();
    sample.forEach((text, i) => {
      const minhash = new peer.Minhash({ numPerm: PEER_PERMUTATIONS });
      for (const shingle of peerShingles(text)) minhash.update(shingle);
      lsh.insert(`p${i}`, minhash);
      lsh.query(minhash);
    });
    const cpuSeconds = (since: NodeJS.CpuUsage): number => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1e6;
    };
    const peerRate = sample.length / cpuSeconds(cpuStart);
    // Ours on the same sample, in the same moment, so the ratio is fair whatever the machine is doing.
    const index = new CandidateIndex({ expectedArticles: sample.length });
    cpuStart = process.cpuUsage();
    sample.forEach((text, i) => {
      const sketch = sketchText(text);
      index.query(sketch);
      index.add(`s${i}`, sketch);
    });
    const sampleRate = sample.length / cpuSeconds(cpuStart);
    context.log();
    context.log(
      `npm minhash (CPU time; ${PEER_PERMUTATIONS} permutations, LSH bands of ${PEER_BAND_SIZE}) on ${sample.length} articles: ` +
        `${peerRate.toFixed(0)} articles/s; Parallax on the same sample: ${sampleRate.toFixed(0)} articles/s ` +
        `(${(sampleRate / peerRate).toFixed(0)}x); at ${sizes[0]?.toLocaleString("en")} articles: ` +
        `${(oursRate / peerRate).toFixed(0)}x`,
    );
  },
};

export default part;
