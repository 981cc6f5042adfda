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
  /;|:|["“”]|\s[—–-]\s|,\s+(?:and|but|while|which|whereas|although|though|as)\s+|\s+and\s+(?=(?:was\s+|were\s+)?[a-z]+ed\b)|,\s+(?=[\w-]+\s+(?:days?|weeks?|months?|years?)\s+(?:after|before|later|earlier)\b)/g;
/** "…, police said": a generic source adds nothing to the event; a named one ("Rodnik said") is kept. */
const GENERIC_ATTRIBUTION_TAIL = /,\s+(?:[a-z][a-z ]{0,40})\s+(?:said|says|reported|added|told [a-z ]+)\s*\.?$/;
/** "LYUBRAVA, March 15 (Meridian Wire) - ": the wire dateline before the first sentence. */
const DATELINE = /^[A-Z][A-Z .'-]+,\s*(?:[A-Z][a-z]+\.? \d{1,2}\s*)?(?:\([^)]*\))?\s*[-—–]\s*/;

/**
 * The clause around a date, without the date itself: "Police in Zarechia detained 2,150 people". A leading "he" or
 * "she" is replaced by the person it refers to, so the event stands on its own in a timeline.
 */
export function eventText(text: string, sentence: Span, date: DateMention, names: readonly NameMention[]): string {
  const s = sentence.text;
  let a = 0;
  let b = s.length;
  for (const m of s.matchAll(CLAUSE_BREAK)) {
    const at = m.index ?? 0;
    if (at + m[0].length <= date.start) a = at + m[0].length;
    else if (at >= date.end && at < b) b = at;
  }
  const left = tidy(
    s
      .slice(a, date.start)
      .replace(DATELINE, "")
      .replace(/\b(on|in|at|during|since|by|from|of|until)\s*$/i, ""),
  );
  const right = tidy(s.slice(date.end, b).replace(GENERIC_ATTRIBUTION_TAIL, ""));
  // A long clause keeps its opening (the subject) and the words nearest the date (what happened then).
  let lw = left ? left.split(" ") : [];
  let rw = right ? right.split(" ") : [];
  while (lw.length + rw.length > MAX_EVENT_WORDS && rw.length > lw.length) rw = rw.slice(0, -1);
  if (lw.length + rw.length > MAX_EVENT_WORDS) {
    const tail = Math.max(0, MAX_EVENT_WORDS - HEAD_WORDS - rw.length);
    lw = [...lw.slice(0, HEAD_WORDS), "…", ...lw.slice(lw.length - tail)];
  }
  let clause = [...lw, ...rw]
    .join(" ")
    .replace(/\s+([,.;])/g, "$1")
    .replace(/^[\s,;.“”"]+|[\s,;.“”"]+$/g, "");
  const pronoun = /^(he|she)\b/i.exec(clause);
  if (pronoun) {
    const who = resolvePronoun(text, names, sentence.start + a, pronoun[1] ?? "");
    if (who) clause = who.name + clause.slice(pronoun[0].length);
  }
  return clause.charAt(0).toUpperCase() + clause.slice(1);
}

function tidy(t: string): string {
  return t.replace(/\s+/g, " ").trim();
}
