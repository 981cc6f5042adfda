import type { SourceGroups } from "../compare/independence.js";
import { findNumbers } from "../extract/facts/numbers.js";
import { normalizeQuote } from "../extract/quotes/merge-quotes.js";
import type { Article } from "../model/article.js";
import type { BriefSentence, Claim, Entity, Quote, TimelineEvent } from "../model/story.js";
import { articleLabel, articleLabels, checkSupport } from "./check-support.js";

/** A brief longer than this stops being a brief; thin stories get fewer sentences, never padding. */
const MAX_SENTENCES = 10;
/** Quotes longer than this do not fit a neutral summary; the quotes section carries them whole. */
const MAX_QUOTE_WORDS = 30;
/** Values named in one conflict sentence: the most carried ones; the comparison table lists them all. */
const MAX_CONFLICT_VALUES = 4;
/** Quotes in the brief: one or two voices, so the brief stays the reporters' common account, not a debate. */
const MAX_QUOTES = 2;

/** How a count of one concept reads in a sentence. */
const COUNT_VERB: Record<string, string> = {
  detained: "were detained",
  injured: "were injured",
  killed: "were killed",
  charged: "were charged",
  released: "were released",
  displaced: "were displaced",
  protesters: "took part in the protests",
};
const RELATION_VERB: Record<string, string> = {
  detained: "was detained",
  charged: "was charged",
  sentenced: "was sentenced",
  convicted: "was convicted",
  elected: "was elected",
  released: "was released",
};
/** Figures a sentence may open with are written as words, as news style does ("Seven people were charged"). */
const SMALL_NUMBER_WORDS = "zero one two three four five six seven eight nine".split(" ");
/**
 * Openings of an event that cannot stand as a sentence: a pronoun or possessive whose person is not in it ("His
 * family says…"), or a verb with its subject cut off ("Sentenced to 12 years…", "Has counted…").
 */
const DANGLING_START =
  /^(?:he|she|it|they|his|her|its|their|this|that|these|those|there|who|which|and|but|or|has|have|had|was|were|is|are|said|says|[a-z]+ed)\b/i;
/** An event that stops on a word needing more after it was cut mid-clause. */
const DANGLING_END = /\b(?:the|a|an|of|to|and|or|but|before|after|with|by|for|from|in|on|at|that|which|who|last)$/i;
const MONTH_NAMES = "January February March April May June July August September October November December".split(" ");

interface Candidate {
  text: string;
  /** Articles to check; only those that support the sentence are cited. */
  articleIds: string[];
  /** For conflicts: each value's text and its articles, cited inline. */
  values?: Array<{ value: string; articleIds: string[] }>;
  weight: number;
  order: number;
}

/**
 * A short neutral brief: facts several independent outlets carry, conflicts stated with each side's sources,
 * dated events and a quote or two. Every sentence is checked against each article it cites; articles that do not
 * support it are not cited, and a sentence no article supports is dropped.
 */
export function writeBrief(input: {
  articles: readonly Article[];
  claims: readonly Claim[];
  quotes: readonly Quote[];
  timeline: readonly TimelineEvent[];
  sources: SourceGroups;
  entities?: readonly Entity[];
}): BriefSentence[] {
  const { articles, sources } = input;
  const entities = input.entities ?? [];
  const labels = articleLabels(articles);
  const label = (id: string) => labels.get(id) ?? id;
  const candidates: Candidate[] = [];
  // "X was sentenced" says less than the term, agreed or disputed, that another sentence gives.
  const sentenceOf = input.claims.find((c) => c.property === "prison-sentence" && c.status !== "single-source");
  for (const c of input.claims) {
    const ids = [...new Set(c.values.flatMap((v) => v.articleIds))];
    const weight = sources.count(ids);
    const top = c.values[0];
    if (!top) continue;
    if (c.status === "conflicting") {
      const what =
        c.property === "count"
          ? countConflictOpening(c.subject)
          : c.property === "prison-sentence"
            ? // "prison" is not free: an outlet writing "is serving 11 years" would not support it.
              `Reported terms for ${c.subject} differ`
            : c.property === "role"
              ? `Descriptions of ${c.subject} differ`
              : `Reports on ${c.subject} differ`;
      const why =
        c.note === "different-time"
          ? " (counted at different times)"
          : c.note === "different-definition"
            ? " (counted differently)"
            : "";
      candidates.push({ text: `${what}${why}:`, articleIds: ids, values: c.values, weight: weight + 100, order: 2 });
      continue;
    }
    if (c.status === "single-source" && weight < 2) {
      // One outlet's word is in the comparison table; the brief favours what several carry.
      if (c.property !== "count") continue;
    }
    if (c.property === "count") {
      const [noun, concept] = splitSubject(c.subject);
      const verb = concept ? COUNT_VERB[concept] : undefined;
      if (!verb) continue;
      candidates.push({
        text: `${openingFigure(top.value)} ${noun || "people"} ${verb}.`,
        articleIds: top.articleIds,
        weight,
        order: 1,
      });
    } else if (c.property === "prison-sentence") {
      candidates.push({
        text: `${c.subject} was sentenced to ${top.value} in prison.`,
        articleIds: top.articleIds,
        weight: weight + 1,
        order: 0,
      });
    } else if (c.property === "met") {
      candidates.push({ text: `${c.subject} met ${top.value}.`, articleIds: top.articleIds, weight, order: 0 });
    } else if (
      RELATION_VERB[c.property] &&
      !(c.property === "sentenced" && sentenceOf?.subject === c.subject) &&
      // "X was detained" says less than the dated "In July 2025: X was arrested" the timeline gives.
      !(
        c.property === "detained" &&
        input.timeline.some((e) => e.event.includes(c.subject) && /arrest|detain/i.test(e.event))
      )
    ) {
      candidates.push({
        text: `${c.subject} ${RELATION_VERB[c.property]}.`,
        articleIds: top.articleIds,
        weight,
        order: 0,
      });
    }
  }
  // A dated event that repeats a disputed figure would take a side in the conflict; the conflict sentence covers it.
  const disputed = new Set(
    input.claims
      .filter((c) => c.status === "conflicting")
      .flatMap((c) => c.values.flatMap((v) => findNumbers(v.value).map((n) => n.value))),
  );
  for (const e of input.timeline) {
    const weight = sources.count(e.articleIds);
    if (weight < 2 || e.event.endsWith("…") || /["“”]/.test(e.event)) continue;
    if (findNumbers(e.event).some((n) => disputed.has(n.value))) continue;
    // An event cut from a quote ("every person detained proves it") is the speaker's phrasing, not a fact.
    const words = normalizeQuote(e.event).split(" ");
    if (input.quotes.some((q) => words.every((w) => normalizeQuote(q.text).split(" ").includes(w)))) continue;
    // A sentence must name its own subject and be whole; a fragment or a stray "his" reads as a cut quote.
    if (DANGLING_START.test(e.event) || DANGLING_END.test(e.event) || e.event.split(" ").length < 4) continue;
    const phrase = datePhrase(e.date, e.precision ?? "day");
    const eventArticles = articles.filter((a) => e.articleIds.includes(a.id));
    candidates.push({
      text: `${phrase}, ${sentenceCase(e.event, eventArticles)}.`,
      articleIds: e.articleIds,
      weight,
      order: 3,
    });
  }
  const quotes = input.quotes
    .filter((q) => q.speakerName && q.text.split(/\s+/).length <= MAX_QUOTE_WORDS && sources.count(q.articleIds) >= 2)
    .sort((a, b) => sources.count(b.articleIds) - sources.count(a.articleIds))
    .slice(0, MAX_QUOTES);
  for (const q of quotes) {
    const end = /[.!?]$/.test(q.text) ? "" : ".";
    candidates.push({
      text: `${q.speakerName} said: “${q.text}${end}”`,
      articleIds: q.articleIds,
      weight: sources.count(q.articleIds),
      order: 4,
    });
  }

  const out: Array<BriefSentence & { order: number; weight: number }> = [];
  const seen = new Set<string>();
  for (const c of [...candidates].sort((a, b) => b.weight - a.weight)) {
    if (out.length >= MAX_SENTENCES) break;
    const sentence = c.values
      ? conflictSentence(c, articles, label, entities)
      : supportedSentence(c, articles, entities);
    if (!sentence || seen.has(sentence.text)) continue;
    seen.add(sentence.text);
    out.push({ ...sentence, order: c.order, weight: c.weight });
  }
  return out
    .sort((a, b) => a.order - b.order || b.weight - a.weight)
    .map(({ text, articleIds }) => ({ text, articleIds }));
}

function supportedSentence(
  c: Candidate,
  articles: readonly Article[],
  entities: readonly Entity[],
): BriefSentence | null {
  const ids = c.articleIds.filter(
    (id) => checkSupport({ text: c.text, articleIds: [id] }, articles, entities).supported,
  );
  return ids.length > 0 ? { text: c.text, articleIds: ids } : null;
}

function conflictSentence(
  c: Candidate,
  articles: readonly Article[],
  label: (id: string) => string,
  entities: readonly Entity[],
): BriefSentence | null {
  const parts: string[] = [];
  const cited: string[] = [];
  // Plain figures first: "2,150 and 2,172" is the disagreement; "more than 2,000" fits either side.
  const plain = (v: string) => /^[\d,.]+(?: \w+)?$/.test(v);
  const values = [...(c.values ?? [])].sort((a, b) => Number(plain(b.value)) - Number(plain(a.value)));
  for (const v of values) {
    if (parts.length >= MAX_CONFLICT_VALUES) break;
    // The value is checked with the sentence's opening, so every cited article also carries its subject.
    const ids = v.articleIds.filter(
      (id) =>
        checkSupport({ text: `${c.text} ${v.value} (${label(id)})`, articleIds: [id] }, articles, entities).supported,
    );
    if (ids.length === 0) continue;
    parts.push(`${conflictValue(c.text, v.value)} (${groupLabels(ids, articles, label).join(", ")})`);
    cited.push(...ids);
  }
  // A conflict needs two sides that are each supported; otherwise it is not shown as one.
  if (parts.length < 2) return null;
  const text = `${c.text} ${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}.`;
  const sentence = { text, articleIds: [...new Set(cited)] };
  return checkSupport(sentence, articles, entities).supported ? sentence : null;
}

/**
 * Labels for one side of a conflict: an outlet whose every article in the story is on that side is named once,
 * without the day or number that tell its articles apart.
 */
function groupLabels(ids: readonly string[], articles: readonly Article[], label: (id: string) => string): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const article = articles.find((a) => a.id === id);
    const base = article ? articleLabel(article) : label(id);
    const siblings = articles.filter((a) => articleLabel(a) === base).map((a) => a.id);
    const whole = siblings.length > 1 && siblings.every((s) => ids.includes(s));
    const shown = whole ? base : label(id);
    if (!out.includes(shown)) out.push(shown);
  }
  return out;
}

/** "19" in a sentence about percentages reads "19 percent". */
function conflictValue(opening: string, value: string): string {
  return /^Reported percentages\b/.test(opening) && /^[\d.,]+$/.test(value) ? `${value} percent` : value;
}

function countConflictOpening(subject: string): string {
  if (/^(?:percent|per cent|%)$/i.test(subject)) return "Reported percentages differ";
  return `Reported figures for ${countSubject(subject)} differ`;
}

/** A figure opening a sentence: small ones as a word ("Seven"), others as written with a capital. */
function openingFigure(value: string): string {
  const n = /^\d$/.test(value) ? SMALL_NUMBER_WORDS[Number(value)] : undefined;
  return cap(n ?? value);
}

/**
 * An event placed after "On 14 March 2026, ": its first word keeps its capital only when the articles never write
 * it in lower case (a name), so "Courts in Liubrava" becomes "courts in Liubrava" but "Yuri Daletsky" stays.
 */
function sentenceCase(event: string, articles: readonly Article[]): string {
  const first = /^[A-Z][a-z]*\b/.exec(event)?.[0];
  if (!first) return event;
  const lower = first.toLowerCase();
  // The singular counts too: "Courts" opens a sentence where "court" is written in lower case.
  const forms = [lower, lower.replace(/s$/, "")].filter((f) => f.length > 0);
  const common = articles.some((a) =>
    forms.some((f) => new RegExp(String.raw`(?<![\p{L}])${f}(?![\p{L}])`, "u").test(a.text)),
  );
  return common ? lower + event.slice(first.length) : event;
}

/** "detained" -> "people detained", "journalists detained" -> "journalists detained", "protesters" as is. */
function countSubject(subject: string): string {
  const [noun, concept] = splitSubject(subject);
  if (!concept) return subject;
  return concept === "protesters" ? noun || "protesters" : `${noun || "people"} ${concept}`;
}

function splitSubject(subject: string): [string, string] {
  const parts = subject.split(" ");
  const concept = parts[parts.length - 1] ?? "";
  return COUNT_VERB[concept] ? [parts.slice(0, -1).join(" "), concept] : [subject, ""];
}

function datePhrase(date: string, precision: "day" | "month" | "year"): string {
  const [y, m, d] = date.split("-");
  const month = MONTH_NAMES[Number(m) - 1] ?? "";
  if (precision === "year") return `In ${y}`;
  if (precision === "month") return `In ${month} ${y}`;
  return `On ${Number(d)} ${month} ${y}`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
