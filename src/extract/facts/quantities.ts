import type { DateMention } from "../dates/resolve-date.js";
import { findNumbers, formatNumber, type NumberPhrase } from "./numbers.js";
import type { NameMention } from "./people.js";
import { resolvePronoun } from "./pronouns.js";
import type { Span } from "./text-spans.js";
import type { Fact } from "./types.js";

/** Share either side of a figure that "about"/"around" allows: news rounds to the nearest 10% at most. */
const APPROX_TOLERANCE = 0.1;
/** Words searched either side of a figure for the verb that says what was counted ("were detained"). */
const CONTEXT_WORDS = 8;

/** Word stems that name what a figure counts, mapped to one concept so "detainees" and "were detained" align. */
const CONCEPTS: ReadonlyArray<[RegExp, string]> = [
  [/^(detain|detention|arrest|custody|held$|rounded$)/, "detained"],
  [/^(injur|hurt|wound|hospital)/, "injured"],
  [/^(kill|dead$|death|died$|fatalit|bodies$)/, "killed"],
  [/^(charg|indict)/, "charged"],
  [/^(releas|freed$)/, "released"],
  [/^(evacuat|displac|fled$)/, "displaced"],
  [/^(protest|demonstrat|rall(y|ied)|march|crowd|gather|turnout|attend)/, "protesters"],
  [/^(vote|ballot)/, "votes"],
];
/** Nouns that only say "people": the concept then comes from the verb around the figure. */
const GENERIC_NOUNS = new Set(["people", "persons", "individuals", "others", "men", "women", "those", "more", "of"]);
/** Words between a figure and its noun that do not change what is counted. */
const SKIP_ADJECTIVES = new Set(
  "more other new additional further young local foreign political peaceful unarmed suspected alleged reported known".split(
    " ",
  ),
);
const FUNCTION_WORDS = new Set(
  "a an the and or but of in on at to from for with by as was were is are had has have be been being who which that than per out among into over after before since during across including".split(
    " ",
  ),
);
const DURATION_UNITS = /^(years?|months?|weeks?|days?|hours?|decades?)$/;
const MONTHS =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)$/i;
const QUALIFIER =
  /\b(more than|over|in excess of|upwards of|at least|no fewer than|no less than|some|about|around|roughly|approximately|an estimated|nearly|almost|close to|up to|as many as|at most|no more than|fewer than|less than|under)\s+$/i;
/** A duration is a prison term only when the words beside it say so ("to 12 years", "12 years in prison"). */
const PRISON_AFTER =
  /^\s*(?:'\s*|of\s+)?(?:in prison|in jail|behind bars|imprisonment|prison|jail|in a (?:penal|prison) colony|(?:prison |jail )?(?:sentence|term))/i;
const PRISON_BEFORE =
  /\bsentenced\b[^.;]{0,40}\bto\s+(?:serve\s+)?$|\b(?:prison|jail) (?:term|sentence)s? of\s+$|\b(?:is|was|now) serving\s+(?:a\s+)?$/i;
/** Who gave a figure: the counter named next to an attribution verb. */
const ATTRIBUTION =
  /\b(?:according to\s+(?:the\s+)?([^,.;]{2,60})|([A-Za-z][\w ]{2,60}?)\s+(?:said|says|estimated|counted|reported|recorded|put the (?:figure|number|toll)))/gi;
const COUNTERS: ReadonlyArray<[RegExp, string]> = [
  [/\bpolice\b/i, "police"],
  [/\borgani[sz]ers?\b/i, "organisers"],
  [/\b(ministry|government|officials|authorities)\b/i, "authorities"],
  [/\b(rights group|rights centre|rights center|monitors?|ngo)\b/i, "rights monitors"],
  [/\bwitnesses\b/i, "witnesses"],
];
const SCOPES: ReadonlyArray<[RegExp, string]> = [[/\b(nationwide|across the country|national)\b/i, "nationwide"]];

export interface QuantityContext {
  articleId: string;
  text: string;
  sentence: Span;
  names: readonly NameMention[];
  dates: readonly DateMention[];
}

export function extractQuantities(ctx: QuantityContext): Fact[] {
  const s = ctx.sentence.text;
  const numbers = findNumbers(s);
  const facts: Fact[] = [];
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i] as NumberPhrase;
    if (isNotAFigure(s, n, ctx)) continue;
    let low = n.low;
    let high = n.high;
    let value: string = n.vague ? n.text.toLowerCase() : formatNumber(n.value);
    let start = n.start;
    let end = n.end;
    // "between 10,000 and 15,000" and "10,000 to 15,000" are one range.
    const next = numbers[i + 1];
    const joiner = next ? s.slice(n.end, next.start) : "";
    if (
      next &&
      /^\s*(and|to|-|–)\s*$/.test(joiner) &&
      (/\bbetween\s+$/i.test(s.slice(0, n.start)) || joiner.trim() !== "and")
    ) {
      if (!isNotAFigure(s, next, ctx) && next.value > n.value) {
        high = next.high;
        value = `${formatNumber(n.value)} to ${formatNumber(next.value)}`;
        const between = /\bbetween\s+$/i.exec(s.slice(0, n.start));
        if (between) start -= between[0].length;
        end = next.end;
        i++;
      }
    }
    const qualifier = QUALIFIER.exec(s.slice(0, start))?.[1]?.toLowerCase();
    if (qualifier && low === high) {
      [low, high] = applyQualifier(qualifier, low);
      value = `${qualifier} ${value}`;
      start -= (QUALIFIER.exec(s.slice(0, start))?.[0] ?? "").length;
    }
    const after = s.slice(end);
    // "21-year-old" is an age; "a 12-year sentence" is a duration written as an adjective.
    if (/^-(?:year|month|week|day)s?-old\b/i.test(after)) continue;
    const compound = /^-(year|month|week|day)s?\b/i.exec(after);
    const noun = compound ? { head: `${compound[1]?.toLowerCase()}s`, length: compound[0].length } : countedNoun(after);
    // "Daletsky and six others": the named person is one more.
    // "Kovren and six other dockworkers" counts seven people the same way.
    const others = noun.head === "others" || /^\s+other\s+[a-z]/i.test(after);
    if (others && /\band\s+(?:at least\s+|some\s+)?$/i.test(s.slice(0, start))) {
      const named = ctx.names.some(
        (m) => m.end <= ctx.sentence.start + start && ctx.sentence.start + start - m.end <= 12,
      );
      if (named) {
        low += 1;
        high += 1;
        value = qualifier ? `${qualifier} ${formatNumber(n.value + 1)}` : formatNumber(n.value + 1);
      }
    }
    const phraseEnd = end + noun.length;
    const base = {
      articleId: ctx.articleId,
      low,
      high,
      text: s.slice(start, phraseEnd).trim(),
      start: ctx.sentence.start + start,
      end: ctx.sentence.start + phraseEnd,
      sentence: ctx.sentence,
    };
    const time = ctx.dates.find((d) => d.precision === "day");
    if (noun.head && DURATION_UNITS.test(noun.head)) {
      const unit = noun.head.endsWith("s") ? noun.head : `${noun.head}s`;
      const tail = s.slice(end + noun.length);
      const lead = s.slice(0, start);
      if (PRISON_AFTER.test(tail) || PRISON_BEFORE.test(lead)) {
        const person = sentencedPerson(ctx, start);
        facts.push({
          ...base,
          kind: "duration",
          subject: person?.entityId ?? person?.name ?? "",
          subjectLabel: person?.name ?? "",
          property: "prison-sentence",
          value: `${value} ${n.value === 1 && !qualifier ? noun.head.replace(/s$/, "") : unit}`,
          unit,
        });
      }
      continue;
    }
    // "cases have been opened against 46 people detained at the rally": a count of the charged, not the held.
    const charged =
      /\b(?:cases?|charges?)\s+(?:have\s+been\s+|had\s+been\s+|were\s+|was\s+)?(?:opened|filed|brought)\s+against\s+$/i;
    const concept = charged.test(s.slice(0, start))
      ? "charged"
      : (conceptOf(noun.head) ?? contextConcept(s, start, phraseEnd));
    // A named group is its own figure only as a subset ("seven journalists were among those held"); otherwise
    // "38 dockworkers were detained" and "41 people were detained" count the same thing.
    const named = noun.head && !GENERIC_NOUNS.has(noun.head) && !conceptOf(noun.head) ? noun.head : "";
    const specific = named && (!concept || /\bamong\b/i.test(s.slice(end))) ? named : "";
    if (!concept && !specific) continue;
    if (!concept && n.value < 2) continue;
    const subject = [specific, concept].filter(Boolean).join(" ");
    const definition = [counterOf(s), SCOPES.find(([re]) => re.test(s))?.[1]].filter(Boolean).join(", ");
    facts.push({
      ...base,
      kind: "quantity",
      subject,
      subjectLabel: subject,
      property: "count",
      value,
      ...(definition ? { definition } : {}),
      ...(time ? { time: { date: time.date, precision: time.precision } } : {}),
    });
  }
  return facts;
}

function counterOf(s: string): string | undefined {
  for (const m of s.matchAll(ATTRIBUTION)) {
    const who = (m[1] ?? m[2] ?? "").split(/\s+/).slice(-4).join(" ");
    const found = COUNTERS.find(([re]) => re.test(who))?.[1];
    if (found) return found;
  }
  return undefined;
}

function applyQualifier(q: string, v: number): [number, number] {
  switch (q) {
    case "more than":
    case "over":
    case "in excess of":
    case "upwards of":
      return [v + 1e-9, Number.POSITIVE_INFINITY];
    case "at least":
    case "no fewer than":
    case "no less than":
      return [v, Number.POSITIVE_INFINITY];
    case "nearly":
    case "almost":
    case "close to":
      return [v * (1 - APPROX_TOLERANCE), v];
    case "up to":
    case "as many as":
    case "at most":
    case "no more than":
      return [0, v];
    case "fewer than":
    case "less than":
    case "under":
      return [0, v - 1e-9];
    default:
      return [v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE)];
  }
}

/** Years, days of months, clock times, ages and list markers are numbers but not figures of the story. */
function isNotAFigure(s: string, n: NumberPhrase, ctx: QuantityContext): boolean {
  const before = s.slice(0, n.start);
  const after = s.slice(n.end);
  const prevWord = /([A-Za-z]+)\.?\s*$/.exec(before)?.[1] ?? "";
  const nextWord = /^\s*([A-Za-z]+)/.exec(after)?.[1] ?? "";
  const inDate = ctx.dates.some((d) => n.start < d.end && n.end > d.start);
  if (inDate) return true;
  if (/^\d{4}$/.test(n.text) && n.value >= 1800 && n.value <= 2100) return true;
  if (MONTHS.test(prevWord) || MONTHS.test(nextWord)) return true;
  if (/^\s*(a\.m\.|p\.m\.|am\b|pm\b|gmt|utc|o'clock|:\d)/i.test(after)) return true;
  if (/^\s*(%|percent|per cent)/i.test(after)) return false;
  // "Daletsky, 49, leads": an age in apposition.
  if (/,\s*$/.test(before) && /^\s*,/.test(after) && /^\d+$/.test(n.text)) return true;
  if (/^\s*[.)]\s/.test(after) && before.trim() === "") return true;
  if (/^one$/i.test(n.text) && (/^\s*(of|another|day|time|way)\b/i.test(after) || !nextWord)) return true;
  if (
    /^(no|number|page|article|section|chapter|room|flight|route|berth|gate|pier|platform|terminal|dock|ward|block|floor|level|phase|round|stage)$/i.test(
      prevWord,
    )
  )
    return true;
  return false;
}

function countedNoun(after: string): { head: string; length: number } {
  const m = /^(\s+of)?((?:\s+[a-z][a-z'-]*){1,4})/.exec(after);
  if (!m) return { head: "", length: 0 };
  const words = (m[2] ?? "").trim().split(/\s+/);
  let consumed = (m[1] ?? "").length;
  const rest = after.slice(consumed);
  let offset = 0;
  for (const w of words) {
    const at = rest.indexOf(w, offset);
    offset = at + w.length;
    if (w === "the" && consumed === (m[1] ?? "").length) continue;
    if (SKIP_ADJECTIVES.has(w)) continue;
    if (FUNCTION_WORDS.has(w)) return { head: "", length: 0 };
    consumed += offset;
    return { head: w, length: consumed };
  }
  return { head: "", length: 0 };
}

function conceptOf(word: string): string | undefined {
  if (!word) return undefined;
  return CONCEPTS.find(([re]) => re.test(word))?.[1];
}

function contextConcept(s: string, start: number, end: number): string | undefined {
  // The month "March" is not a march: a capitalised month name never names what was counted.
  const words = (t: string) => (t.match(/[A-Za-z]+/g) ?? []).filter((w) => w !== "March").map((w) => w.toLowerCase());
  const beforeWords = words(s.slice(0, start));
  // Only the figure's own clause: "2,150 people over the weekend after thousands rallied" is not about rallies.
  const clause = s
    .slice(end)
    .replace(/^,\s*(?:including|among them)[^,]*,/i, "")
    .split(/\b(?:after|before|when|while|because|since|but|as)\b|[,;:]/)[0];
  const afterWords = words(clause ?? "");
  // The verb after the figure ("seven people ... were charged") decides before one before it ("detained 38").
  const window = [...afterWords.slice(0, CONTEXT_WORDS + 2), ...beforeWords.slice(-CONTEXT_WORDS).reverse()];
  for (const w of window) {
    const c = conceptOf(w);
    if (c) return c;
  }
  return undefined;
}

function sentencedPerson(ctx: QuantityContext, at: number): NameMention | null {
  const sStart = ctx.sentence.start;
  const inSentence = ctx.names.filter((m) => m.type === "person" && m.start >= sStart && m.end <= sStart + at);
  const last = inSentence[inSentence.length - 1];
  if (last) return last;
  const pronoun = /\b(he|she)\b/i.exec(ctx.sentence.text.slice(0, at));
  if (pronoun) return resolvePronoun(ctx.text, ctx.names, sStart + (pronoun.index ?? 0), pronoun[1] ?? "");
  return null;
}
