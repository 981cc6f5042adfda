import type { TimelineEvent } from "../../model/story.js";
import type { DatedEvent } from "./extract-dates.js";

/** Share of content words two descriptions must share to be one event on the same date. */
const SAME_EVENT_MIN_OVERLAP = 0.3;
/**
 * Distinctive words two descriptions must share, whatever the share: one common word ("family" in "the family's
 * flat" and "his family says") is a coincidence, not the same event.
 */
const SAME_EVENT_MIN_SHARED = 2;
/** Share of a story's events a word may appear in before it stops telling events apart. */
const COMMON_STEM_SHARE = 0.2;
/** Below this many events every word counts: shares are meaningless on a handful. */
const MIN_EVENTS_FOR_COMMON = 8;
/** Word prefix length that stands in for a stem: "detained"/"detentions" -> "deten"/"detai" differ, "arrest(ed)" agree. */
const STEM_CHARS = 5;
const STOP = new Set(
  "the a an and or but of in on at to from for with by as was were is are had has have be been it its his her their they he she this that which who after before over than him them not said says told would could will all any our we you there then when where what also".split(
    " ",
  ),
);

export function contentStems(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/[\p{L}\d]+/gu) ?? [])
      .filter((w) => !STOP.has(w) && w.length > 2)
      .map((w) => w.slice(0, STEM_CHARS)),
  );
}

export function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  return sharedCount(a, b) / Math.min(a.size, b.size);
}

function sharedCount(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared;
}

/** Same event: enough of the shorter description shared, and more than one word of it unless it has only one. */
function sameEvent(a: Set<string>, b: Set<string>): boolean {
  const needed = Math.min(SAME_EVENT_MIN_SHARED, a.size, b.size);
  return overlap(a, b) >= SAME_EVENT_MIN_OVERLAP && sharedCount(a, b) >= needed;
}

/** Events on the same date (at the same precision) with similar descriptions merge, keeping every article. */
export function mergeTimeline(events: readonly DatedEvent[]): TimelineEvent[] {
  const groups: Array<{ date: string; precision: DatedEvent["precision"]; members: DatedEvent[] }> = [];
  // Words in many events of the story (its country, its protagonist) say nothing about which event this is.
  const df = new Map<string, number>();
  for (const e of events) for (const s of contentStems(e.event)) df.set(s, (df.get(s) ?? 0) + 1);
  const common = (s: string) =>
    events.length >= MIN_EVENTS_FOR_COMMON && (df.get(s) ?? 0) / events.length > COMMON_STEM_SHARE;
  const distinctive = (e: DatedEvent) => new Set([...contentStems(e.event)].filter((s) => !common(s)));
  for (const e of events) {
    const stems = distinctive(e);
    // Compared member by member: a group's pooled words would soon match anything on its date.
    const g = groups.find(
      (x) =>
        x.date === e.date && x.precision === e.precision && x.members.some((m) => sameEvent(distinctive(m), stems)),
    );
    if (g) g.members.push(e);
    else groups.push({ date: e.date, precision: e.precision, members: [e] });
  }
  return groups
    .map((g) => {
      // The description closest to all the others reads as the common account.
      const best = [...g.members].sort(
        (a, b) => score(b, g.members) - score(a, g.members) || a.event.length - b.event.length,
      )[0];
      return {
        date: g.date,
        precision: g.precision,
        event: best?.event ?? "",
        articleIds: [...new Set(g.members.map((m) => m.articleId))],
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}

function score(e: DatedEvent, all: readonly DatedEvent[]): number {
  const mine = contentStems(e.event);
  return all.reduce((sum, o) => sum + (o === e ? 0 : overlap(mine, contentStems(o.event))), 0);
}
