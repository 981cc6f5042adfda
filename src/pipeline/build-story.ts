import { createHash } from "node:crypto";
import { outlineStory, storyIdFor } from "../cluster/index.js";
import type { Mention } from "../extract/entities/index.js";
import { countIndependentSources } from "../fingerprint/index.js";
import type { Article } from "../model/article.js";
import type { Story } from "../model/story.js";
import { analyzeStory } from "./analyze-story.js";

/**
 * One story from its members (in publication order) and their mentions: identity, outline and analysed sections.
 * `id` is the online clusterer's id for the story when it has one (stable as the story grows); otherwise the id
 * comes from the earliest member, which is what the clusterer's would be in one pass in publication order.
 */
export function buildStory(
  members: readonly Article[],
  mentions: readonly Mention[],
  revision: string,
  id: string = storyIdFor(members[0]?.id ?? ""),
): Story {
  const first = members[0];
  if (first === undefined) throw new Error("A story needs at least one article");
  const dates = members.map((article) => article.publishedAt).filter((date): date is string => date !== null);
  const sortedDates = [...dates].sort((a, b) => Date.parse(a) - Date.parse(b));
  const outlets = [...new Set(members.map((article) => article.outlet).filter((o): o is string => o !== null))].sort();
  const sections = analyzeStory(members, mentions);
  // Title and order come from centrality: the article closest to the others says best what the story is.
  const outline = outlineStory(members);
  return {
    id,
    revision,
    title: outline.title || first.title,
    articleIds: outline.articleIds,
    firstSeen: sortedDates[0] ?? null,
    lastSeen: sortedDates.at(-1) ?? null,
    outlets,
    independentSources: countIndependentSources(members, sections.provenance),
    ...sections,
  };
}

/**
 * The revision of a story (see `Story.revision`): SHA-256 over the analyser's version and every field of every
 * member, in the order given (publication order), with object keys sorted so that a store that reorders keys (as
 * PostgreSQL's jsonb does) gives the same digest.
 */
export function storyRevision(analyzerVersion: string, members: readonly Article[]): string {
  const hash = createHash("sha256").update(analyzerVersion).update("\u0000");
  for (const article of members) hash.update(stableJson(article)).update("\u0000");
  return hash.digest("hex").slice(0, 32);
}

/**
 * JSON with object keys sorted at every level. Written here rather than taken from a package: a dozen lines, and the
 * digest must never change under a dependency update.
 */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((item) => stableJson(item === undefined ? null : item)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(",")}}`;
}

/** Biggest stories first: that is what a reader opens first. Ties by first publication, then id, for stable output. */
export function compareStories(a: Story, b: Story): number {
  return (
    b.articleIds.length - a.articleIds.length || instant(a.firstSeen) - instant(b.firstSeen) || a.id.localeCompare(b.id)
  );
}

/** Undated stories sort last. */
function instant(date: string | null): number {
  return date === null ? Number.POSITIVE_INFINITY : Date.parse(date);
}
