/**
 * Online story clustering speed (CPU time and wall) and heap on one stream of generated articles, reported at 10k,
 * 100k and 1M × scale, with CPU cost per article by fifths of the stream to show it stays flat as the corpus grows,
 * and a brute-force peer (every article compared with every story) at a small size, as a ratio. Generation time is
 * excluded: only `add()` is timed. The stream is generated in a child process, in parallel with clustering: the
 * generator costs about half as much as `add()` itself, and the run's budget is wall time.
 */
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { articleTerms } from "../src/cluster/article-terms.js";
import { StoryClusterer } from "../src/cluster/index.js";
import { type GeneratedRecord, generateCorpus, toArticle } from "../src/generate/index.js";
import type { Article } from "../src/model/article.js";
import { exposeGc, heapAfterGc } from "./heap.js";
import type { BenchContext, BenchPart } from "./main.js";

const SIZES = [10_000, 100_000, 1_000_000];
/** Wall-clock budget for the run: a default run must end within ~6 minutes on a 2-core box; past it, stop and say so. */
const BUDGET_MS = 330_000;
/** Articles added between two timer reads: per-article timer calls would add their own cost to the figure. */
const BATCH = 500;
/** Heap is sampled (after a GC) this often, to show whether memory per article stays flat. */
const HEAP_EVERY = 100_000;
const PEER_ARTICLES = 2_000;
const CHECKPOINTS = 5;
const SEED = 11;
/**
 * Records per message from the generator process, and messages asked for ahead: batches large enough that messaging
 * costs little per article, and enough of them in flight that a moment's delay of the generator (the box is shared)
 * does not stall the clusterer, while the records held at once stay a few megabytes.
 */
const GENERATOR_BATCH = 1_000;
const GENERATOR_AHEAD = 3;
/** Set in the generator process's environment: "articles,seed". */
const GENERATOR_ENV = "PARALLAX_STORIES_GENERATOR";

const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;

async function run(ctx: BenchContext): Promise<void> {
  const started = Date.now();
  const gc = exposeGc();

  // Peer: the same articles through a brute-force clusterer that compares each article with every story.
  const sample = [...generateCorpus({ articles: Math.round(PEER_ARTICLES * ctx.scale), seed: SEED })].map((item) =>
    toArticle(item.record),
  );
  const online = timeOnline(sample);
  const brute = timeBruteForce(sample);
  ctx.log(
    `Peer at ${sample.length} articles: online ${Math.round(online)} articles/s, brute force ${Math.round(brute)} articles/s ` +
      `(ratio ${(online / brute).toFixed(1)}×)`,
  );

  // One stream of the largest size, reported at each checkpoint size: the smaller sizes are its prefixes, so the
  // whole run fits the budget and the rows show how the cost moves as the same stream grows.
  const sizes = SIZES.map((base) => Math.round(base * ctx.scale));
  const size = sizes[sizes.length - 1] as number;
  const clusterer = new StoryClusterer();
  const heapEvery = Math.round(HEAP_EVERY * ctx.scale);
  const rows: string[] = [];
  const heaps: string[] = [];
  /** CPU ms of each batch, split into fifths of whatever the run reached at the end. */
  const batchCpuMs: number[] = [];
  const batchSizes: number[] = [];
  let cpuMs = 0;
  let wallMs = 0;
  let clock = 0;
  let count = 0;
  const deadline = started + BUDGET_MS;
  const batch: Article[] = [];
  const arrivals: number[] = [];
  const flush = () => {
    // CPU time of this process (the box is shared: wall time also counts other work); the batch keeps the
    // timer calls out of the per-article cost.
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < batch.length; i++) clusterer.add(batch[i] as Article, { arrivedAt: arrivals[i] as number });
    const elapsed = process.cpuUsage(cpu0);
    const cpu = (elapsed.user + elapsed.system) / 1000;
    wallMs += performance.now() - t0;
    cpuMs += cpu;
    batchCpuMs.push(cpu);
    batchSizes.push(batch.length);
    batch.length = 0;
    arrivals.length = 0;
  };
  const checkpoint = () => {
    if (count % heapEvery === 0) heaps.push(`${count / 1000}k: ${mb(heapAfterGc(gc))}`);
    if (sizes.includes(count)) {
      const stats = clusterer.stats();
      rows.push(
        `| ${count} | ${Math.round(count / (cpuMs / 1000))} | ${Math.round(count / (wallMs / 1000))} | ` +
          `${stats.liveStories} of ${stats.stories} | ${stats.vocabulary} | ${mb(heapAfterGc(gc))} |`,
      );
    }
  };
  const corpus = new ForkedCorpus(size, SEED);
  const streamStarted = performance.now();
  /** Wall time spent waiting for the generator: it should keep ahead of the clusterer. */
  let waitMs = 0;
  try {
    stream: for (;;) {
      const asked = performance.now();
      const records = await corpus.next();
      waitMs += performance.now() - asked;
      if (records === null) break;
      for (const record of records) {
        const article = toArticle(record);
        const published = article.publishedAt === null ? Number.NaN : Date.parse(article.publishedAt);
        if (!Number.isNaN(published)) clock = Math.max(clock, published);
        batch.push(article);
        arrivals.push(clock);
        count++;
        if (batch.length === BATCH || count % heapEvery === 0 || sizes.includes(count)) {
          flush();
          checkpoint();
          if (Date.now() > deadline) break stream;
        }
      }
    }
  } finally {
    corpus.close();
  }
  if (batch.length > 0) flush();
  const streamWallMs = performance.now() - streamStarted;
  if (!sizes.includes(count)) {
    const stats = clusterer.stats();
    rows.push(
      `| ${count} (stopped: the ${BUDGET_MS / 1000} s budget is spent) | ${Math.round(count / (cpuMs / 1000))} | ` +
        `${Math.round(count / (wallMs / 1000))} | ${stats.liveStories} of ${stats.stories} | ${stats.vocabulary} | ` +
        `${mb(heapAfterGc(gc))} |`,
    );
  }
  ctx.log("");
  ctx.log(
    "| articles | articles/s, CPU time | articles/s, wall | live stories | vocabulary | heap + array buffers after GC |",
  );
  ctx.log("|---|---|---|---|---|---|");
  for (const row of rows) ctx.log(row);
  ctx.log("");
  const fifths = Array.from({ length: CHECKPOINTS }, (_, index) => {
    const from = Math.floor((index * batchCpuMs.length) / CHECKPOINTS);
    const to = Math.floor(((index + 1) * batchCpuMs.length) / CHECKPOINTS);
    const spent = batchCpuMs.slice(from, to).reduce((sum, ms) => sum + ms, 0);
    const articles = batchSizes.slice(from, to).reduce((sum, n) => sum + n, 0);
    return ((spent * 1000) / articles).toFixed(0);
  });
  ctx.log(`CPU µs/article by fifths of the ${count} articles added: ${fifths.join(" / ")}`);
  ctx.log(`Heap + array buffers after GC every ${heapEvery / 1000}k articles: ${heaps.join(", ")}`);
  ctx.log(
    `Stream wall time ${Math.round(streamWallMs / 1000)} s: add() ${Math.round(wallMs / 1000)} s, waiting for the ` +
      `generator ${Math.round(waitMs / 1000)} s, the rest (receiving records, heap checkpoints) ` +
      `${Math.round((streamWallMs - wallMs - waitMs) / 1000)} s`,
  );
}

/**
 * The generated stream, made by a child process (this file, run with GENERATOR_ENV set) GENERATOR_AHEAD batches
 * ahead of the reader: generating costs wall time in parallel instead of in series, and its CPU time is the child's,
 * not this process's. The records are the same as `generateCorpus` gives in this process.
 */
class ForkedCorpus {
  readonly #child: ChildProcess;
  /** Requests sent and not yet read, oldest first; the child answers them in order. */
  readonly #requests: Array<Promise<GeneratedRecord[] | null>> = [];
  readonly #waiting: Array<{ resolve(records: GeneratedRecord[] | null): void; reject(error: Error): void }> = [];
  #ended = false;

  constructor(articles: number, seed: number) {
    this.#child = fork(fileURLToPath(import.meta.url), [], {
      env: { ...process.env, [GENERATOR_ENV]: `${articles},${seed}` },
      serialization: "advanced",
    });
    this.#child.on("message", (message: { records: GeneratedRecord[] }) => {
      this.#waiting.shift()?.resolve(message.records.length > 0 ? message.records : null);
    });
    this.#child.on("exit", (code) => {
      const error = new Error(`Unexpected exit of the generator process (code ${code}), expected records`);
      for (const waiting of this.#waiting.splice(0)) waiting.reject(error);
    });
    for (let k = 0; k < GENERATOR_AHEAD; k++) this.#request();
  }

  /** The next batch of records (null at the end); another is requested at once, to stay GENERATOR_AHEAD ahead. */
  async next(): Promise<GeneratedRecord[] | null> {
    const records = await (this.#requests.shift() ?? Promise.resolve(null));
    if (records === null) this.#ended = true;
    else this.#request();
    return records;
  }

  close(): void {
    this.#child.removeAllListeners("exit");
    this.#child.kill();
    // Requests still in flight are never answered: settle them so nothing waits on them.
    for (const waiting of this.#waiting.splice(0)) waiting.resolve(null);
  }

  #request(): void {
    if (this.#ended) return;
    const request = new Promise<GeneratedRecord[] | null>((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#child.send({ want: GENERATOR_BATCH });
    });
    // Only the request read first reports a failure; the ones behind it must not count as unhandled rejections.
    request.catch(() => {});
    this.#requests.push(request);
  }
}

/** The generator process: answers each request with the next batch of records (an empty one at the end). */
function serveCorpus(spec: string): void {
  const [articles, seed] = spec.split(",").map(Number);
  const items = generateCorpus({ articles: articles as number, seed: seed as number })[Symbol.iterator]();
  process.on("message", ({ want }: { want: number }) => {
    const records: GeneratedRecord[] = [];
    while (records.length < want) {
      const next = items.next();
      if (next.done === true) break;
      records.push(next.value.record);
    }
    process.send?.({ records });
  });
  process.on("disconnect", () => process.exit(0));
}

const generatorSpec = process.env[GENERATOR_ENV];
if (generatorSpec !== undefined && process.send !== undefined) serveCorpus(generatorSpec);

function timeOnline(articles: readonly Article[]): number {
  const clusterer = new StoryClusterer();
  const t0 = performance.now();
  for (const article of articles) clusterer.add(article, { arrivedAt: Date.parse(article.publishedAt ?? "") || 0 });
  return articles.length / ((performance.now() - t0) / 1000);
}

/** Same weighted terms and TF-IDF cosine, but every story's centroid is compared with every article. */
function timeBruteForce(articles: readonly Article[]): number {
  const df = new Map<string, number>();
  const stories: Array<Map<string, number>> = [];
  let documents = 0;
  const t0 = performance.now();
  for (const article of articles) {
    const { counts } = articleTerms(article);
    documents++;
    for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    const idf = (term: string) => Math.log(1 + documents / (df.get(term) ?? 1));
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of counts) {
      const weight = (1 + Math.log(count)) * idf(term);
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    let best: Map<string, number> | null = null;
    let bestSimilarity = 0.35;
    for (const centroid of stories) {
      let dot = 0;
      let centroidNorm = 0;
      for (const [term, weight] of centroid) {
        centroidNorm += weight * weight;
        const other = vector.get(term);
        if (other !== undefined) dot += weight * other;
      }
      const similarity = dot / (norm * Math.sqrt(centroidNorm || 1));
      if (similarity > bestSimilarity) {
        bestSimilarity = similarity;
        best = centroid;
      }
    }
    if (best === null) stories.push(new Map(vector));
    else for (const [term, weight] of vector) best.set(term, (best.get(term) ?? 0) + weight / norm);
  }
  return articles.length / ((performance.now() - t0) / 1000);
}

const part: BenchPart = { name: "stories", run };
export default part;
