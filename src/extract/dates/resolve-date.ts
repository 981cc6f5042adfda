import * as chrono from "chrono-node";

export type DatePrecision = "day" | "month" | "year";

/** A calendar day as written in the article's own offset: the day the outlet meant by "today". */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export interface DateMention {
  /** Offsets relative to the scanned string. */
  start: number;
  end: number;
  text: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as long as its precision allows. */
  date: string;
  precision: DatePrecision;
}

export interface UnresolvedDate {
  start: number;
  end: number;
  text: string;
}

/** Words that make a bare month or weekday point forward ("the trial will open on Monday"). */
const FUTURE_CUE =
  /\b(will|next|due|expects?|expected|forecasts?|scheduled|resumes|reopens|begins|starts|opens|plans? to|planned to|upcoming|coming|to be held|to (?:begin|start|open|resume))\b/i;
/** Expressions too vague for a day, month or year (a week straddles months); left out rather than guessed. */
/** How far before a weekday a future cue still governs it. */
const FUTURE_CUE_REACH = 80;
/** "From Friday, farms will be limited": the cue may also follow the weekday, closer in. */
const FUTURE_CUE_REACH_AFTER = 60;
const DURATION = /^(?:for|in|within|over)\s+(?:\d+|[a-z]+)\s+(?:days?|weeks?|months?|years?|hours?)$/i;
const LOWERCASE_CALENDAR_WORD =
  /^(?:on\s+)?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/;
const VAGUE = /\b(week|weekend|weeks|fortnight|decade|century|past)\b/i;
/** Durations chrono reads as offsets from the publication ("four months after his arrest"). */
const DURATION_OFFSET = /\b(after|before|later|earlier)\s*$/i;
const SEASON =
  /\b(?:(?:in|during|since)\s+)?(?:the\s+)?(?:(spring|summer|autumn|fall|winter)\s+of\s+(\d{4}|last year)|last\s+(spring|summer|autumn|fall))\b/gi;
/** Last month of each season in the northern hemisphere, to tell which year "last summer" was. */
const SEASON_END: Record<string, number> = { spring: 5, summer: 8, autumn: 11, fall: 11 };
const BARE_YEAR = /\b(?:in|since|by|during|until|of)\s+((?:19|20)\d{2})\b(?!\s*(?:people|[a-z]+s\b))/gi;
const MONTH_LAST_YEAR = /^\s*(?:of\s+)?(last|this|next)\s+year\b/i;

export function referenceDay(publishedAt: string | null): CalendarDay | null {
  if (!publishedAt) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt);
  if (!m) return null;
  const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return Number.isNaN(Date.UTC(day.year, day.month - 1, day.day)) ? null : day;
}

/**
 * Date expressions in one sentence, resolved against the publication day. Relative expressions in an article
 * without a publication date are returned as unresolved, never guessed.
 */
export function findDates(sentence: string, reference: CalendarDay | null): FoundDates {
  // Facts, dates and the brief's support check each read the same sentences of an article: parse each once.
  const key =
    reference === null
      ? `-\u0000${sentence}`
      : `${reference.year}-${reference.month}-${reference.day}\u0000${sentence}`;
  let found = foundDates.get(key);
  if (found === undefined) {
    if (foundDates.size >= FOUND_DATES_CACHE_SIZE) foundDates.clear();
    found = parseDates(sentence, reference);
    foundDates.set(key, found);
  }
  return found;
}

export interface FoundDates {
  readonly mentions: readonly DateMention[];
  readonly unresolved: readonly UnresolvedDate[];
}

/** Sentences parsed, by reference day and text. */
const foundDates = new Map<string, FoundDates>();
/**
 * Room for the sentences of the stories one analysis touches at a time (a story's articles are analysed together);
 * past it the map starts over, so a long-running server holds a bounded set. A miss only costs a parse.
 */
const FOUND_DATES_CACHE_SIZE = 20_000;

function parseDates(sentence: string, reference: CalendarDay | null): FoundDates {
  const mentions: DateMention[] = [];
  const unresolved: UnresolvedDate[] = [];
  const taken: Array<[number, number]> = [];
  const free = (a: number, b: number) => !taken.some(([x, y]) => a < y && b > x);
  const add = (m: DateMention) => {
    mentions.push(m);
    taken.push([m.start, m.end]);
  };
  const future = FUTURE_CUE.test(sentence);

  for (const m of sentence.matchAll(SEASON)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const which = m[2] ?? "";
    const lastSeason = m[3]?.toLowerCase();
    if (/^\d/.test(which)) add({ start, end, text: m[0], date: which, precision: "year" });
    else if (reference && lastSeason) {
      // "last summer" is the latest summer over by publication: in March 2026, summer 2025.
      const year = reference.month > (SEASON_END[lastSeason] ?? 12) ? reference.year : reference.year - 1;
      add({ start, end, text: m[0], date: String(year), precision: "year" });
    } else if (reference) add({ start, end, text: m[0], date: String(reference.year - 1), precision: "year" });
    else {
      unresolved.push({ start, end, text: m[0] });
      taken.push([start, end]);
    }
  }

  // chrono needs an instant; noon UTC of the outlet's own day keeps every component on that day.
  const ref = reference ?? { year: 2000, month: 1, day: 1 };
  const instant = new Date(Date.UTC(ref.year, ref.month - 1, ref.day, 12));
  for (const r of chrono.parse(sentence, { instant, timezone: "UTC" }, { forwardDate: false })) {
    const text = r.text.replace(/[\s,.;:]+$/, "");
    const start = r.index;
    let end = start + text.length;
    if (!free(start, end)) continue;
    if (VAGUE.test(text) || DURATION_OFFSET.test(text) || /^(now|right now|currently)$/i.test(text)) continue;
    // "a crane operator for 19 years", "in two weeks": a length of time, not a point in it.
    if (DURATION.test(text)) continue;
    // "first sat down", "in the sun", "may": a weekday or month written in lower case is an ordinary word.
    if (LOWERCASE_CALENDAR_WORD.test(text)) continue;
    // "Zarechia Today", "Radio Tomorrow": a capitalised relative word after a name is part of that name.
    if (/^(Today|Tomorrow|Yesterday|Tonight)$/.test(text) && /[A-Z][\w’']*\s+$/.test(sentence.slice(0, start)))
      continue;
    // "LYUBRAVA, March 15 (Wire) -": a dateline repeats the publication day, it is not an event.
    if (/^[A-Z][A-Z .'-]+,\s*$/.test(sentence.slice(0, start))) continue;
    const c = r.start;
    const explicitYear = /\b\d{4}\b/.test(text);
    const relative = !explicitYear;
    let precision: DatePrecision | null = null;
    let year = c.get("year") ?? ref.year;
    let month = c.get("month") ?? 1;
    let day = c.get("day") ?? 1;
    if (c.isCertain("weekday") && !c.isCertain("day")) {
      precision = "day";
      const target = c.get("weekday") ?? 0;
      const refWeekday = new Date(Date.UTC(ref.year, ref.month - 1, ref.day)).getUTCDay();
      // "expected to begin on Monday": a future cue just before a weekday points forward.
      const forward =
        /\bnext\b/i.test(text) ||
        FUTURE_CUE.test(sentence.slice(Math.max(0, start - FUTURE_CUE_REACH), end + FUTURE_CUE_REACH_AFTER));
      // "next Monday" on a Monday is a week on; "expected to start on Monday" on a Monday is that day.
      const ahead = (target - refWeekday + 7) % 7 || (/\bnext\b/i.test(text) ? 7 : 0);
      const shift = forward ? ahead : -((refWeekday - target + 7) % 7);
      const d = new Date(Date.UTC(ref.year, ref.month - 1, ref.day + shift));
      year = d.getUTCFullYear();
      month = d.getUTCMonth() + 1;
      day = d.getUTCDate();
    } else if (c.isCertain("day") && c.isCertain("month")) {
      precision = /\bmonths? ago\b/i.test(text) ? "month" : /\byears? ago\b/i.test(text) ? "year" : "day";
      if (!c.isCertain("year")) {
        year = pickYear(ref, month, day, future);
        // "Friday, March 20": the weekday tells the year better than the tense around it.
        if (c.isCertain("weekday")) year = yearMatchingWeekday(year, month, day, c.get("weekday") ?? 0);
      }
    } else if (c.isCertain("month")) {
      precision = "month";
      if (!c.isCertain("year")) {
        const after = MONTH_LAST_YEAR.exec(sentence.slice(end));
        if (after) {
          year = ref.year + (after[1] === "last" ? -1 : after[1] === "next" ? 1 : 0);
          end += after[0].length;
        } else
          year = /\b(last|this|next) month\b/i.test(text)
            ? (c.get("year") ?? ref.year)
            : pickYear(ref, month, 1, future);
      }
    } else if (c.isCertain("year")) {
      precision = "year";
    }
    if (!precision) continue;
    if (relative && !reference) {
      unresolved.push({ start, end, text: sentence.slice(start, end) });
      taken.push([start, end]);
      continue;
    }
    add({ start, end, text: sentence.slice(start, end), date: formatDate(year, month, day, precision), precision });
  }

  for (const m of sentence.matchAll(BARE_YEAR)) {
    const year = m[1] ?? "";
    const start = (m.index ?? 0) + m[0].length - year.length;
    const end = start + year.length;
    if (free(start, end)) add({ start, end, text: year, date: year, precision: "year" });
  }
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, unresolved };
}

/** The year nearest `guess` (one either side) in which that day falls on `weekday`; `guess` when none does. */
function yearMatchingWeekday(guess: number, month: number, day: number, weekday: number): number {
  for (const y of [guess, guess + 1, guess - 1]) {
    if (new Date(Date.UTC(y, month - 1, day)).getUTCDay() === weekday) return y;
  }
  return guess;
}

/** A day or month without a year is the latest one on or before publication, unless the sentence looks ahead. */
function pickYear(ref: CalendarDay, month: number, day: number, future: boolean): number {
  const after = month > ref.month || (month === ref.month && day > ref.day);
  if (after && !future) return ref.year - 1;
  if (!after && future && month < ref.month) return ref.year + 1;
  return ref.year;
}

export function formatDate(year: number, month: number, day: number, precision: DatePrecision): string {
  const y = String(year).padStart(4, "0");
  const m = String(month).padStart(2, "0");
  const d = String(day).padStart(2, "0");
  return precision === "year" ? y : precision === "month" ? `${y}-${m}` : `${y}-${m}-${d}`;
}
