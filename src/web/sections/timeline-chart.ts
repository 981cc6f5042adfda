import type { Article } from "../../model/article.js";
import type { Story, TimelineEvent } from "../../model/story.js";
import { escapeHtml as e } from "../../report/escape-html.js";
import type { ArticleRefs } from "../article-refs.js";

/** SVG user units; the chart scales to the column width, and scrolls on narrow screens below its min width. */
const WIDTH = 800;
const HEIGHT = 118;
const AXIS_Y = 78;
const MARGIN_X = 40;
/** Heights for event number labels; a label goes to the lowest level where it clears its left neighbour. */
const LABEL_LEVELS = [60, 44, 28, 12];
/** Horizontal room one number label needs (two digits at 11px). */
const LABEL_GAP = 16;
const TICKS = 5;
const DAY_MS = 86_400_000;
/** Below this span tick labels show the hour too, or neighbouring ticks would repeat the same day. */
const HOURLY_SPAN_MS = 4 * DAY_MS;

function tickLabel(ms: number, span: number): string {
  const iso = new Date(ms).toISOString();
  return span < HOURLY_SPAN_MS ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}

function eventMs(event: TimelineEvent): number | null {
  const padded = /^\d{4}$/.test(event.date)
    ? `${event.date}-01-01`
    : /^\d{4}-\d{2}$/.test(event.date)
      ? `${event.date}-01`
      : event.date;
  const ms = Date.parse(`${padded.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Dated events on a time axis (an inline SVG: numbered dots, with the articles' publication times as small ticks
 * under the axis), and the same events as an ordered list with citations.
 */
export function timelineChart(story: Story, articles: readonly Article[], refs: ArticleRefs): string {
  if (story.timeline.length === 0) return `<p class="empty">No dated events found.</p>`;
  const events = story.timeline.map((event, index) => ({ event, number: index + 1, ms: eventMs(event) }));
  const published = articles
    .map((article) => ({ article, ms: article.publishedAt === null ? Number.NaN : Date.parse(article.publishedAt) }))
    .filter((entry) => !Number.isNaN(entry.ms));
  const times = [
    ...events.map((entry) => entry.ms).filter((ms): ms is number => ms !== null),
    ...published.map((p) => p.ms),
  ];
  let min = Math.min(...times);
  let max = Math.max(...times);
  if (!Number.isFinite(min)) return eventList(events, refs);
  if (max - min < DAY_MS) {
    min -= DAY_MS;
    max += DAY_MS;
  }
  const x = (ms: number) => MARGIN_X + ((ms - min) / (max - min)) * (WIDTH - 2 * MARGIN_X);
  const ticks = Array.from({ length: TICKS }, (_, i) => min + ((max - min) * i) / (TICKS - 1))
    .map(
      (ms) =>
        `<g class="tick"><line x1="${x(ms)}" x2="${x(ms)}" y1="${AXIS_Y}" y2="${AXIS_Y + 5}"/><text x="${x(ms)}" y="${AXIS_Y + 30}" text-anchor="middle">${tickLabel(ms, max - min)}</text></g>`,
    )
    .join("");
  const pubs = published
    .map(
      ({ article, ms }) =>
        `<g class="pub"><title>Published: ${e(refs.label(article.id))} ${e(article.publishedAt ?? "")}</title><line x1="${x(ms)}" x2="${x(ms)}" y1="${AXIS_Y + 4}" y2="${AXIS_Y + 14}"/></g>`,
    )
    .join("");
  const lastX = LABEL_LEVELS.map(() => Number.NEGATIVE_INFINITY);
  const dots = events
    .filter((entry) => entry.ms !== null)
    .sort((a, b) => (a.ms as number) - (b.ms as number))
    .map((entry) => {
      const cx = x(entry.ms as number);
      let level = lastX.findIndex((used) => cx - used >= LABEL_GAP);
      // All levels crowded: take the one whose last label is farthest away.
      if (level === -1) level = lastX.indexOf(Math.min(...lastX));
      lastX[level] = cx;
      const labelY = LABEL_LEVELS[level] ?? AXIS_Y - 18;
      return `<g class="event"><title>${e(entry.event.date)}: ${e(entry.event.event)}</title><line x1="${cx}" x2="${cx}" y1="${labelY + 3}" y2="${AXIS_Y}" stroke="currentColor" stroke-opacity="0.3"/><circle cx="${cx}" cy="${AXIS_Y}" r="6"/><text x="${cx}" y="${labelY}" text-anchor="middle">${entry.number}</text></g>`;
    })
    .join("");
  return `<figure class="timeline">
<div class="scroll-x" role="region" aria-label="Timeline chart, scrolls sideways" tabindex="0">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="timeline-title">
<title id="timeline-title">Timeline of ${events.length} events from ${new Date(min).toISOString().slice(0, 10)} to ${new Date(max).toISOString().slice(0, 10)}; numbers match the list below</title>
<g class="axis"><line x1="${MARGIN_X}" x2="${WIDTH - MARGIN_X}" y1="${AXIS_Y}" y2="${AXIS_Y}"/></g>
${ticks}${pubs}${dots}
</svg>
</div>
<figcaption>Numbered dots are events; small ticks under the axis are when the articles were published.</figcaption>
</figure>
${eventList(events, refs)}`;
}

function eventList(events: readonly { event: TimelineEvent; number: number }[], refs: ArticleRefs): string {
  const items = events
    .map(
      ({ event }) =>
        `<li><time datetime="${e(event.date)}">${e(event.date)}</time>: ${e(event.event)} ${refs.citeAll(event.articleIds, event.event)}</li>`,
    )
    .join("\n");
  return `<ol class="events">\n${items}\n</ol>`;
}
