import { createHash } from "node:crypto";
import { compareByPublication, groupStories, outlineStory } from "../cluster/index.js";
import { countIndependentSources } from "../fingerprint/index.js";
import type { Article } from "../model/article.js";
import type { Story } from "../model/story.js";
import { analyzeStory } from "./analyze-story.js";

/**
 * The analysis pipeline over stored articles: group them into stories, then fill each story's sections.
 * Pure: articles in, stories out; the CLI and the server do the reading and writing.
 */
export function analyzeCorpus(articles: readonly Article[]): Story[] {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const stories = groupStories(articles).map((group) => {
    const members = group.articleIds
      .map((id) => byId.get(id))
      .filter((article): article is Article => article !== undefined)
      .sort(compareByPublication);
    return buildStory(members);
  });
  // Biggest stories first: that is what a reader opens first. Ties by first publication, then id, for stable output.
  return stories.sort(
    (a, b) =>
      b.articleIds.length - a.articleIds.length ||
      instant(a.firstSeen) - instant(b.firstSeen) ||
      a.id.localeCompare(b.id),
  );
}

function buildStory(members: Article[]): Story {
  const first = members[0];
  if (first === undefined) throw new Error("A story needs at least one article");
  const dates = members.map((article) => article.publishedAt).filter((date): date is string => date !== null);
  const sortedDates = [...dates].sort((a, b) => Date.parse(a) - Date.parse(b));
  const outlets = [...new Set(members.map((article) => article.outlet).filter((o): o is string => o !== null))].sort();
  const sections = analyzeStory(members);
  // Title and order come from centrality: the article closest to the others says best what the story is.
  const outline = outlineStory(members);
  return {
    id: `story-${createHash("sha256").update(first.id).digest("hex").slice(0, 12)}`,
    title: outline.title || first.title,
    articleIds: outline.articleIds,
    firstSeen: sortedDates[0] ?? null,
    lastSeen: sortedDates.at(-1) ?? null,
    outlets,
    independentSources: countIndependentSources(members, sections.provenance),
    ...sections,
  };
}

/** Undated stories sort last. */
function instant(date: string | null): number {
  return date === null ? Number.POSITIVE_INFINITY : Date.parse(date);
}
