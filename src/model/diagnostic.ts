/**
 * A problem found in the content of one input. Stages record these on the article instead of throwing:
 * a bad page must not stop a batch. Only misuse of an API and fatal faults throw.
 */
export type Severity = "info" | "warning" | "error";

/** Where in the input a diagnostic points. Any field may be absent when the stage cannot know it. */
export interface Place {
  /** 1-based line in the original input. */
  line?: number;
  /** 1-based column in the original input. */
  column?: number;
  /** 0-based character offset in the article's clean `text`. */
  offset?: number;
  /** A field or element name: `front-matter`, `json-ld`, `<meta property="og:title">`. */
  field?: string;
}

export interface Diagnostic {
  /** Phrased "Unexpected X, expected Y" (or "Repaired X as Y" for a repair). */
  reason: string;
  /** The rule that spoke, as `stage:rule`, e.g. `ingest:mojibake`. */
  source: string;
  place: Place | null;
  severity: Severity;
}

export function diagnostic(
  source: string,
  reason: string,
  place: Place | null = null,
  severity: Severity = "warning",
): Diagnostic {
  return { reason, source, place, severity };
}
