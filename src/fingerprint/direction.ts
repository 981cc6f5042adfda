import type { Analysis } from "./analyze.js";
import { type Credit, normalizeOutlet } from "./credit.js";

export interface DirectionInput {
  analysis: Analysis;
  time: number;
  outlet: string | null;
  credits: readonly Credit[];
}

export interface Direction {
  /** True when `a` is the origin. */
  aIsSource: boolean;
  known: boolean;
  /** What decided it, for debugging and the report. */
  reason: "date" | "credit" | "content" | "unknown";
}

/** Details (distinct numbers and names) one side must have over the other before "drops details" decides. */
const DETAIL_MARGIN = 2;

/** Points for looking like the copy: carries a credit line, more boilerplate, fewer details. */
function copyCues(self: DirectionInput, other: DirectionInput): { credit: number; content: number } {
  let credit = 0;
  const otherOutlet = other.outlet ? normalizeOutlet(other.outlet) : null;
  for (const c of self.credits) {
    // Crediting the other article's outlet is the strongest cue; any wire credit still says "not ours".
    if (otherOutlet && normalizeOutlet(c.outlet) === otherOutlet) credit += 2;
    else if (c.kind === "wire") credit += 1;
  }
  let content = 0;
  if (self.analysis.boilerplateParagraphs > other.analysis.boilerplateParagraphs) content += 1;
  if (self.analysis.details.size + DETAIL_MARGIN <= other.analysis.details.size) content += 1;
  return { credit, content };
}

/**
 * The earlier publication is the origin. With equal or missing dates, content decides: a credit line first, then
 * added boilerplate and dropped details; when nothing decides, direction is unknown and `a` (first in input) leads.
 */
export function decideDirection(a: DirectionInput, b: DirectionInput): Direction {
  if (Number.isFinite(a.time) && Number.isFinite(b.time) && a.time !== b.time) {
    return { aIsSource: a.time < b.time, known: true, reason: "date" };
  }
  const cuesA = copyCues(a, b);
  const cuesB = copyCues(b, a);
  if (cuesA.credit !== cuesB.credit) return { aIsSource: cuesA.credit < cuesB.credit, known: true, reason: "credit" };
  if (cuesA.content !== cuesB.content) {
    return { aIsSource: cuesA.content < cuesB.content, known: true, reason: "content" };
  }
  return { aIsSource: true, known: false, reason: "unknown" };
}
