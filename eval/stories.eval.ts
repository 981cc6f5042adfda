/**
 * Story clustering quality, one pass in stream order: MStream News (real headlines with gold stories), the generated
 * labelled corpus, and the demo corpus (two stories, nothing mixed). Scores: NMI and B-cubed precision/recall/F1.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { type ClusteringScores, scoreClustering } from "../src/cluster/clustering-scores.js";
import {
  DirichletStream,
  type DirichletStreamOptions,
  groupStories,
  MSTREAM_OPTIONS,
  StoryClusterer,
} from "../src/cluster/index.js";
import type { Article } from "../src/model/article.js";
import { blankArticle } from "../src/model/blank-article.js";
import type { EvalContext, EvalPart } from "./main.js";

/** Generated corpus size: big enough for dozens of interleaved stories, small enough to run in seconds. */
const GENERATED_ARTICLES = 5_000;
const GENERATED_SEED = 7;
/** MStream has no dates: every headline arrives at one fixed instant, so time plays no part in its scores. */
const MSTREAM_ARRIVAL = Date.parse("2013-12-01T00:00:00Z");
/** MStream's batching of News (16 batches of the stream); used by the labelled multi-pass-within-batch variant. */
const MSTREAM_BATCHES = 16;
/** Gibbs-style re-assignment rounds inside one batch for that variant. */
const MSTREAM_BATCH_ITERATIONS = 5;

function article(id: string, fields: Partial<Article>): Article {
  return blankArticle({ ...fields, id });
}

function line(ctx: EvalContext, name: string, s: ClusteringScores, seconds: number, count: number): void {
  const f = (x: number) => x.toFixed(3);
  ctx.log(
    `| ${name} | ${count} | ${s.clusters} / ${s.goldClusters} | ${f(s.nmi)} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} | ${Math.round(count / Math.max(seconds, 1e-9))} |`,
  );
}

async function mstream(ctx: EvalContext): Promise<void> {
  const file = join(ctx.sharedData, "mstream-news", "News.jsonl");
  if (!existsSync(file)) {
    ctx.log(`MStream News: skipped, ${file} not found`);
    return;
  }
  const rows = readFileSync(file, "utf8")
    .split("\n")
    .filter((row) => row.trim() !== "")
    .map((row) => JSON.parse(row) as { Id: string; clusterNo: number; textCleaned: string });
  const clusterer = new StoryClusterer({ now: () => MSTREAM_ARRIVAL });
  const started = performance.now();
  // Headlines only: title, no body. The gold label is read after the pass, never during assignment.
  for (const row of rows) clusterer.add(article(row.Id, { title: row.textCleaned, language: "en" }));
  const seconds = (performance.now() - started) / 1000;
  const predicted = rows.map((row) => clusterer.storyOf(row.Id) as string);
  const scores = scoreClustering(
    predicted,
    rows.map((row) => String(row.clusterNo)),
  );
  line(ctx, "MStream News (similarity, one pass)", scores, seconds, rows.length);
  ctx.log(`  merges: ${clusterer.merges.length}, articles moved by merges: ${clusterer.moves.length}`);
  mstreamProduct(ctx, rows);
  mstreamDirichlet(ctx, rows);
}

/**
 * What `parallax analyze` does with these headlines: `groupStories` in its default mode, which sees a headline stream
 * and picks the short-text model, on the product's own tokens (group-headlines.ts). One pass in stream order; every
 * headline arrives at the same instant, as MStream has no dates.
 */
function mstreamProduct(
  ctx: EvalContext,
  rows: ReadonlyArray<{ Id: string; clusterNo: number; textCleaned: string }>,
): void {
  const published = new Date(MSTREAM_ARRIVAL).toISOString();
  // Ids in stream order, so the batch's publication order (ties broken by id) is the stream order.
  const articles = rows.map((row) =>
    article(row.Id, { title: row.textCleaned, publishedAt: published, language: "en" }),
  );
  const started = performance.now();
  const groups = groupStories(articles, new Map(), { mode: "auto" });
  const seconds = (performance.now() - started) / 1000;
  const storyOf = new Map<string, string>();
  groups.forEach((group, index) => {
    for (const id of group.articleIds) storyOf.set(id, String(index));
  });
  line(
    ctx,
    "MStream News (product: `analyze` default, short-text mode chosen)",
    scoreClustering(
      rows.map((row) => storyOf.get(row.Id) as string),
      rows.map((row) => String(row.clusterNo)),
    ),
    seconds,
    rows.length,
  );
}

/**
 * The short-text mode (src/cluster/dirichlet-stream.ts) on the same headlines, already lower-cased with stop words
 * removed by the data set, so split on spaces. One pass, argmax: the default model (specificity prior, recorded
 * merges; ids resolved through the recorded merges after the pass), the same without merges, and plain MStream; then
 * the MStreamF-style batch variant of plain MStream, which is MULTI-PASS inside each batch (documents of the open
 * batch are re-assigned), printed for reference only.
 */
function mstreamDirichlet(ctx: EvalContext, rows: ReadonlyArray<{ clusterNo: number; textCleaned: string }>): void {
  const gold = rows.map((row) => String(row.clusterNo));
  const docs = rows.map((row) => row.textCleaned.split(" ").filter((token) => token !== ""));
  const onePass = (name: string, options: DirichletStreamOptions): string[] => {
    const stream = new DirichletStream(options);
    const started = performance.now();
    for (const tokens of docs) stream.add(tokens);
    const seconds = (performance.now() - started) / 1000;
    const predicted = docs.map((_, position) => String(stream.clusterOf(position)));
    line(ctx, name, scoreClustering(predicted, gold), seconds, rows.length);
    if (stream.merges.length > 0 || stream.splits.length > 0 || stream.moves.length > 0) {
      const small = stream.merges.filter((merge) => merge.rule === "small").length;
      const profile = stream.merges.length - small;
      const moved = stream.splits.reduce((sum, split) => sum + split.documents.length, 0);
      ctx.log(
        `  merges: ${stream.merges.length} (${small} small clusters re-decided, ${profile} similar profiles); ` +
          `splits: ${stream.splits.length} (${moved} headlines moved); moves: ${stream.moves.length}`,
      );
    }
    return predicted;
  };
  const predicted = onePass("MStream News (DMM, one pass: specificity prior + recorded merges, splits and moves)", {});
  const size = Math.ceil(docs.length / MSTREAM_BATCHES);
  let meanBatchNmi = 0;
  for (let from = 0; from < docs.length; from += size) {
    const part = scoreClustering(predicted.slice(from, from + size), gold.slice(from, from + size));
    meanBatchNmi += part.nmi / Math.ceil(docs.length / size);
  }
  ctx.log(
    `  DMM one pass: mean NMI within each of ${MSTREAM_BATCHES} batches ${meanBatchNmi.toFixed(3)} (global NMI above)`,
  );
  onePass("MStream News (DMM, one pass: the same without moves)", { moves: false });
  onePass("MStream News (DMM, one pass: the same without splits or moves)", { splits: false, moves: false });
  onePass("MStream News (DMM, one pass: specificity prior only, no merges, splits or moves)", {
    merges: false,
    splits: false,
    moves: false,
  });
  onePass("MStream News (DMM, one pass: plain MStream)", MSTREAM_OPTIONS);

  const batched = new DirichletStream({ ...MSTREAM_OPTIONS, batches: true });
  const started = performance.now();
  const refined: string[] = [];
  for (let from = 0; from < docs.length; from += size) {
    for (const tokens of docs.slice(from, from + size)) batched.add(tokens);
    batched.refineBatch(MSTREAM_BATCH_ITERATIONS);
    refined.push(...batched.closeBatch().map(String));
  }
  line(
    ctx,
    `MStream News (plain MStream, ${MSTREAM_BATCHES} batches × ${MSTREAM_BATCH_ITERATIONS} re-assignments: multi-pass within a batch)`,
    scoreClustering(refined, gold),
    (performance.now() - started) / 1000,
    rows.length,
  );
}

async function generated(ctx: EvalContext): Promise<void> {
  const modulePath = join(ctx.root, "src", "generate", "index.ts");
  if (!existsSync(modulePath)) {
    ctx.log("Generated corpus: skipped, src/generate is not there");
    return;
  }
  const generate = (await import(pathToFileURL(modulePath).href)) as {
    generateCorpus?: (options: { articles: number; seed: number }) => Iterable<{
      record: { id: string; title: string; text: string; publishedAt: string | null; outlet: string };
      story: string;
    }>;
  };
  if (generate.generateCorpus === undefined) {
    ctx.log("Generated corpus: skipped, src/generate has no generateCorpus");
    return;
  }
  const clusterer = new StoryClusterer();
  const ids: string[] = [];
  const gold: string[] = [];
  let clock = 0;
  let seconds = 0;
  for (const item of generate.generateCorpus({ articles: GENERATED_ARTICLES, seed: GENERATED_SEED })) {
    const { record } = item;
    const published = record.publishedAt === null ? Number.NaN : Date.parse(record.publishedAt);
    if (!Number.isNaN(published)) clock = Math.max(clock, published);
    const started = performance.now();
    // Undated copies arrive at the stream's newest time: what a live feed reader would stamp them with.
    clusterer.add(
      article(record.id, {
        title: record.title,
        text: record.text,
        publishedAt: record.publishedAt,
        outlet: record.outlet,
        language: "en",
      }),
      { arrivedAt: clock },
    );
    seconds += (performance.now() - started) / 1000;
    ids.push(record.id);
    gold.push(item.story);
  }
  const predicted = ids.map((id) => clusterer.storyOf(id) as string);
  line(ctx, `Generated (seed ${GENERATED_SEED})`, scoreClustering(predicted, gold), seconds, ids.length);
}

async function demo(ctx: EvalContext): Promise<void> {
  const goldFile = join(ctx.root, "eval", "gold", "demo", "stories.json");
  const ingestPath = join(ctx.root, "src", "ingest", "index.ts");
  if (!existsSync(goldFile) || !existsSync(ingestPath)) {
    ctx.log("Demo corpus: skipped, gold or src/ingest missing");
    return;
  }
  const { ingestDocument } = (await import(pathToFileURL(ingestPath).href)) as typeof import("../src/ingest/index.js");
  const gold = JSON.parse(readFileSync(goldFile, "utf8")) as { stories: Array<{ id: string; members: string[] }> };
  const goldOf = new Map<string, string>();
  for (const story of gold.stories) for (const member of story.members) goldOf.set(member, story.id);
  const keyOf = new Map<string, string>();
  const articles: Article[] = [];
  for (const path of listFiles(join(ctx.root, "examples"))) {
    const source = relative(ctx.root, path);
    const result = ingestDocument({ source, path: source, url: null, bytes: readFileSync(path) });
    if (result.status === "failed") {
      ctx.log(`  demo: ${source} failed to ingest: ${result.reason}`);
      continue;
    }
    result.value.forEach((entry, index) => {
      keyOf.set(entry.id, result.value.length > 1 ? `${source}#${index}` : source);
      articles.push(entry);
    });
  }
  const { extractMentions } = await import("../src/extract/entities/index.js");
  const { entityKeys } = await import("../src/pipeline/entity-keys.js");
  const started = performance.now();
  // As the pipeline does: entity keys from the entities stage (stable across romanisations) are clustering features.
  const features = new Map(articles.map((entry) => [entry.id, { entities: entityKeys(extractMentions(entry)) }]));
  const groups = groupStories(articles, features);
  const seconds = (performance.now() - started) / 1000;
  const storyOf = new Map<string, string>();
  groups.forEach((group, index) => {
    for (const id of group.articleIds) storyOf.set(id, `g${index}`);
  });
  const ids = articles.map((a) => a.id);
  const scores = scoreClustering(
    ids.map((id) => storyOf.get(id) as string),
    ids.map((id) => goldOf.get(keyOf.get(id) as string) ?? `unlabelled:${id}`),
  );
  line(ctx, "Demo corpus", scores, seconds, ids.length);
  const exact = scores.clusters === scores.goldClusters && scores.precision === 1 && scores.recall === 1;
  ctx.log(`  demo: ${exact ? "both stories found, nothing mixed" : "MISMATCH with eval/gold/demo/stories.json"}`);
}

function listFiles(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

const part: EvalPart = {
  name: "stories",
  async run(ctx) {
    ctx.log("| corpus | articles | stories found / gold | NMI | B³ precision | B³ recall | B³ F1 | articles/s |");
    ctx.log("|---|---|---|---|---|---|---|---|");
    await mstream(ctx);
    await generated(ctx);
    await demo(ctx);
    ctx.log("Targets: MStream NMI >= 0.90 and B³ F1 >= 0.85; generated B³ F1 >= 0.95; demo exact.");
  },
};

export default part;
