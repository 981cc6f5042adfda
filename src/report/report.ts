import type { Article } from "../model/article.js";
import type { Story } from "../model/story.js";

/**
 * The machine-readable report (report.json). Documented in docs/report-format.md; tools outside the project read
 * it, so any change to its shape bumps REPORT_SCHEMA_VERSION and is written down there.
 */
export const REPORT_SCHEMA_VERSION = 1;

/** An article as the report shows it: every field of the stored article but its ingest metadata. */
export type ReportArticle = Omit<Article, "metadata">;

export interface ReportStory extends Omit<Story, "diagnostics" | "independentSources"> {
  /** Outlets left after collapsing copies into their origin (provenance); equals outlets.length without copies. */
  independentSources: number;
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  generator: { name: "parallax"; version: string };
  generatedAt: string;
  articles: ReportArticle[];
  stories: ReportStory[];
}
