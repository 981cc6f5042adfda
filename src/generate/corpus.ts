import { detailFact, type Fact, person, renderFact, type StoryFacts, storyFacts, variantCount } from "./facts.js";
import { Random } from "./random.js";
import { EVENTS, OUTLETS, type OutletInfo, PLACES, SYNONYMS, WEEKDAYS, WIRES } from "./vocabulary.js";

/** One generated article as written to `articles.jsonl`. */
export interface GeneratedRecord {
  id: string;
  title: string;
  text: string;
  url: string;
  publishedAt: string | null;
  outlet: string;
  author: string | null;
}

export type GoldRelation = "duplicate" | "near-duplicate" | "rewrite" | "credit";

/**
 * A labelled derivation. `source` is an article id, `outlet:<name>` for a credited outlet outside the corpus, or
 * `hidden:<story>` for a wire original that was never published in the corpus (its copies are siblings).
 */
export interface GoldEdge {
  source: string;
  target: string;
  relation: GoldRelation;
}

export interface GeneratedItem {
  record: GeneratedRecord;
  story: string;
  /** Edges whose target is this article. */
  edges: GoldEdge[];
}

export interface CorpusOptions {
  articles: number;
  seed: number;
  /** Target body length in characters; by default each article draws one between 1,200 and 5,200. */
  articleChars?: number;
  /** ISO time of the first article. */
  start?: string;
}

/** Stories open at once: enough to interleave copies of one story with others, few enough to keep memory flat. */
const ACTIVE_STORIES = 24;
/** Minutes between consecutive articles of the stream (uniform up to this). */
const MAX_GAP_MINUTES = 4;
/** Near-copy word edit rates: light copy-editing, as wire subscribers do. */
const MIN_EDIT_RATE = 0.01;
const MAX_EDIT_RATE = 0.06;
/** Words at the start of a near copy that edits leave alone (the dateline and its credit). */
const PROTECTED_WORDS = 8;
/** Copies that lose their date (feeds without one) or carry the same date as their origin. */
const UNDATED_COPY_SHARE = 0.07;
const SAME_DATE_COPY_SHARE = 0.05;

interface Written {
  id: string | null;
  outlet: OutletInfo | null;
  wire: string | null;
  facts: Array<{ fact: Fact; variant: number }>;
  /** Body paragraphs (dateline included), without trailer. */
  paragraphs: string[];
  text: string;
  title: string;
  time: number | null;
  author: string | null;
}

interface Step {
  run(): GeneratedItem | null;
}

interface ActiveStory {
  id: string;
  steps: Step[];
}

const FILLERS = ["also", "now", "reportedly", "still", "indeed"];

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}

function paragraphsOf(r: Random, sentences: string[]): string[] {
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; ) {
    const size = Math.min(sentences.length - i, r.int(1, 3));
    paragraphs.push(sentences.slice(i, i + size).join(" "));
    i += size;
  }
  return paragraphs;
}

function dateline(place: string, outlet: OutletInfo | null, wire: string | null): string {
  if (wire) return `${place.toUpperCase()} (${wire}) — `;
  return outlet?.dateline ? `${place.toUpperCase()} — ` : "";
}

function assemble(paragraphs: readonly string[], trailer: string | null): string {
  return [...paragraphs, ...(trailer ? [trailer] : [])].join("\n\n");
}

/** Replaces words by synonyms (and, unless `synonymsOnly`, deletes or pads some) at `rate`, outside quotes. */
function editWords(r: Random, text: string, rate: number, protectedWords: number, synonymsOnly = false): string {
  const parts = text.split(" ");
  const out: string[] = [];
  let inQuote = false;
  parts.forEach((part, index) => {
    const opens = part.includes("“");
    const closes = part.includes("”");
    if (opens) inQuote = true;
    const editable = index >= protectedWords && !inQuote && /^[a-z]+[,.]?$/.test(part);
    if (closes) inQuote = false;
    if (!editable || !r.chance(rate)) {
      out.push(part);
      return;
    }
    const bare = part.replace(/[,.]$/, "");
    const tail = part.slice(bare.length);
    const synonyms = SYNONYMS.get(bare);
    if (synonyms) out.push(r.pick(synonyms) + tail);
    else if (synonymsOnly) out.push(part);
    else if (r.chance(0.5) && tail === "") return;
    else out.push(`${bare} ${r.pick(FILLERS)}${tail}`);
  });
  return out.join(" ");
}

export function* generateCorpus(options: CorpusOptions): Generator<GeneratedItem> {
  const root = new Random(options.seed);
  let clock = Date.parse(options.start ?? "2026-01-05T06:00:00Z");
  let emitted = 0;
  let storyCount = 0;
  const idOf = (n: number): string => `s${options.seed}-${n}`;
  let lastWritten: Written | null = null;

  const targetChars = (r: Random): number => options.articleChars ?? r.int(1200, 5200);

  const write = (
    r: Random,
    story: StoryFacts,
    outlet: OutletInfo | null,
    wire: string | null,
    core: readonly Fact[],
    extraSentences: readonly string[] = [],
  ): Written => {
    const facts: Array<{ fact: Fact; variant: number }> = core.map((fact) => ({
      fact,
      variant: r.int(0, variantCount(fact.kind) - 1),
    }));
    const sentences = facts.map(({ fact, variant }) => renderFact(fact, variant, r));
    let length = sentences.reduce((sum, sentence) => sum + sentence.length + 1, 0);
    const target = targetChars(r);
    // Details go between the core facts, after the lead, so the story reads lead-first like a news report.
    while (length < target) {
      const fact = detailFact(r, story);
      const variant = r.int(0, variantCount(fact.kind) - 1);
      const at = r.int(1, facts.length);
      const sentence = renderFact(fact, variant, r);
      facts.splice(at, 0, { fact, variant });
      sentences.splice(at, 0, sentence);
      length += sentence.length + 1;
    }
    for (const extra of extraSentences) sentences.splice(r.int(1, sentences.length), 0, extra);
    const paragraphs = paragraphsOf(r, sentences);
    paragraphs[0] = dateline(story.place, outlet, wire) + (paragraphs[0] ?? "");
    const trailer = outlet ? outlet.trailer : null;
    return {
      id: null,
      outlet,
      wire,
      facts,
      paragraphs,
      text: assemble(paragraphs, trailer),
      title: story.title,
      time: null,
      author: r.chance(0.8) ? person(r).name : null,
    };
  };

  const emit = (
    storyId: string,
    r: Random,
    written: Written,
    edges: Array<Omit<GoldEdge, "target">>,
    parentTime: number | null,
  ): GeneratedItem => {
    const id = idOf(emitted++);
    clock += r.int(0, MAX_GAP_MINUTES * 60) * 1000 + 1000;
    let time: number | null = clock;
    if (parentTime !== null) {
      if (r.chance(UNDATED_COPY_SHARE)) time = null;
      else if (r.chance(SAME_DATE_COPY_SHARE)) time = parentTime;
    }
    written.id = id;
    written.time = time;
    lastWritten = written;
    const outlet = written.outlet as OutletInfo;
    const date = new Date(time ?? clock);
    const record: GeneratedRecord = {
      id,
      title: written.title,
      text: written.text,
      url: `https://${outlet.domain}/${date.getUTCFullYear()}/${String(date.getUTCMonth() + 1).padStart(2, "0")}/${slug(written.title)}-${emitted}`,
      publishedAt: time === null ? null : new Date(time).toISOString(),
      outlet: outlet.name,
      author: written.author,
    };
    // Credits are labelled from what the final text says: edits and rewrites may drop a credit sentence.
    const credits = WIRES.filter(
      (wire) =>
        written.text.includes(`(${wire})`) ||
        written.text.includes(`The ${wire} first reported`) ||
        written.text.includes(`According to the ${wire},`),
    ).map((wire) => ({ source: `outlet:${wire}`, relation: "credit" as const }));
    return { record, story: storyId, edges: [...edges, ...credits].map((edge) => ({ ...edge, target: id })) };
  };

  const sourceId = (parent: Written, storyId: string): string => parent.id ?? `hidden:${storyId}`;

  const otherOutlet = (r: Random, not: OutletInfo | null): OutletInfo => {
    let outlet = r.pick(OUTLETS);
    while (outlet === not) outlet = r.pick(OUTLETS);
    return outlet;
  };

  const copySteps = (r: Random, storyId: string, story: StoryFacts, parent: Written, count: number): Step[] => {
    const steps: Step[] = [];
    for (let i = 0; i < count; i++) {
      const roll = r.next();
      steps.push({
        run: () => {
          const outlet = otherOutlet(r, parent.outlet);
          let written: Written;
          let relation: GoldRelation;
          if (roll < 0.25) {
            written = { ...parent, outlet, id: null, author: parent.author };
            relation = "duplicate";
          } else if (roll < 0.6 || parent.paragraphs.length < 4) {
            const rate = MIN_EDIT_RATE + r.next() * (MAX_EDIT_RATE - MIN_EDIT_RATE);
            let paragraphs = parent.paragraphs.map((p, index) =>
              editWords(r, p, rate, index === 0 ? PROTECTED_WORDS : 0),
            );
            if (paragraphs.length >= 5 && r.chance(0.5)) {
              const drop = r.int(1, paragraphs.length - 1);
              paragraphs = paragraphs.filter((_, index) => index !== drop);
            }
            // A copy of another outlet's story credits it at the end half of the time; wire copies keep the dateline.
            if (!parent.wire && parent.outlet && r.chance(0.4)) paragraphs.push(`(${parent.outlet.name})`);
            written = {
              ...parent,
              outlet,
              id: null,
              paragraphs,
              text: assemble(paragraphs, outlet.trailer),
              author: r.chance(0.5) ? parent.author : null,
            };
            relation = "near-duplicate";
          } else if (roll < 0.72) {
            const keep = r.int(2, Math.max(2, Math.floor(parent.paragraphs.length / 2)));
            const paragraphs = parent.paragraphs.slice(0, keep);
            written = { ...parent, outlet, id: null, paragraphs, text: assemble(paragraphs, outlet.trailer) };
            relation = "near-duplicate";
          } else {
            written = rewrite(r, story, parent, outlet);
            relation = "rewrite";
          }
          return emit(storyId, r, written, [{ source: sourceId(parent, storyId), relation }], parent.time);
        },
      });
    }
    return steps;
  };

  const rewrite = (r: Random, story: StoryFacts, parent: Written, outlet: OutletInfo): Written => {
    const facts = parent.facts.map(({ fact, variant }) => {
      const n = variantCount(fact.kind);
      return { fact, variant: n > 1 ? (variant + r.int(1, n - 1)) % n : variant };
    });
    if (facts.length > 6 && r.chance(0.3)) facts.splice(r.int(1, facts.length - 1), 1);
    // Rewriters move a point up or down, but keep the story's order of points.
    for (let i = 1; i + 1 < facts.length; i++) {
      if (r.chance(0.15))
        [facts[i], facts[i + 1]] = [facts[i + 1] as (typeof facts)[number], facts[i] as (typeof facts)[number]];
    }
    const sentences = facts.map(({ fact, variant }) => editWords(r, renderFact(fact, variant, r), 0.5, 0, true));
    const paragraphs = paragraphsOf(r, sentences);
    paragraphs[0] = dateline(story.place, outlet, null) + (paragraphs[0] ?? "");
    return {
      id: null,
      outlet,
      wire: null,
      facts,
      paragraphs,
      text: assemble(paragraphs, outlet.trailer),
      title: `${story.place}: ${story.title.split(": ")[1] ?? story.title}`,
      time: null,
      author: person(r).name,
    };
  };

  const independent = (r: Random, story: StoryFacts, outlet: OutletInfo): Written => {
    const [lead, ...rest] = story.core;
    const picked = r.shuffle(rest).slice(0, r.int(2, 4));
    const extras: string[] = [];
    if (r.chance(0.15)) {
      const wire = r.pick(WIRES);
      extras.push(
        r.chance(0.5)
          ? `The ${wire} first reported the figures on ${r.pick(WEEKDAYS)}.`
          : `According to the ${wire}, officials had been warned weeks earlier.`,
      );
    }
    return write(r, story, outlet, null, [lead as Fact, ...picked], extras);
  };

  const newStory = (): ActiveStory => {
    const r = root.fork();
    const storyId = `story-${options.seed}-${storyCount++}`;
    const story = storyFacts(r, r.pick(EVENTS), r.pick(PLACES));
    const steps: Step[] = [];
    const roll = r.next();
    if (roll < 0.15) {
      // An unrelated article: same topic words as many others, nothing copied.
      steps.push({ run: () => emit(storyId, r, independent(r, story, r.pick(OUTLETS)), [], null) });
    } else if (roll < 0.35) {
      const wire = r.pick(WIRES);
      const hidden = write(r, story, null, wire, story.core);
      steps.push(...copySteps(r, storyId, story, hidden, r.int(2, 5)));
      for (let i = r.int(0, 2); i > 0; i--) {
        steps.push({ run: () => emit(storyId, r, independent(r, story, r.pick(OUTLETS)), [], null) });
      }
    } else {
      const reports = r.int(1, 3);
      for (let i = 0; i < reports; i++) {
        const outlet = r.pick(OUTLETS);
        let original: Written | null = null;
        steps.push({
          run: () => {
            original = i === 0 ? write(r, story, outlet, null, story.core) : independent(r, story, outlet);
            return emit(storyId, r, original, [], null);
          },
        });
        // Copies are planned now but written when they run, after their original exists. Some copy the latest
        // copy instead of the original, which makes chains.
        let latest: Written | null = null;
        for (let copies = r.int(0, 3); copies > 0; copies--) {
          steps.push({
            run: () => {
              const parent = (latest !== null && r.chance(0.3) ? latest : original) as Written;
              const [copy] = copySteps(r, storyId, story, parent, 1);
              const item = (copy as Step).run();
              latest = lastWritten;
              return item;
            },
          });
        }
      }
    }
    return { id: storyId, steps };
  };

  const active: ActiveStory[] = Array.from({ length: ACTIVE_STORIES }, newStory);
  while (emitted < options.articles) {
    const slot = root.int(0, active.length - 1);
    const story = active[slot] as ActiveStory;
    const step = story.steps.shift();
    if (story.steps.length === 0) active[slot] = newStory();
    if (!step) continue;
    const item = step.run();
    if (item) yield item;
  }
}
