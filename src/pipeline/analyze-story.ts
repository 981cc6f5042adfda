import { compareStory } from "../compare/index.js";
import { extractMentions, type Mention } from "../extract/entities/index.js";
import { detectProvenance } from "../fingerprint/index.js";
import type { Article } from "../model/article.js";
import type { Story } from "../model/story.js";
import { resolveEntities } from "../resolve/index.js";

export type StorySections = Pick<
  Story,
  "entities" | "provenance" | "claims" | "quotes" | "timeline" | "brief" | "diagnostics"
>;

/**
 * Fills the analysed sections of one story from its articles (ordered by publication). Each section is produced by
 * its own stage; a stage that has nothing to say leaves its array empty. Order matters: entities feed quote speakers
 * and claim subjects, provenance keeps copies from counting as independent confirmation. `mentions` (of these
 * members) may be passed when the caller already extracted them, as the corpus pipeline does for clustering.
 */
export function analyzeStory(
  members: readonly Article[],
  mentions: readonly Mention[] = members.flatMap((article) => extractMentions(article)),
): StorySections {
  const entities = resolveEntities(members, mentions);
  const provenance = detectProvenance(members);
  const compared = compareStory({ articles: members, entities, provenance });
  return {
    entities,
    provenance,
    claims: compared.claims,
    quotes: compared.quotes,
    timeline: compared.timeline,
    brief: compared.brief,
    diagnostics: compared.diagnostics,
  };
}
