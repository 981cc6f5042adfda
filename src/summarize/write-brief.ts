import type { SourceGroups } from "../compare/independence.js";
import { findNumbers } from "../extract/facts/numbers.js";
import { normalizeQuote } from "../extract/quotes/merge-quotes.js";
import type { Article } from "../model/article.js";
import type { BriefSentence, Claim, Entity, Quote, TimelineEvent } from "../model/story.js";
import { articleLabels, checkSupport } from "./check-support.js";

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
  const sentenceOf = input.claims.find((c) => c.property === "prison-sentence" && c.status === "agreed");
  for (const c of input.claims) {
    const ids = [...new Set(c.values.flatMap((v) => v.articleIds))];
    const weight = sources.count(ids);
    const top = c.values[0];
    if (!top) continue;
    if (c.status === "conflicting") {
      const what =
        c.property === "count"
          ? `Reported figures for ${countSubject(c.subject)} differ`
          : c.property === "prison-sentence"
            ? `Reported prison terms for ${c.subject} differ`
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
        text: `${cap(top.value)} ${noun || "people"} ${verb}.`,
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
    const phrase = datePhrase(e.date, e.precision ?? "day");
    candidates.push({ text: `${phrase}: ${e.event}.`, articleIds: e.articleIds, weight, order: 3 });
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
    parts.push(`${v.value} (${ids.map(label).join(", ")})`);
    cited.push(...ids);
  }
  // A conflict needs two sides that are each supported; otherwise it is not shown as one.
  if (parts.length < 2) return null;
  const text = `${c.text} ${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}.`;
  const sentence = { text, articleIds: [...new Set(cited)] };
  return checkSupport(sentence, articles, entities).supported ? sentence : null;
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
