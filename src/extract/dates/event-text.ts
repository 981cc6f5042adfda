import type { NameMention } from "../facts/people.js";
import { resolvePronoun } from "../facts/pronouns.js";
import type { Span } from "../facts/text-spans.js";
import type { DateMention } from "./resolve-date.js";

/** Longest event description kept: a timeline row is read at a glance. */
const MAX_EVENT_WORDS = 20;
/** Words kept from the start of a long clause, where its subject stands. */
const HEAD_WORDS = 6;
// Quotation marks bound a clause too: a quoted speaker's event ends where the attribution starts.
const CLAUSE_BREAK =
  /;|:|["“”]|\s[—–-]\s|,\s+(?:and|but|while|which|whereas|although|though|as|after|before|because|until)\s+|\s+and\s+(?=(?:was\s+|were\s+)?[a-z]+ed\b)|,\s+(?=[\w-]+\s+(?:days?|weeks?|months?|years?)\s+(?:after|before|later|earlier)\b)/g;
/**
 * "X told a news conference (that) <clause>": a date inside the reported clause dates that clause, not the telling,
 * so the frame is cut off. A date before the frame ("on Monday, X said that…") dates the telling and keeps it.
 * Without "that", the clause is recognised by the determiner or pronoun it opens with.
 */
const REPORTING_FRAME =
  /\b(?:said|says|told\s+[^,;"“”]{1,40}?|announced|added|reported|claimed|insisted|warned|stated)\s+(?:that\s+|(?=(?:the|a|an|its|his|her|their|he|she|it|they|we|most|some|all)\s))/g;
/** "since Monday, when 1,200 workers walked out": the "when" clause is what happened on that date. */
const WHEN_CLAUSE = /^,\s+when\s+/i;
/** "…, police said": a generic source adds nothing to the event; a named one ("Rodnik said") is kept. */
const GENERIC_ATTRIBUTION_TAIL =
  /,\s+(?:[a-z][a-z ]{0,40})\s+(?:said|says|reported|added|told [a-z]+(?: [a-z]+){0,2})\s*\.?$/;
/**
 * "the people held on Saturday had been released": a date right after a participle modifies that participle, and
 * the verb after it belongs to the main clause, which the date does not place.
 */
const PARTICIPLE_END = /\b(?:[a-z]+ed|held|taken|seen|brought|caught|beaten|hurt|shot|given|made|sent|kept|put)\s*$/i;
const FINITE_START = /^(?:had|has|have|were|was|would|will|are|is|could|might|may)\b/i;
/** Connectors that tie a second date to the first ("on Saturday and Sunday"); they go with the second date. */
const DATE_CONNECTOR = /(?:,\s*|\s+(?:and|or|to|through|until)\s+)(?:on\s+|in\s+)?$/i;
const DATE_CONNECTOR_ONLY = /^(?:,\s*|\s+(?:and|or|to|through|until)\s+)(?:on\s+|in\s+)?$/i;
/** "LYUBRAVA, March 15 (Meridian Wire) - ": the wire dateline before the first sentence. */
const DATELINE = /^[A-Z][A-Z .'-]+,\s*(?:[A-Z][a-z]+\.? \d{1,2}\s*)?(?:\([^)]*\))?\s*[-—–]\s*/;

/**
 * The clause around a date, without the date itself: "Police in Zarechia detained 2,150 people". A leading "he" or
 * "she" is replaced by the person it refers to, so the event stands on its own in a timeline.
 */
export function eventText(
  text: string,
  sentence: Span,
  date: DateMention,
  names: readonly NameMention[],
  others: readonly DateMention[] = [],
): string {
  const s = blankOtherDates(sentence.text, date, others);
  let a = 0;
  let b = s.length;
  for (const m of s.matchAll(CLAUSE_BREAK)) {
    const at = m.index ?? 0;
    if (at + m[0].length <= date.start) a = at + m[0].length;
    else if (at >= date.end && at < b) b = at;
  }
  for (const m of s.matchAll(REPORTING_FRAME)) {
    const at = (m.index ?? 0) + m[0].length;
    if (at <= date.start && at > a) a = at;
  }
  const when = WHEN_CLAUSE.exec(s.slice(date.end));
  if (when) {
    // The date's own event is the "when" clause; what stands before the date is a state it started.
    const from = date.end + when[0].length;
    const stop = [...s.slice(from).matchAll(CLAUSE_BREAK)][0]?.index;
    return finish(text, sentence, names, from, tidy(s.slice(from, stop === undefined ? s.length : from + stop)));
  }
  const left = tidy(
    s
      .slice(a, date.start)
      .replace(DATELINE, "")
      .replace(/\b(on|in|at|during|since|by|from|of|until|dated|last|this)\s*$/i, ""),
  );
  let right = tidy(s.slice(date.end, b).replace(GENERIC_ATTRIBUTION_TAIL, ""));
  if (PARTICIPLE_END.test(left) && FINITE_START.test(right)) right = "";
  // A long clause keeps its opening (the subject) and the words nearest the date (what happened then).
  let lw = left ? left.split(" ") : [];
  let rw = right ? right.split(" ") : [];
  while (lw.length + rw.length > MAX_EVENT_WORDS && rw.length > lw.length) rw = rw.slice(0, -1);
  if (lw.length + rw.length > MAX_EVENT_WORDS) {
    const tail = Math.max(0, MAX_EVENT_WORDS - HEAD_WORDS - rw.length);
    lw = [...lw.slice(0, HEAD_WORDS), "…", ...lw.slice(lw.length - tail)];
  }
  return finish(text, sentence, names, a, [...lw, ...rw].join(" "));
}

/** Punctuation trimmed, a leading "he"/"she" replaced by the person, first letter capitalised. */
function finish(text: string, sentence: Span, names: readonly NameMention[], at: number, raw: string): string {
  let clause = raw.replace(/\s+([,.;])/g, "$1").replace(/^[\s,;.“”"]+|[\s,;.“”"]+$/g, "");
  const pronoun = /^(he|she)\b/i.exec(clause);
  if (pronoun) {
    const who = resolvePronoun(text, names, sentence.start + at, pronoun[1] ?? "");
    if (who) clause = who.name + clause.slice(pronoun[0].length);
  }
  return clause.charAt(0).toUpperCase() + clause.slice(1);
}

/**
 * The sentence with every other date expression (and the "and"/"," tying it to this one) blanked to spaces of the
 * same length, so offsets hold: "held on Saturday and Sunday" is one event per day, never "held and Sunday".
 */
function blankOtherDates(s: string, date: DateMention, others: readonly DateMention[]): string {
  let out = s;
  for (const o of others) {
    if (o.start === date.start && o.end === date.end) continue;
    // "since 2009 and … since the summer of 2024": the other date's preposition goes with it.
    const prep = /\b(?:on|in|at|since|by|from|until|during|last|this|next)\s+$/i.exec(out.slice(0, o.start));
    const oStart = prep ? o.start - prep[0].length : o.start;
    const connector = DATE_CONNECTOR.exec(out.slice(0, oStart));
    const from = connector && oStart - connector[0].length >= date.end ? oStart - connector[0].length : oStart;
    // A date before this one takes the connector that follows it: "on Saturday and [Sunday]".
    const to = o.end <= date.start && DATE_CONNECTOR_ONLY.test(out.slice(o.end, date.start)) ? date.start : o.end;
    out = out.slice(0, from) + " ".repeat(to - from) + out.slice(to);
  }
  return out;
}

function tidy(t: string): string {
  return t.replace(/\s+/g, " ").trim();
}
