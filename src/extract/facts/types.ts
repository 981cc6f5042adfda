import type { DatePrecision } from "../dates/resolve-date.js";
import type { Span } from "./text-spans.js";

export type FactKind = "quantity" | "duration" | "role" | "relation";

/** One statement of one article, small enough to be compared with the same statement in another article. */
export interface Fact {
  kind: FactKind;
  articleId: string;
  /** Alignment key of what the fact is about: an entity id, a person's name, or a counted concept ("detained"). */
  subject: string;
  /** Readable form of the subject for reports and the brief. */
  subjectLabel: string;
  /** "count", "prison-sentence", "role", or a relation verb ("detained", "charged", "sentenced", "elected", "met"). */
  property: string;
  /** Canonical value as a reader would write it: "2,150", "more than 2,000", "12 years", "former minister". */
  value: string;
  /** For quantities and durations: the interval of values the wording allows. */
  low?: number;
  high?: number;
  /** "years", "months", ... for durations. */
  unit?: string;
  /** For roles: the role's head noun ("minister") and whether the text says "former". */
  roleHead?: string;
  former?: boolean;
  /** Who counted or what exactly was counted ("police", "nationwide"), when the sentence says. */
  definition?: string;
  /** The date the sentence ties the fact to ("by Sunday"), when it does. */
  time?: { date: string; precision: DatePrecision };
  /** The fact's own phrase, with offsets into `article.text`. */
  text: string;
  start: number;
  end: number;
  sentence: Span;
}
