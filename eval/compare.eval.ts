/**
 * Comparison part of `npm run eval`: on the demo corpus and the second invented story, precision and recall of
 * conflicts found, quote speaker accuracy, timeline dates exact at their precision, and the share of brief
 * sentences whose citations support them (checked by `checkSupport`, not by the generator's own bookkeeping).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse as parseYaml } from "yaml";
import { compareStory } from "../src/compare/compare-story.js";
import { contentStems, overlap } from "../src/extract/dates/merge-timeline.js";
import { normalizeQuote } from "../src/extract/quotes/merge-quotes.js";
import type { Article } from "../src/model/article.js";
import type { RawDocument } from "../src/model/raw-document.js";
import type { ItemResult } from "../src/model/result.js";
import type { Claim, Entity, ProvenanceEdge } from "../src/model/story.js";
import { checkSupport } from "../src/summarize/check-support.js";
import type { EvalContext, EvalPart } from "./main.js";

/** Share of content words a predicted event must share with a gold event to be its match. */
const EVENT_MATCH_MIN_OVERLAP = 0.25;

type Ingest = (doc: RawDocument) => ItemResult<Article[]>;
interface GoldValue {
  value: string;
  members: string[];
}
interface GoldSet {
  name: string;
  dir: string;
  /** Files of the set, relative to the repo root. */
  files: string[];
}

const part: EvalPart = {
  name: "compare",
  async run(ctx: EvalContext) {
    const ingest = await load<{ ingestDocument?: Ingest }>(ctx.root, "src/ingest/index.ts");
    const sets: GoldSet[] = [
      { name: "demo", dir: "eval/gold/demo", files: listFiles(ctx.root, "examples") },
      {
        name: "second-story",
        dir: "eval/gold/second-story",
        files: listFiles(ctx.root, "eval/gold/second-story/articles"),
      },
    ];
    ctx.log("| set | articles | conflict P | conflict R | speaker acc | dates exact | brief supported |");
    ctx.log("| --- | --- | --- | --- | --- | --- | --- |");
    for (const set of sets) {
      if (!existsSync(join(ctx.root, set.dir, "claims.json"))) {
        ctx.log(`| ${set.name} | gold absent, skipped | | | | | |`);
        continue;
      }
      const articles = readArticles(ctx.root, set.files, ingest?.ingestDocument);
      if (articles === null) {
        ctx.log(`| ${set.name} | src/ingest is not there yet and the set has non-Markdown files, skipped | | | | | |`);
        continue;
      }
      await runSet(ctx, set, articles);
    }
  },
};
export default part;

async function runSet(ctx: EvalContext, set: GoldSet, articles: Article[]): Promise<void> {
  const gold = (file: string) => JSON.parse(readFileSync(join(ctx.root, set.dir, file), "utf8"));
  const entities = await resolveEntities(ctx.root, articles);
  const provenance = existsSync(join(ctx.root, set.dir, "provenance.json"))
    ? ((gold("provenance.json").edges ?? []) as ProvenanceEdge[]).map((e) => ({
        ...e,
        score: e.score ?? 1,
        evidence: [],
      }))
    : [];
  // Gold is per story; comparing per story keeps one story's figures out of the other's claims.
  const stories: string[][] = existsSync(join(ctx.root, set.dir, "stories.json"))
    ? (gold("stories.json").stories as Array<{ members: string[] }>).map((s) => s.members)
    : [articles.map((a) => a.id)];
  const claims: Claim[] = [];
  const quotes = [];
  const timeline = [];
  let briefTotal = 0;
  let briefOk = 0;
  for (const members of stories) {
    const storyArticles = articles.filter((a) => members.includes(a.id));
    const r = compareStory({ articles: storyArticles, entities: entities.list, provenance });
    claims.push(...r.claims);
    quotes.push(...r.quotes);
    timeline.push(...r.timeline);
    for (const b of r.brief) {
      briefTotal++;
      if (b.articleIds.length > 0 && checkSupport(b, storyArticles, entities.list).supported) briefOk++;
    }
  }

  const goldConflicts = (gold("claims.json").claims as Array<{ status: string; values: GoldValue[] }>).filter(
    (c) => c.status === "conflicting",
  );
  const predicted = claims.filter((c) => c.status === "conflicting");
  const matches = (c: Claim, g: { values: GoldValue[] }) => {
    const pv = new Set(c.values.map((v) => valueKey(v.value)));
    return g.values.filter((v) => pv.has(valueKey(v.value))).length >= 2;
  };
  const verbose = process.env.PARALLAX_EVAL_VERBOSE === "1";
  const say = (line: string) => {
    if (verbose) ctx.log(`  ${set.name}: ${line}`);
  };
  for (const c of predicted.filter((p) => !goldConflicts.some((g) => matches(p, g)))) {
    say(`extra conflict ${c.subject}/${c.property}: ${c.values.map((v) => v.value).join(" | ")}`);
  }
  for (const g of goldConflicts.filter((x) => !predicted.some((c) => matches(c, x)))) {
    say(`missed conflict ${g.values.map((v) => v.value).join(" | ")}`);
  }
  const tp = predicted.filter((c) => goldConflicts.some((g) => matches(c, g))).length;
  const found = goldConflicts.filter((g) => predicted.some((c) => matches(c, g))).length;

  const goldQuotes = gold("quotes.json").quotes as Array<{ text: string; speaker: string | null; members: string[] }>;
  const goldEntities = existsSync(join(ctx.root, set.dir, "entities.json"))
    ? (gold("entities.json").entities as Array<{ id: string; names: string[] }>)
    : [];
  let speakersRight = 0;
  for (const g of goldQuotes) {
    const norm = normalizeQuote(g.text);
    const q = quotes.find((p) => {
      const n = normalizeQuote(p.text);
      return (
        n.length > 0 && (n.includes(norm) || norm.includes(n)) && p.articleIds.some((id) => g.members.includes(id))
      );
    });
    const names = goldEntities.find((e) => e.id === g.speaker)?.names ?? [];
    if (q?.speakerName && names.some((n) => sameName(n, q.speakerName ?? ""))) speakersRight++;
    else
      say(
        `speaker ${q ? `"${q.speakerName}"` : "(quote not found)"} for "${g.text.slice(0, 50)}", expected ${g.speaker}`,
      );
  }

  const goldEvents = gold("timeline.json").events as Array<{
    date: string;
    precision: string;
    event: string;
    members: string[];
    evidence?: Record<string, string>;
  }>;
  let datesRight = 0;
  for (const g of goldEvents) {
    // Gold events are paraphrases; their verbatim evidence snippets are matched too, whichever is closer.
    const golds = [g.event, ...Object.values(g.evidence ?? {})].map((t) => contentStems(t));
    const best = timeline
      .filter((e) => e.articleIds.some((id) => g.members.includes(id)))
      .map((e) => ({ e, score: Math.max(...golds.map((s) => overlap(s, contentStems(e.event)))) }))
      .filter((x) => x.score >= EVENT_MATCH_MIN_OVERLAP)
      .sort((a, b) => b.score - a.score || Number(b.e.date === g.date) - Number(a.e.date === g.date))[0];
    if (best && best.e.date === g.date && best.e.precision === g.precision) datesRight++;
    else
      say(
        `date ${best ? `${best.e.date}/${best.e.precision} "${best.e.event}"` : "(no event)"} for ${g.date}/${g.precision} "${g.event}"`,
      );
  }
  const pct = (a: number, b: number) => (b === 0 ? "n/a" : `${((100 * a) / b).toFixed(0)}% (${a}/${b})`);
  ctx.log(
    `| ${set.name} | ${articles.length} | ${pct(tp, predicted.length)} | ${pct(found, goldConflicts.length)} | ${pct(speakersRight, goldQuotes.length)} | ${pct(datesRight, goldEvents.length)} | ${pct(briefOk, briefTotal)} |`,
  );
  if (entities.note) ctx.log(`  ${set.name}: ${entities.note}`);
}

/** "2,150", "2150" and "more than 2,000" compare by their words and digits only. */
function valueKey(v: string): string {
  return v
    .toLowerCase()
    .replace(/,(?=\d{3})/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function sameName(gold: string, predicted: string): boolean {
  const a = gold.toLowerCase();
  const b = predicted.toLowerCase();
  return a === b || b.endsWith(` ${a}`) || a.endsWith(` ${b}`);
}

async function load<T>(root: string, file: string): Promise<T | null> {
  if (!existsSync(join(root, file))) return null;
  try {
    return (await import(pathToFileURL(join(root, file)).href)) as T;
  } catch {
    return null;
  }
}

async function resolveEntities(root: string, articles: Article[]): Promise<{ list: Entity[]; note: string | null }> {
  const m = await load<{ extractMentions?: (a: Article) => unknown[] }>(root, "src/extract/entities/index.ts");
  const r = await load<{ resolveEntities?: (a: readonly Article[], m: readonly unknown[]) => Entity[] }>(
    root,
    "src/resolve/index.ts",
  );
  if (!m?.extractMentions || !r?.resolveEntities)
    return { list: [], note: "entity stages absent: entities=[] (names found by the fallback)" };
  try {
    const mentions = articles.flatMap((a) => m.extractMentions?.(a) ?? []);
    return { list: r.resolveEntities(articles, mentions), note: null };
  } catch (error) {
    return { list: [], note: `entity stages failed (${String(error)}): entities=[]` };
  }
}

function listFiles(root: string, dir: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(root.length + 1))
    .sort();
}

/** Articles with their gold member name as id (`path` or `path#i`), so predictions and gold speak of the same ids. */
function readArticles(root: string, files: string[], ingest: Ingest | undefined): Article[] | null {
  const out: Article[] = [];
  for (const file of files) {
    const bytes = readFileSync(join(root, file));
    if (ingest) {
      const r = ingest({ source: file, path: file, url: null, bytes });
      if (r.status !== "ok") continue;
      r.value.forEach((a, i) => {
        out.push({ ...a, id: r.value.length > 1 ? `${file}#${i}` : file });
      });
    } else if (file.endsWith(".md")) {
      out.push(markdownArticle(file, bytes.toString("utf8")));
    } else return null;
  }
  return out;
}

/** Stand-in reader for Markdown with front matter, used only while the ingest stage is not there. */
function markdownArticle(file: string, raw: string): Article {
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(raw);
  const meta = (fm ? parseYaml(fm[1] ?? "") : {}) as Record<string, unknown>;
  const body = fm ? raw.slice(fm[0].length) : raw;
  const date = meta.date instanceof Date ? meta.date.toISOString() : typeof meta.date === "string" ? meta.date : null;
  return {
    id: file,
    path: file,
    url: null,
    title: String(meta.title ?? ""),
    outlet: typeof meta.outlet === "string" ? meta.outlet : null,
    author: typeof meta.author === "string" ? meta.author : null,
    publishedAt: date,
    language: "en",
    text: body
      .trim()
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .join("\n\n"),
    metadata: { fieldSources: {} },
    diagnostics: [],
  };
}
