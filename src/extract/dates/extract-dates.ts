import type { Article } from "../../model/article.js";
import { type Diagnostic, diagnostic } from "../../model/diagnostic.js";
import type { Entity } from "../../model/story.js";
import { nameMentions } from "../facts/people.js";
import { isTabularLine, sentences } from "../facts/text-spans.js";
import { eventText } from "./event-text.js";
import { type DatePrecision, findDates, referenceDay } from "./resolve-date.js";

/** One dated event as one article tells it. */
export interface DatedEvent {
  articleId: string;
  date: string;
  precision: DatePrecision;
  event: string;
  /** The date expression as written, with offsets into `article.text`. */
  expression: string;
  start: number;
  end: number;
}

/** Events with too few words say nothing a reader could place on a timeline ("It", "Then"). */
const MIN_EVENT_WORDS = 3;

/**
 * Dated events of one article, including those a quoted speaker dates ("we asked for a plan in January"): the
 * speaker is as much a source as the reporter. Relative dates in an article without a publication date are left
 * out with a diagnostic.
 */
export function extractDates(
  article: Article,
  entities: readonly Entity[] = [],
): { events: DatedEvent[]; diagnostics: Diagnostic[] } {
  const events: DatedEvent[] = [];
  const diagnostics: Diagnostic[] = [];
  const reference = referenceDay(article.publishedAt);
  const names = nameMentions(article, entities);
  for (const sentence of sentences(article.text)) {
    if (isTabularLine(sentence.text)) continue;
    const { mentions, unresolved } = findDates(sentence.text, reference);
    for (const u of unresolved) {
      diagnostics.push(
        diagnostic(
          "dates:unresolvable",
          `Unexpected relative date "${u.text}" in an article without a publication date, expected a date that can be resolved; left out of the timeline`,
          { offset: sentence.start + u.start },
          "info",
        ),
      );
    }
    for (const d of mentions) {
      const start = sentence.start + d.start;
      const event = eventText(article.text, sentence, d, names, mentions);
      // A byline or a bare name left after removing the date ("Courier Newsdesk") tells no event.
      if (event.split(" ").length < MIN_EVENT_WORDS || !/\b[a-z]{3,}\b/.test(event)) continue;
      events.push({
        articleId: article.id,
        date: d.date,
        precision: d.precision,
        event,
        expression: d.text,
        start,
        end: sentence.start + d.end,
      });
    }
  }
  return { events, diagnostics };
}
