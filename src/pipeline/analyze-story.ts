import type { Article } from "../model/article.js";
import type { Story } from "../model/story.js";

export type StorySections = Pick<Story, "entities" | "provenance" | "claims" | "quotes" | "timeline" | "brief">;

/**
 * Fills the analysed sections of one story from its articles (ordered by publication). Each section is produced by
 * its own stage (resolve, fingerprint, compare, summarize); a stage that has nothing to say leaves its array empty.
 */
export function analyzeStory(_members: readonly Article[]): StorySections {
  return { entities: [], provenance: [], claims: [], quotes: [], timeline: [], brief: [] };
}
