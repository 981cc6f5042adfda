/**
 * `npm run bench -- analysis`: what bringing an analysed corpus up to date costs after a small batch of new
 * articles (`updateCorpus` with the prior stories and clusterer state, as `analyze`, the API and the workers run it),
 * against analysing the same grown corpus from nothing (`analyzeCorpus`, what every run did before), in the same
 * run on the same articles. CPU time of this process; the state's JSON round trip is included, store I/O is not.
 */
import { generateCorpus, toArticle } from "../src/generate/index.js";
import { analyzeCorpus, updateCorpus } from "../src/pipeline/index.js";
import type { BenchContext, BenchPart } from "./main.js";

/** Articles analysed before the batch, at scale 1: a few hundred stories, about a minute of analysis from nothing. */
const CORPUS = 2_000;
/** New articles per update: a burst of ingests between two debounced analyses (1% of the corpus). */
const BATCH = 20;
const SEED = 13;
/** Articles analysed once before timing, from another seed, so that no timed step pays for the JIT's warm-up. */
const WARM_UP = 100;

function cpuMs<T>(work: () => T): { value: T; ms: number } {
  const before = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(before);
  return { value, ms: (used.user + used.system) / 1000 };
}

async function run(ctx: BenchContext): Promise<void> {
  const corpus = Math.max(50, Math.round(CORPUS * ctx.scale));
  const batch = Math.max(1, Math.round(BATCH * ctx.scale));
  const articles = [...generateCorpus({ articles: corpus + batch, seed: SEED })].map((item) => toArticle(item.record));
  const before = articles.slice(0, corpus);
  analyzeCorpus([...generateCorpus({ articles: WARM_UP, seed: SEED + 1 })].map((item) => toArticle(item.record)));

  const first = cpuMs(() => updateCorpus(before));
  const prior = { stories: first.value.stories, state: first.value.state };
  const update = cpuMs(() => updateCorpus(articles, prior));
  const peer = cpuMs(() => analyzeCorpus(articles));

  ctx.log(`| step | articles | stories analysed / reused | CPU ms | ratio to the peer |`);
  ctx.log(`|---|---|---|---|---|`);
  ctx.log(
    `| first analysis | ${corpus} | ${first.value.analysed} / 0 | ${Math.round(first.ms)} | ${(first.ms / peer.ms).toFixed(2)} |`,
  );
  ctx.log(
    `| update after ${batch} new articles | ${articles.length} | ${update.value.analysed} / ${update.value.reused} | ` +
      `${Math.round(update.ms)} | ${(update.ms / peer.ms).toFixed(3)} |`,
  );
  ctx.log(
    `| peer: analyzeCorpus from nothing | ${articles.length} | ${peer.value.length} / 0 | ${Math.round(peer.ms)} | 1 |`,
  );
  ctx.log(
    `Update: ${(peer.ms / update.ms).toFixed(1)}× faster than analysing from nothing; state ${Math.round(
      update.value.state.length / 1024,
    )} KB of JSON.`,
  );
}

const part: BenchPart = { name: "analysis", run };
export default part;
