import type { Article } from "../../model/article.js";
import { type Diagnostic, diagnostic } from "../../model/diagnostic.js";
import type { Entity } from "../../model/story.js";
import { type NameMention, nameMentions } from "../facts/people.js";
import { resolvePronoun } from "../facts/pronouns.js";
import { ROLE_HEADS } from "../facts/roles.js";
import { paragraphs, type Span, sentences } from "../facts/text-spans.js";
import { type QuoteSpan, quoteSpans } from "./quote-spans.js";

/** One quote as one article carries it. */
export interface ArticleQuote {
  articleId: string;
  text: string;
  start: number;
  end: number;
  speaker: string | null;
  speakerName: string | null;
  /** A fragment quoted inside the reporter's own sentence ("called it "a travesty""). */
  partial: boolean;
}

// The last group are verbs that take a partial quote as their object ("blamed “foreign centres” for the unrest"):
// their subject is the one whose words are quoted.
const VERBS =
  "said|says|added|adds|told|tells|wrote|writes|asked|explained|insisted|warned|declared|stated|argued|noted|replied|recalled|continued|posted|tweeted|remarked|acknowledged|claimed|stressed|urged|announced|described|called|dismissed|vowed|pledged|blamed|accused|denounced|condemned|praised|branded|labelled|labeled|dubbed|promised|admitted|conceded|complained";
const VERB_FIRST = new RegExp(String.raw`^[\s,]*(?:${VERBS})\b`, "i");
const NAME_THEN_VERB = new RegExp(String.raw`^(?:,[^,"“”]{1,80},)?\s+(?:also\s+|later\s+|then\s+)?(?:${VERBS})\b`, "i");
const PRONOUN_AFTER = new RegExp(String.raw`^[\s,]*(he|she)\s+(?:also\s+|later\s+)?(?:${VERBS})\b`, "i");
const PRONOUN_BEFORE = new RegExp(
  String.raw`\b(he|she)\s+(?:also\s+|later\s+|then\s+)?(?:${VERBS})\b[^"“”]{0,80}$`,
  "i",
);
/** `," the minister added.` and `The minister said: "…"`: a title standing for a person named earlier. */
const ROLE_AFTER = new RegExp(
  String.raw`^[\s,]*the\s+(?:[a-z-]+\s+){0,2}?(${ROLE_HEADS})\s+(?:also\s+|later\s+|then\s+)?(?:${VERBS})\b`,
  "i",
);
const ROLE_BEFORE = new RegExp(
  String.raw`\bthe\s+(?:[a-z-]+\s+){0,2}?(${ROLE_HEADS})\s+(?:also\s+|later\s+|then\s+)?(?:${VERBS})\b[^"“”]{0,80}$`,
  "i",
);
/** How far back a title may reach for the person who holds it: the same span a pronoun reaches. */
const ROLE_LOOKBACK_CHARS = 600;
/** How close to a name its title must stand ("Transport Minister Edvin Salo", "Edvin Salo, the minister,"). */
const ROLE_NEAR_NAME_CHARS = 40;
/**
 * Sentences after a stand-alone quote searched for its speaker: the next one may only describe the speech ("The
 * warning was blunt"), and the one after names who spoke. Further on, a named person is no longer the quote's.
 */
const SPEAKER_LOOKAHEAD_SENTENCES = 2;
const ACCORDING_AFTER = /^[\s,]*according to\b/i;
const ACCORDING_BEFORE = /\baccording to\s+[^"“”]{1,80}?,?\s*$/i;
/** A sentence after a quote that only says whose words they were ("That was the message from X"). */
const NEXT_SENTENCE_CUE =
  /^(?:that|this|those|these|such)\s+(?:was|were|is|are)\b|\b(?:message|words|statement|remarks|comments?)\b|\b(?:said|wrote|added|told)\b/i;
/** Words a verb-first attribution may put between the verb and the name ("said Interior Minister X"). */
const VERB_TO_NAME_MAX_CHARS = 50;
/** Shortest partial quote kept without a speaker: shorter fragments are scare quotes, not speech. */
const MIN_PARTIAL_WORDS = 3;
/**
 * Longest stretch between two quotes for the second to continue the first (`“…,” Kovren said. “…”`): room for an
 * attribution with a title, not for a sentence of the reporter's own.
 */
const CONTINUATION_MAX_CHARS = 70;
const CONTINUATION_GAP = new RegExp(String.raw`^[^"“”]*\b(?:${VERBS})\b[^"“”]*$`, "i");

export function extractQuotes(
  article: Article,
  entities: readonly Entity[] = [],
): { quotes: ArticleQuote[]; diagnostics: Diagnostic[] } {
  const text = article.text;
  const names = nameMentions(article, entities);
  const allSentences = sentences(text);
  const quotes: ArticleQuote[] = [];
  const diagnostics: Diagnostic[] = [];
  const paras = paragraphs(text);
  // A quote running over paragraphs leaves its paragraph open and reopens the next one (“…\n\n“…,” she said).
  let carry: Carry | null = null;
  for (const [index, para] of paras.entries()) {
    const { quotes: spans, unbalanced } = quoteSpans(text, para);
    const nextPara = paras[index + 1];
    const lastOpen = unbalanced[unbalanced.length - 1];
    const continues =
      lastOpen !== undefined &&
      nextPara !== undefined &&
      /^["“«]/.test(text[nextPara.start] ?? "") &&
      !spans.some((q) => q.start > lastOpen);
    const carried: Carry | null = carry;
    carry = continues ? openTail(text, para, lastOpen, carried) : null;
    for (const at of unbalanced) {
      if (continues && at === lastOpen) continue;
      diagnostics.push(
        diagnostic(
          "quotes:unbalanced",
          "Unexpected opening quotation mark without its closing mark, expected a balanced quote; the passage is not reported as a quote",
          { offset: at },
          "info",
        ),
      );
    }
    let previousSpeaker: NameMention | null = null;
    let previous: { end: number; who: NameMention | null } | null = null;
    for (const q of spans) {
      if (q.inner.text.length === 0) continue;
      const sentenceStart = startOfSentence(text, para, q, allSentences);
      const before = text.slice(sentenceStart, q.start);
      const afterEnd = endOfSentence(text, para, q);
      const after = text.slice(q.end, afterEnd);
      const partial = /[\p{L}\d]\s*$/u.test(before) && !/:\s*$/.test(before) && !VERB_FIRST.test(after);
      let who = attribute(text, names, q, before, after, sentenceStart);
      const standalone = before.trim() === "" && /^\s*$/.test(after.replace(/^[.!?]+/, ""));
      // `“…,” Marchuk said. “…”`: a quote split by its attribution keeps its speaker, even when the next
      // sentence names someone else.
      const gap = previous ? text.slice(previous.end, q.start) : "";
      if (!who && standalone && previous?.who && gap.length <= CONTINUATION_MAX_CHARS && CONTINUATION_GAP.test(gap))
        who = previous.who;
      if (!who && standalone) who = nearbySpeaker(names, q, para, allSentences) ?? previousSpeaker;
      previous = { end: q.end, who };
      if (!who && partial && q.inner.text.split(/\s+/).length < MIN_PARTIAL_WORDS) continue;
      if (who) previousSpeaker = who;
      const joined = carried && q.start === para.start ? carried : null;
      quotes.push({
        articleId: article.id,
        text: joined ? `${joined.text} ${q.inner.text}` : q.inner.text,
        start: joined ? joined.start : q.inner.start,
        end: q.inner.end,
        speaker: who?.entityId ?? null,
        speakerName: who?.name ?? null,
        partial,
      });
    }
  }
  return { quotes, diagnostics };
}

/** The part of a quote opened in one paragraph and continued in the next. */
interface Carry {
  start: number;
  text: string;
}

/** The open quote at the end of `para`, joined to what an earlier paragraph left open when it reopens here. */
function openTail(text: string, para: Span, open: number, carried: Carry | null): Carry {
  const head = text.slice(open + 1, para.end).trim();
  if (carried && open === para.start) return { start: carried.start, text: `${carried.text} ${head}` };
  return { start: open + 1, text: head };
}

function attribute(
  text: string,
  names: readonly NameMention[],
  q: QuoteSpan,
  before: string,
  after: string,
  sentenceStart: number,
): NameMention | null {
  // After the quote: `," said X.`, `," X said.`, `," he said.`, `," according to X.`
  if (VERB_FIRST.test(after) || ACCORDING_AFTER.test(after)) {
    const cue = VERB_FIRST.exec(after) ?? ACCORDING_AFTER.exec(after);
    const limit = q.end + (cue?.[0].length ?? 0) + VERB_TO_NAME_MAX_CHARS;
    const m = names.find((n) => n.start >= q.end && n.start <= limit && n.end <= q.end + after.length);
    if (m) return m;
  }
  const lead = /^[\s,]*/.exec(after)?.[0].length ?? 0;
  const first = names.find((n) => n.start === q.end + lead);
  if (first && NAME_THEN_VERB.test(text.slice(first.end, q.end + after.length))) return first;
  const pronounAfter = PRONOUN_AFTER.exec(after);
  if (pronounAfter) return resolvePronoun(text, names, q.start, pronounAfter[1] ?? "");
  const roleAfter = ROLE_AFTER.exec(after);
  if (roleAfter) return holderOf(text, names, q.start, roleAfter[1] ?? "");
  // Before the quote: `X said: "…"`, `X told reporters that "…"`, `According to X, "…"`, `he said "…"`.
  const inBefore = names.filter((n) => n.start >= sentenceStart && n.end <= q.start);
  for (let i = inBefore.length - 1; i >= 0; i--) {
    const n = inBefore[i] as NameMention;
    const between = text.slice(n.end, q.start);
    if (/["“”]/.test(between)) break;
    // "Daletski's party said …": the possessor is not the speaker.
    if (/^['’]s\b/.test(between)) continue;
    if (
      NAME_THEN_VERB.test(between) ||
      new RegExp(String.raw`^[^.]{0,80}\b(?:${VERBS})\b[^.]{0,80}$`, "i").test(between)
    ) {
      return n;
    }
  }
  if (ACCORDING_BEFORE.test(before)) {
    const m = inBefore[inBefore.length - 1];
    if (m) return m;
  }
  const pronounBefore = PRONOUN_BEFORE.exec(before);
  if (pronounBefore) return resolvePronoun(text, names, q.start, pronounBefore[1] ?? "");
  const roleBefore = ROLE_BEFORE.exec(before);
  if (roleBefore) return holderOf(text, names, sentenceStart + (roleBefore.index ?? 0), roleBefore[1] ?? "");
  return null;
}

/** The last person named before `offset` with `role` written next to the name; null when nobody in reach has it. */
function holderOf(text: string, names: readonly NameMention[], offset: number, role: string): NameMention | null {
  const word = new RegExp(String.raw`\b${role}\b`, "i");
  const candidates = names
    .filter((n) => n.type === "person" && n.end <= offset && offset - n.end <= ROLE_LOOKBACK_CHARS)
    .sort((a, b) => b.start - a.start);
  for (const n of candidates) {
    const near = text.slice(Math.max(0, n.start - ROLE_NEAR_NAME_CHARS), n.end + ROLE_NEAR_NAME_CHARS);
    if (word.test(near)) return n;
  }
  return null;
}

/** A quote standing alone as its own sentence: its speaker is named in the sentence before or after it. */
function nearbySpeaker(
  names: readonly NameMention[],
  q: QuoteSpan,
  para: Span,
  all: readonly Span[],
): NameMention | null {
  const next = all.find((s) => s.start >= q.end);
  // The next paragraph speaks for a quote only when the quote is a paragraph of its own; otherwise it starts
  // another speaker's turn.
  const ownParagraph = q.start <= para.start + 1 && q.end >= para.end - 1;
  const reachable = next && (next.end <= para.end || ownParagraph);
  if (next && reachable && next.start - q.end < 4) {
    const people = (s: Span) => names.filter((n) => n.start >= s.start && n.end <= s.end && n.type === "person");
    const m = people(next)[0];
    if (m && NEXT_SENTENCE_CUE.test(next.text)) return m;
    // Further on, only a sentence whose subject is a person who speaks, and only past sentences naming nobody.
    let s: Span | undefined = next;
    for (let k = 1; k < SPEAKER_LOOKAHEAD_SENTENCES && s && people(s).length === 0; k++) {
      s = all.find((x) => x.start >= (s as Span).end);
      if (!s || s.end > para.end) break;
      const first = people(s)[0];
      if (first && first.start - s.start <= 4 && NAME_THEN_VERB.test(s.text.slice(first.end - s.start))) return first;
    }
  }
  const prev = [...all].reverse().find((s) => s.end <= q.start);
  if (prev && (prev.start >= para.start || /:\s*$/.test(prev.text))) {
    const inPrev = names.filter((n) => n.start >= prev.start && n.end <= prev.end && n.type === "person");
    const distinct = new Set(inPrev.map((n) => n.name));
    if (distinct.size === 1 && (/:\s*$/.test(prev.text) || new RegExp(`\\b(?:${VERBS})\\b`, "i").test(prev.text))) {
      return inPrev[0] ?? null;
    }
  }
  return null;
}

function startOfSentence(text: string, para: Span, q: QuoteSpan, all: readonly Span[]): number {
  const s = all.find((x) => q.start >= x.start && q.start < x.end);
  // Sentence splitting may cut inside a quote; the sentence holding the opening mark is where attribution starts.
  return Math.max(para.start, s?.start ?? para.start, lastTerminator(text, para.start, q.start));
}

function lastTerminator(text: string, from: number, to: number): number {
  for (let i = to - 1; i > from; i--) {
    if (/[.!?]/.test(text[i] ?? "") && /\s/.test(text[i + 1] ?? "") && !/["“”]/.test(text.slice(i + 1, to)))
      return i + 1;
    if (/["“”]/.test(text[i] ?? "")) return from;
  }
  return from;
}

function endOfSentence(text: string, para: Span, q: QuoteSpan): number {
  const rest = text.slice(q.end, para.end);
  // "…proves it." The words came from X: the quote closed its own sentence.
  if (/[.!?]/.test(text[q.end - 2] ?? "") && /^\s+["“]?[A-Z]/.test(rest)) return q.end;
  const m = /[.!?](?=\s|$)|["“]/.exec(rest);
  return m ? q.end + (m.index ?? 0) + (m[0] === '"' || m[0] === "“" ? 0 : 1) : para.end;
}
