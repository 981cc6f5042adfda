/**
 * Online story clustering speed and memory on generated articles (10k, 100k, 1M × scale), with cost per article
 * at checkpoints to show it stays flat as the corpus grows, and a brute-force peer (every article compared with
 * every story) at a small size, as a ratio. Generation time is excluded: only `add()` is timed.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { articleTerms } from "../src/cluster/article-terms.js";
import { StoryClusterer } from "../src/cluster/index.js";
import type { Article } from "../src/model/article.js";
import type { BenchContext, BenchPart } from "./main.js";

const SIZES = [10_000, 100_000, 1_000_000];
/** Wall-clock budget for all sizes: a default run must end within minutes on a 2-core box; past it, stop and say so. */
const BUDGET_MS = 300_000;
const PEER_ARTICLES = 2_000;
const CHECKPOINTS = 5;
const SEED = 11;

type Generate = (options: { articles: number; seed: number }) => Iterable<{ record: GeneratedRecord }>;
interface GeneratedRecord {
  id: string;
  title: string;
  text: string;
  url: string;
  publishedAt: string | null;
  outlet: string;
  author: string | null;
}

function toArticle(record: GeneratedRecord): Article {
  return {
    id: record.id,
    path: null,
    url: record.url,
    title: record.title,
    outlet: record.outlet,
    author: record.author,
    publishedAt: record.publishedAt,
    language: "en",
    text: record.text,
    metadata: { fieldSources: {} },
    diagnostics: [],
  };
}

const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;

async function run(ctx: BenchContext): Promise<void> {
  const modulePath = join(ctx.root, "src", "generate", "index.ts");
  if (!existsSync(modulePath)) {
    ctx.log("stories: skipped, src/generate is not there to generate articles");
    return;
  }
  const { generateCorpus } = (await import(pathToFileURL(modulePath).href)) as { generateCorpus: Generate };
  const started = Date.now();

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
  ctx.log("");
  ctx.log("| articles | articles/s (add only) | µs/article by fifths of the stream | live stories | RSS | heap |");
  ctx.log("|---|---|---|---|---|---|");
  for (const base of SIZES) {
    const size = Math.round(base * ctx.scale);
    const remaining = BUDGET_MS - (Date.now() - started);
    if (remaining <= 0) {
      ctx.log(`| ${size} | not run: the ${BUDGET_MS / 1000} s budget is spent | | | | |`);
      continue;
    }
    const clusterer = new StoryClusterer();
    const step = Math.ceil(size / CHECKPOINTS);
    const perFifth: number[] = [];
    let spent = 0;
    let fifth = 0;
    let clock = 0;
    let count = 0;
    const deadline = Date.now() + remaining;
    for (const { record } of generateCorpus({ articles: size, seed: SEED })) {
      const article = toArticle(record);
      const published = article.publishedAt === null ? Number.NaN : Date.parse(article.publishedAt);
      if (!Number.isNaN(published)) clock = Math.max(clock, published);
      const t0 = performance.now();
      clusterer.add(article, { arrivedAt: clock });
      const elapsed = performance.now() - t0;
      spent += elapsed;
      fifth += elapsed;
      count++;
      if (count % step === 0) {
        perFifth.push((fifth * 1000) / step);
        fifth = 0;
      }
      if (count % 1000 === 0 && Date.now() > deadline) break;
    }
    const memory = process.memoryUsage();
    const stats = clusterer.stats();
    const stopped = count < size ? ` (stopped at ${count}: budget)` : "";
    ctx.log(
      `| ${count}${stopped} | ${Math.round(count / (spent / 1000))} | ${perFifth.map((us) => us.toFixed(0)).join(" / ")} | ` +
        `${stats.liveStories} of ${stats.stories} | ${mb(memory.rss)} | ${mb(memory.heapUsed)} |`,
    );
  }
}

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
