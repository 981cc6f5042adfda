/**
 * `npm run gen -- --articles N --seed S [--out DIR] [--chars C]`: writes a labelled synthetic news stream,
 * `DIR/articles.jsonl` (one article per line) and `DIR/gold.jsonl` (per article: its story and the copy edges that
 * end at it). Streams, so a million articles need no more memory than a thousand.
 */
import { once } from "node:events";
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { generateCorpus } from "./corpus.js";

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new InvalidArgumentError(`Unexpected "${value}", expected a non-negative integer`);
  }
  return number;
}

const program = new Command()
  .name("gen")
  .description("Write a labelled synthetic news stream for the provenance evaluation and benchmark.")
  .requiredOption("--articles <n>", "number of articles", positiveInteger)
  .option("--seed <s>", "random seed", positiveInteger, 1)
  .option("--out <dir>", "output folder", "generated")
  .option("--chars <c>", "target article length in characters (default: 1,200 to 5,200)", positiveInteger)
  .parse();

const options = program.opts<{ articles: number; seed: number; out: string; chars?: number }>();
mkdirSync(options.out, { recursive: true });
const articles = createWriteStream(join(options.out, "articles.jsonl"));
const gold = createWriteStream(join(options.out, "gold.jsonl"));

async function write(stream: NodeJS.WritableStream, line: string): Promise<void> {
  if (!stream.write(line)) await once(stream, "drain");
}

let count = 0;
for (const item of generateCorpus({ articles: options.articles, seed: options.seed, articleChars: options.chars })) {
  await write(articles, `${JSON.stringify(item.record)}\n`);
  await write(gold, `${JSON.stringify({ id: item.record.id, story: item.story, edges: item.edges })}\n`);
  count++;
}
articles.end();
gold.end();
await Promise.all([once(articles, "finish"), once(gold, "finish")]);
process.stderr.write(`wrote ${count} articles to ${join(options.out, "articles.jsonl")} and gold to gold.jsonl\n`);
