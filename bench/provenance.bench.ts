/**
 * Provenance benchmark: articles per second for fingerprint + index + candidate check on generated ~5 KB articles,
 * peak memory and bytes per indexed article, against the npm `minhash` package doing the same fingerprint and LSH
 * work on the same sample articles in the same run: per-article CPU time of both, interleaved in chunks so machine
 * load hits both sides alike, and their ratio.
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
/** The peer runs ~40x slower; a thousand articles (~10 s of peer CPU) give a stable per-article time. */
const PEER_SAMPLE = 1000;
/** Both sides alternate in chunks of this many articles, so a burst of load from other processes hits both. */
const PEER_CHUNK = 100;
/** Articles each side processes first, unmeasured, so neither pays for JIT compilation in the measured part. */
const PEER_WARMUP = 50;
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
    const rates: Array<[number, number]> = [];
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
      rates.push([size, rate]);
      const maxRss = process.resourceUsage().maxRSS * 1024;
      context.log(
        `| ${size.toLocaleString("en")} | ${rate.toFixed(0)} | ${wallRate.toFixed(0)} | ${(candidates / size).toFixed(2)} | ` +
          `${(index.stats().bytes / size).toFixed(0)} | ${(heapGrowth / size).toFixed(0)} | ${mb(maxRss)} |`,
      );
    }

    // The peer: the same fingerprint work (word 4-shingles, 64-permutation MinHash, LSH insert and query), on the
    // same articles as Parallax, each side into a fresh index, CPU time per article.
    const require = createRequire(import.meta.url);
    const peer = require("minhash") as PeerModule;
    const sample = pool.slice(0, Math.min(PEER_SAMPLE, pool.length));
    const lsh = new peer.LshIndex({ bandSize: PEER_BAND_SIZE });
    const index = new CandidateIndex({ expectedArticles: sample.length + PEER_WARMUP });
    const runPeer = (text: string, id: string): void => {
      const minhash = new peer.Minhash({ numPerm: PEER_PERMUTATIONS });
      for (const shingle of peerShingles(text)) minhash.update(shingle);
      // Insert before query: the package's query throws on an empty index. The work is the same either way.
      lsh.insert(id, minhash);
      lsh.query(minhash);
    };
    const runOurs = (text: string, id: string): void => {
      const sketch = sketchText(text);
      index.query(sketch);
      index.add(id, sketch);
    };
    const warmup = pool.slice(sample.length, sample.length + PEER_WARMUP);
    warmup.forEach((text, i) => {
      runPeer(text, `w${i}`);
      runOurs(text, `w${i}`);
    });
    let peerMs = 0;
    let oursMs = 0;
    const cpuMs = (since: NodeJS.CpuUsage): number => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000;
    };
    for (let start = 0; start < sample.length; start += PEER_CHUNK) {
      const chunk = sample.slice(start, start + PEER_CHUNK);
      let cpuStart = process.cpuUsage();
      for (let i = 0; i < chunk.length; i++) runPeer(chunk[i] as string, `p${start + i}`);
      peerMs += cpuMs(cpuStart);
      cpuStart = process.cpuUsage();
      for (let i = 0; i < chunk.length; i++) runOurs(chunk[i] as string, `p${start + i}`);
      oursMs += cpuMs(cpuStart);
    }
    const peerUs = (peerMs * 1000) / sample.length;
    const oursUs = (oursMs * 1000) / sample.length;
    context.log();
    context.log(
      `Same ${sample.length} articles, CPU time per article, interleaved in chunks of ${PEER_CHUNK} ` +
        `(npm minhash: ${PEER_PERMUTATIONS} permutations, LSH bands of ${PEER_BAND_SIZE}):`,
    );
    context.log();
    context.log("| | CPU us/article | articles/s per core | ratio |");
    context.log("|---|---|---|---|");
    context.log(`| npm minhash | ${peerUs.toFixed(0)} | ${(1e6 / peerUs).toFixed(0)} | 1x |`);
    context.log(
      `| Parallax | ${oursUs.toFixed(1)} | ${(1e6 / oursUs).toFixed(0)} | ${(peerUs / oursUs).toFixed(1)}x |`,
    );
    for (const [size, rate] of rates) {
      context.log(
        `| Parallax at ${size.toLocaleString("en")} indexed (table above) | ${(1e6 / rate).toFixed(1)} | ` +
          `${rate.toFixed(0)} | ${(peerUs / (1e6 / rate)).toFixed(1)}x |`,
      );
    }
  },
};

export default part;
