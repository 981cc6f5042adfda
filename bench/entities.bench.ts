/**
 * Entities benchmark: NER time per article, and resolution time per article when 100,000 entities are already
 * stored in an EntityIndex, each against a naive exact-string grouping measured in the same run.
 */
import { extractMentions, type Mention } from "../src/extract/entities/index.js";
import { blankArticle } from "../src/model/blank-article.js";
import type { Article } from "../src/model/index.js";
import { EntityIndex, indexInputs } from "../src/resolve/index.js";
import type { BenchContext, BenchPart } from "./main.js";

const STORED_ENTITIES = 100_000;
const ARTICLES = 400;
const WARM_UP = 30;
const GIVEN = [
  "Taras",
  "Olena",
  "Aliaksei",
  "Yulia",
  "Siarhei",
  "Volha",
  "Maren",
  "Tobias",
  "Ilya",
  "Hanna",
  "Piotr",
  "Anna",
  "Ihar",
  "Tatsiana",
  "Yury",
  "Marta",
];
const ONSETS = [
  "b",
  "d",
  "h",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "z",
  "br",
  "dr",
  "kr",
  "st",
  "zh",
  "ch",
  "sh",
];
const NUCLEI = ["a", "e", "i", "o", "u", "ia", "y"];
const ENDINGS = ["enka", "enko", "ich", "uk", "ov", "ova", "ski", "ska", "in", "ina", "ets", "yan"];

/** Deterministic generator so that every run measures the same work. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function surname(rand: () => number): string {
  let stem = "";
  const syllables = 2 + Math.floor(rand() * 2);
  for (let i = 0; i < syllables; i++) stem += pick(rand, ONSETS) + pick(rand, NUCLEI);
  const word = stem + pick(rand, ENDINGS);
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function makeArticle(rand: () => number, id: number, people: readonly string[]): Article {
  const paragraphs: string[] = [];
  for (let p = 0; p < 6; p++) {
    const a = pick(rand, people);
    const b = pick(rand, people);
    const org = `${surname(rand)} Foundation`;
    paragraphs.push(
      `Former Interior Minister ${a} said on Monday that the ${org} had been closed in ${surname(rand)}. ` +
        `Police said the press freedom group ${surname(rand)} Watch counted 200 detentions. ` +
        `${a.split(" ")[1]} told reporters that ${b}, a spokeswoman for the ministry, was lying. "We will appeal," she said.`,
    );
  }
  return blankArticle({ id: `bench-${id}`, language: "en", text: paragraphs.join("\n\n") });
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}

const part: BenchPart = {
  name: "entities",
  async run(ctx: BenchContext) {
    const rand = random(42);
    const stored = Math.round(STORED_ENTITIES * ctx.scale);
    const articleCount = Math.max(20, Math.round(ARTICLES * ctx.scale));
    // Fill both stores with the same names until the index holds the wanted number of distinct entities (generated
    // names that are spellings of one another merge): the index groups them, the peer keys them by exact string.
    const index = new EntityIndex();
    const peer = new Map<string, string[]>();
    const people: string[] = [];
    const fillStart = performance.now();
    while (index.size < stored) {
      const name = `${pick(rand, GIVEN)} ${surname(rand)}`;
      people.push(name);
      index.add({
        type: "person",
        name,
        mention: { articleId: `stored-${people.length}`, start: 0, end: name.length, text: name },
      });
    }
    const fillMs = performance.now() - fillStart;
    const storedBefore = index.size;
    people.forEach((name, i) => {
      const list = peer.get(name) ?? [];
      list.push(`stored-${i}`);
      peer.set(name, list);
    });

    const articles = Array.from({ length: articleCount }, (_, i) => makeArticle(rand, i, people));
    // Warm the JIT on articles that are not measured, so the first measured ones do not pay for compilation.
    for (let i = 0; i < WARM_UP; i++) extractMentions(makeArticle(rand, -1 - i, people));
    const nerTimes: number[] = [];
    const mentionsByArticle: Mention[][] = [];
    for (const article of articles) {
      const started = performance.now();
      mentionsByArticle.push(extractMentions(article));
      nerTimes.push(performance.now() - started);
    }
    const resolveTimes: number[] = [];
    const peerTimes: number[] = [];
    for (const mentions of mentionsByArticle) {
      const started = performance.now();
      for (const input of indexInputs(mentions)) index.add(input);
      resolveTimes.push(performance.now() - started);
      const peerStarted = performance.now();
      for (const m of mentions) {
        const key = `${m.type}\u0000${m.text}`;
        const list = peer.get(key) ?? [];
        list.push(m.articleId);
        peer.set(key, list);
      }
      peerTimes.push(performance.now() - peerStarted);
    }
    const mentionCount = mentionsByArticle.reduce((sum, list) => sum + list.length, 0);
    const resolveMean = resolveTimes.reduce((a, b) => a + b, 0) / resolveTimes.length;
    const peerMean = peerTimes.reduce((a, b) => a + b, 0) / peerTimes.length;
    ctx.log(
      `stored entities: ${storedBefore} before the articles (from ${people.length} generated names, filled in ${fillMs.toFixed(0)} ms); ${articleCount} articles, ${(mentionCount / articleCount).toFixed(1)} mentions/article`,
    );
    ctx.log("| measure | mean ms/article | median | p90 | peer (exact-string map) mean | ratio of means |");
    ctx.log("|---|---|---|---|---|---|");
    ctx.log(
      `| resolution (EntityIndex.add) | ${resolveMean.toFixed(3)} | ${quantile(resolveTimes, 0.5).toFixed(3)} | ${quantile(resolveTimes, 0.9).toFixed(3)} | ${peerMean.toFixed(4)} | ${(resolveMean / (peerMean || 1e-9)).toFixed(1)}x |`,
    );
    const nerMean = nerTimes.reduce((a, b) => a + b, 0) / nerTimes.length;
    ctx.log(
      `| NER (extractMentions) | ${nerMean.toFixed(3)} | ${quantile(nerTimes, 0.5).toFixed(3)} | ${quantile(nerTimes, 0.9).toFixed(3)} | - | - |`,
    );
    ctx.log(`target: resolution < 1 ms/article at 100,000 stored entities: ${resolveMean < 1 ? "met" : "NOT met"}`);
  },
};
export default part;
