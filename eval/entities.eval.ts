/**
 * Entities evaluation. (a) SlavicNER: group person, organisation and place lemmas of every document (six languages,
 * Latin and Cyrillic) into entities with the resolver and score B-cubed against the cross-lingual ids.
 * (b) Mention-level NER precision/recall/F1 on the team's gold for the demo corpus.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Mention, MentionType } from "../src/extract/entities/index.js";
import { extractMentions, linkSurnames } from "../src/extract/entities/index.js";
import { blankArticle } from "../src/model/blank-article.js";
import type { Article } from "../src/model/index.js";
import { resolveEntities } from "../src/resolve/index.js";
import type { EvalContext, EvalPart } from "./main.js";

const TYPES: Readonly<Record<string, MentionType>> = { PER: "person", ORG: "organization", LOC: "place" };
const MAX_EXAMPLES = 10;
// Missed and spurious demo mentions listed after the table (ENTITIES_MISSES raises it when debugging).
const MAX_MISSES = Number(process.env.ENTITIES_MISSES ?? 30);

interface GoldMention {
  mention: Mention;
  gold: string;
}

function fakeArticle(id: string): Article {
  return blankArticle({ id });
}

function readSlavicNer(folder: string): { articles: Article[]; items: GoldMention[] } {
  const articles: Article[] = [];
  const items: GoldMention[] = [];
  for (const topic of readdirSync(folder).sort()) {
    for (const lang of readdirSync(join(folder, topic)).sort()) {
      for (const file of readdirSync(join(folder, topic, lang)).sort()) {
        const articleId = `${topic}/${lang}/${file}`;
        articles.push(fakeArticle(articleId));
        const rows: GoldMention[] = [];
        for (const line of readFileSync(join(folder, topic, lang, file), "utf8").split("\n")) {
          const [start, end, , lemma, tag, id] = line.split("\t");
          const type = tag ? TYPES[tag] : undefined;
          if (!type || !lemma || !id || start === undefined || end === undefined) continue;
          rows.push({
            mention: { articleId, start: Number(start), end: Number(end), text: lemma.trim(), type },
            gold: id,
          });
        }
        const linked = linkSurnames(rows.map((row) => row.mention));
        for (const [i, row] of rows.entries()) items.push({ mention: linked[i] ?? row.mention, gold: row.gold });
      }
    }
  }
  return { articles, items };
}

interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

function bcubed(pairs: ReadonlyArray<{ gold: string; predicted: string }>): Scores {
  const gold = new Map<string, number>();
  const predicted = new Map<string, number>();
  const both = new Map<string, number>();
  for (const { gold: g, predicted: p } of pairs) {
    gold.set(g, (gold.get(g) ?? 0) + 1);
    predicted.set(p, (predicted.get(p) ?? 0) + 1);
    both.set(`${g}\u0000${p}`, (both.get(`${g}\u0000${p}`) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const { gold: g, predicted: p } of pairs) {
    const shared = both.get(`${g}\u0000${p}`) ?? 0;
    precision += shared / (predicted.get(p) ?? 1);
    recall += shared / (gold.get(g) ?? 1);
  }
  precision /= pairs.length || 1;
  recall /= pairs.length || 1;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

const fmt = (x: number): string => x.toFixed(4);

function evalSlavicNer(ctx: EvalContext): void {
  const folder = join(ctx.sharedData, "slavicner", "ner");
  if (!existsSync(folder)) {
    ctx.log(`slavicner: skipped, ${folder} is absent`);
    return;
  }
  const { articles, items } = readSlavicNer(folder);
  const started = performance.now();
  const entities = resolveEntities(
    articles,
    items.map((item) => item.mention),
  );
  const elapsed = performance.now() - started;
  const entityOf = new Map<string, string>();
  for (const entity of entities)
    for (const m of entity.mentions ?? []) entityOf.set(`${m.articleId}\u0000${m.start}\u0000${m.end}`, entity.id);
  ctx.log(
    `slavicner: ${articles.length} documents, ${items.length} mentions, ${entities.length} entities, resolved in ${elapsed.toFixed(0)} ms`,
  );
  ctx.log("| type | mentions | gold ids | entities | B3 precision | B3 recall | B3 F1 | false merges |");
  ctx.log("|---|---|---|---|---|---|---|---|");
  const examples: Array<{ weight: number; line: string }> = [];
  for (const type of Object.values(TYPES)) {
    const pairs = items
      .filter((item) => item.mention.type === type)
      .map((item) => ({
        gold: item.gold,
        predicted: entityOf.get(`${item.mention.articleId}\u0000${item.mention.start}\u0000${item.mention.end}`) ?? "?",
        name: item.mention.text,
      }));
    const scores = bcubed(pairs);
    // A false merge: an entity holding mentions of more than one gold id; counted once per extra id.
    const idsByEntity = new Map<string, Map<string, Map<string, number>>>();
    for (const pair of pairs) {
      const ids = idsByEntity.get(pair.predicted) ?? new Map<string, Map<string, number>>();
      const names = ids.get(pair.gold) ?? new Map<string, number>();
      names.set(pair.name, (names.get(pair.name) ?? 0) + 1);
      ids.set(pair.gold, names);
      idsByEntity.set(pair.predicted, ids);
    }
    let falseMerges = 0;
    for (const ids of idsByEntity.values()) {
      if (ids.size < 2) continue;
      falseMerges += ids.size - 1;
      // Weight: what the merge costs in B-cubed precision, in mentions (sum over mentions of the wrong share).
      const sizes = [...ids.values()].map((names) => [...names.values()].reduce((a, b) => a + b, 0));
      const total = sizes.reduce((a, b) => a + b, 0);
      const weight = Math.round(total - sizes.reduce((a, b) => a + b * b, 0) / total);
      const line = [...ids]
        .map(
          ([id, names]) =>
            `${id} {${[...names]
              .sort((a, b) => b[1] - a[1])
              .slice(0, 3)
              .map(([n, c]) => `${n}×${c}`)
              .join(", ")}}`,
        )
        .join(" + ");
      examples.push({ weight, line: `  ${type} (${weight} mentions): ${line}` });
    }
    if (process.env.ENTITIES_SPLITS) logSplits(ctx, pairs, Number(process.env.ENTITIES_SPLITS));
    ctx.log(
      `| ${type} | ${pairs.length} | ${new Set(pairs.map((p) => p.gold)).size} | ${idsByEntity.size} | ${fmt(scores.precision)} | ${fmt(scores.recall)} | ${fmt(scores.f1)} | ${falseMerges} |`,
    );
    // The peer every resolver must beat on recall: one entity per exact lemma string. Its precision shows how much
    // of the loss is the gold's own (one written name under two ids), which no resolver can avoid.
    const exact = bcubed(pairs.map((pair) => ({ gold: pair.gold, predicted: pair.name })));
    ctx.log(
      `| ${type}, exact-lemma peer | ${pairs.length} | | ${new Set(pairs.map((p) => p.name)).size} | ${fmt(exact.precision)} | ${fmt(exact.recall)} | ${fmt(exact.f1)} | |`,
    );
  }
  ctx.log("false merge examples (entity = gold ids it mixes, with some of their names):");
  const limit = Number(process.env.ENTITIES_EXAMPLES ?? MAX_EXAMPLES);
  for (const { line } of examples.sort((a, b) => b.weight - a.weight).slice(0, limit)) ctx.log(line);
  const together = (a: string, b: string): string => {
    const ea = new Set(
      items
        .filter((item) => item.gold === a)
        .map((item) => entityOf.get(`${item.mention.articleId}\u0000${item.mention.start}\u0000${item.mention.end}`)),
    );
    const eb = items
      .filter((item) => item.gold === b)
      .map((item) => entityOf.get(`${item.mention.articleId}\u0000${item.mention.start}\u0000${item.mention.end}`));
    if (ea.size === 0 || eb.length === 0) return "not both in data";
    return eb.some((id) => ea.has(id)) ? "MERGED (wrong)" : "kept apart";
  };
  ctx.log(
    `husband/wife PER-Alexei-Navalny vs PER-Yulia-Navalnaya: ${together("PER-Alexei-Navalny", "PER-Yulia-Navalnaya")}`,
  );
  ctx.log(
    `look-alike PER-Alexander-Lukashenko vs PER-Alexander-Lukashev: ${together("PER-Alexander-Lukashenko", "PER-Alexander-Lukashev")}`,
  );
}

/** Debugging aid: gold ids split over several entities, costliest first (ENTITIES_SPLITS=n). */
function logSplits(
  ctx: EvalContext,
  pairs: ReadonlyArray<{ gold: string; predicted: string; name: string }>,
  limit: number,
): void {
  const byGold = new Map<string, Map<string, Map<string, number>>>();
  for (const pair of pairs) {
    const parts = byGold.get(pair.gold) ?? new Map<string, Map<string, number>>();
    const names = parts.get(pair.predicted) ?? new Map<string, number>();
    names.set(pair.name, (names.get(pair.name) ?? 0) + 1);
    parts.set(pair.predicted, names);
    byGold.set(pair.gold, parts);
  }
  const rows = [...byGold]
    .map(([gold, parts]) => {
      const sizes = [...parts.values()].map((names) => [...names.values()].reduce((a, b) => a + b, 0));
      const total = sizes.reduce((a, b) => a + b, 0);
      const cost = total - sizes.reduce((a, b) => a + b * b, 0) / total;
      const line = [...parts.values()]
        .map(
          (names) =>
            `{${[...names]
              .sort((a, b) => b[1] - a[1])
              .slice(0, 4)
              .map(([n, c]) => `${n}×${c}`)
              .join(", ")}}`,
        )
        .join(" ");
      return { cost, line: `  split ${gold} (${Math.round(cost)}): ${line}` };
    })
    .sort((a, b) => b.cost - a.cost);
  for (const row of rows.slice(0, limit)) ctx.log(row.line);
}

interface GoldEntry {
  text: string;
  type: string;
  entity?: string;
}

async function evalDemoGold(ctx: EvalContext): Promise<void> {
  const goldPath = join(ctx.root, "eval", "gold", "demo", "mentions.json");
  if (!existsSync(goldPath)) {
    ctx.log(`demo NER: skipped, ${goldPath} is not written yet`);
    return;
  }
  let ingest:
    | ((doc: import("../src/model/index.js").RawDocument) => import("../src/model/index.js").ItemResult<Article[]>)
    | undefined;
  try {
    const ingestModule = "../src/ingest/index.js";
    ingest = ((await import(ingestModule)) as { ingestDocument?: typeof ingest }).ingestDocument;
  } catch {
    ingest = undefined;
  }
  if (!ingest) {
    ctx.log("demo NER: skipped, src/ingest/index.ts does not export ingestDocument yet");
    return;
  }
  const gold = JSON.parse(readFileSync(goldPath, "utf8")) as Record<string, GoldEntry[]>;
  const counts = new Map<MentionType, { tp: number; fp: number; fn: number }>();
  for (const type of Object.values(TYPES)) counts.set(type, { tp: 0, fp: 0, fn: 0 });
  const misses: string[] = [];
  const allArticles: Article[] = [];
  const allMentions: Mention[] = [];
  const aligned: Array<{ gold: string; mention: Mention; type: MentionType }> = [];
  for (const [file, entries] of Object.entries(gold)) {
    // "feed.xml#1": the second article of a multi-article input.
    const [relative = file, indexText] = file.split("#");
    const path = join(ctx.root, relative);
    if (!existsSync(path)) continue;
    const result = ingest({ source: relative, path: relative, url: null, bytes: readFileSync(path) });
    if (result.status !== "ok") continue;
    const articles =
      indexText === undefined ? result.value : result.value.slice(Number(indexText), Number(indexText) + 1);
    const extracted = articles.map((article) => ({ article, mentions: extractMentions(article) }));
    for (const { article, mentions } of extracted) {
      allArticles.push(article);
      allMentions.push(...mentions);
    }
    const found = extracted.flatMap(({ mentions }) => mentions).filter((m) => !m.nominal);
    // Align gold and found occurrences of one text and type in document order, for the resolution score.
    const used = new Set<Mention>();
    for (const entry of entries) {
      const type = normaliseType(entry.type);
      const hit = found.find((m) => !used.has(m) && m.text === entry.text && m.type === type);
      if (!hit || !type || !entry.entity) continue;
      used.add(hit);
      aligned.push({ gold: entry.entity, mention: hit, type });
    }
    // Multiset comparison per type and text: order in the gold is document order, counts are what matter.
    for (const type of Object.values(TYPES)) {
      const want = new Map<string, number>();
      for (const entry of entries)
        if (normaliseType(entry.type) === type) want.set(entry.text, (want.get(entry.text) ?? 0) + 1);
      const got = new Map<string, number>();
      for (const m of found) if (m.type === type) got.set(m.text, (got.get(m.text) ?? 0) + 1);
      const count = counts.get(type);
      if (!count) continue;
      for (const [text, n] of got) {
        const tp = Math.min(n, want.get(text) ?? 0);
        count.tp += tp;
        count.fp += n - tp;
        if (n > tp && misses.length < MAX_MISSES) misses.push(`  FP ${type} "${text}" in ${file}`);
      }
      for (const [text, n] of want) {
        const missed = n - Math.min(n, got.get(text) ?? 0);
        count.fn += missed;
        if (missed > 0 && misses.length < MAX_MISSES) misses.push(`  FN ${type} "${text}" in ${file}`);
      }
    }
  }
  ctx.log("| type | precision | recall | F1 | tp | fp | fn |");
  ctx.log("|---|---|---|---|---|---|---|");
  for (const [type, c] of counts) {
    const p = c.tp / (c.tp + c.fp || 1);
    const r = c.tp / (c.tp + c.fn || 1);
    ctx.log(
      `| ${type} | ${fmt(p)} | ${fmt(r)} | ${fmt(p + r === 0 ? 0 : (2 * p * r) / (p + r))} | ${c.tp} | ${c.fp} | ${c.fn} |`,
    );
  }
  for (const line of misses) ctx.log(line);
  logDemoResolution(ctx, allArticles, allMentions, aligned);
}

/** B-cubed of the resolver on the demo corpus, over the gold mentions that NER found, against the gold entity ids. */
function logDemoResolution(
  ctx: EvalContext,
  articles: readonly Article[],
  mentions: readonly Mention[],
  aligned: ReadonlyArray<{ gold: string; mention: Mention; type: MentionType }>,
): void {
  const entities = resolveEntities(articles, mentions);
  const entityOf = new Map<string, string>();
  for (const entity of entities)
    for (const m of entity.mentions ?? []) entityOf.set(`${m.articleId}\u0000${m.start}`, entity.id);
  ctx.log("");
  ctx.log(
    `demo resolution: ${articles.length} articles, ${entities.length} entities, ${aligned.length} gold mentions aligned`,
  );
  ctx.log("| type | B3 precision | B3 recall | B3 F1 | false merges |");
  ctx.log("|---|---|---|---|---|");
  for (const type of Object.values(TYPES)) {
    const pairs = aligned
      .filter((a) => a.type === type)
      .map((a) => ({ gold: a.gold, predicted: entityOf.get(`${a.mention.articleId}\u0000${a.mention.start}`) ?? "?" }));
    const scores = bcubed(pairs);
    const goldByEntity = new Map<string, Set<string>>();
    for (const pair of pairs)
      goldByEntity.set(pair.predicted, (goldByEntity.get(pair.predicted) ?? new Set()).add(pair.gold));
    const merges = [...goldByEntity.values()].filter((ids) => ids.size > 1);
    ctx.log(
      `| ${type} | ${fmt(scores.precision)} | ${fmt(scores.recall)} | ${fmt(scores.f1)} | ${merges.map((ids) => [...ids].join("+")).join(", ") || "none"} |`,
    );
  }
}

function normaliseType(type: string): MentionType | undefined {
  const t = type.toLowerCase();
  if (t.startsWith("per")) return "person";
  if (t.startsWith("org")) return "organization";
  if (t.startsWith("loc") || t.startsWith("pla") || t === "gpe") return "place";
  return undefined;
}

const part: EvalPart = {
  name: "entities",
  async run(ctx) {
    evalSlavicNer(ctx);
    await evalDemoGold(ctx);
  },
};
export default part;
