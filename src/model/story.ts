import type { Diagnostic } from "./diagnostic.js";

/**
 * The analysed sections of a story. Shapes follow docs/report-format.md; each later stage fills one section.
 * Offsets are 0-based UTF-16 code unit offsets into the article's clean `text` (what JavaScript strings index).
 */

export type EntityType = "person" | "organization" | "place" | "other";

export interface EntityMention {
  articleId: string;
  start: number;
  end: number;
  text: string;
}

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  articleIds: string[];
  roles?: string[];
  mentions?: EntityMention[];
}

export type ProvenanceRelation = "duplicate" | "near-duplicate" | "rewrite" | "credit";

export interface AlignedPassage {
  source: { start: number; end: number; text: string };
  target: { start: number; end: number; text: string };
  /** What both passages share: quotes, figures, names, rare phrases. */
  shared: string[];
}

export interface ProvenanceEdge {
  /** Article id of the likely origin, or `outlet:<name>` for a credited outlet outside the corpus. */
  source: string;
  target: string;
  relation: ProvenanceRelation;
  score: number;
  /** False when nothing decided which way the copy went. */
  directionKnown?: boolean;
  evidence: AlignedPassage[];
}

export type ClaimStatus = "agreed" | "conflicting" | "single-source";

export interface ClaimValue {
  value: string;
  text: string;
  articleIds: string[];
  /** How many independent sources carry this value: copies, rewrites and shared credits count once. */
  independentSources?: number;
}

export interface Claim {
  id: string;
  subject: string;
  property: string;
  status: ClaimStatus;
  /** For a difference that is not a contradiction: "different-definition" or "different-time". */
  note?: string;
  values: ClaimValue[];
}

export interface Quote {
  text: string;
  speaker: string | null;
  speakerName: string | null;
  articleIds: string[];
}

export interface TimelineEvent {
  date: string;
  precision?: "day" | "month" | "year";
  event: string;
  articleIds: string[];
}

export interface BriefSentence {
  text: string;
  articleIds: string[];
}

/** A problem an analysis stage found in one member article (a quote left open, a date it could not resolve). */
export interface StoryDiagnostic {
  articleId: string;
  diagnostic: Diagnostic;
}

export interface Story {
  id: string;
  /**
   * Digest of what the story was analysed from: the analyser's version and its member articles, every field. Equal
   * revisions mean equal stories, so a later analysis reuses the story instead of analysing it again.
   */
  revision?: string;
  title: string;
  articleIds: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  outlets: string[];
  /** Outlets left after collapsing copies into their origin; set by the pipeline from the provenance edges. */
  independentSources?: number;
  entities: Entity[];
  provenance: ProvenanceEdge[];
  claims: Claim[];
  quotes: Quote[];
  timeline: TimelineEvent[];
  brief: BriefSentence[];
  /** Shown with the article in the report; kept on the story because articles are stored before analysis. */
  diagnostics?: StoryDiagnostic[];
}
