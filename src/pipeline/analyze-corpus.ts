import { createHash } from "node:crypto";
import {
  type ArticleFeatures,
  compareByPublication,
  groupStories,
  outlineStory,
  type StoryMode,
} from "../cluster/index.js";
import { extractMentions, type Mention } from "../extract/entities/index.js";
import { countIndependentSources } from "../fingerprint/index.js";
import type { Article } from "../model/article.js";
import type { Story } from "../model/story.js";
import { nameKey, resolvedName } from "../resolve/index.js";
import { analyzeStory } from "./analyze-story.js";

/**
 * The analysis pipeline over stored articles: group them into stories, then fill each story's sections.
 * Pure: articles in, stories out; the CLI and the server do the reading and writing.
 */
export interface CorpusOptions {
  /** How stories are grouped (cluster/group-stories.ts); "auto" by default. */
  storyMode?: StoryMode;
}

export function analyzeCorpus(articles: readonly Article[], options: CorpusOptions = {}): Story[] {
  const byId = new Map(articles.map((article) => [article.id, article]));
  // Mentions are extracted once: the clusterer groups on their keys, then each story's analysis resolves them.
  const mentionsById = new Map(articles.map((article) => [article.id, extractMentions(article)]));
  const features = new Map<string, ArticleFeatures>();
  for (const [id, mentions] of mentionsById) features.set(id, { entities: entityKeys(mentions) });
  const mode = options.storyMode ?? "auto";
  const stories = groupStories(articles, features, { mode }).map((group) => {
    const members = group.articleIds
      .map((id) => byId.get(id))
      .filter((article): article is Article => article !== undefined)
      .sort(compareByPublication);
    return buildStory(
      members,
      members.flatMap((article) => mentionsById.get(article.id) ?? []),
    );
  });
  // Biggest stories first: that is what a reader opens first. Ties by first publication, then id, for stable output.
  return stories.sort(
    (a, b) =>
      b.articleIds.length - a.articleIds.length ||
      instant(a.firstSeen) - instant(b.firstSeen) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * The clustering features of one article's mentions: one key per distinct person, organisation and place, equal
 * across romanisations and scripts of one name (Daletsky/Daletski, Lyubrava/Liubrava/Любрава) and different for
 * different people who share a root (Lukashenko/Lukashev, a husband and his wife). A bare surname or a role
 * ("the minister") counts under the fuller name it refers to in the same article. Per article, not resolved across
 * the corpus: the online clusterer sees one article at a time, and a batch must group as the stream would.
 */
export function entityKeys(mentions: readonly Mention[]): string[] {
  const keys = new Set<string>();
  for (const mention of mentions) keys.add(nameKey(resolvedName(mention, mentions), mention.type));
  return [...keys];
}

function buildStory(members: Article[], mentions: readonly Mention[]): Story {
  const first = members[0];
  if (first === undefined) throw new Error("A story needs at least one article");
  const dates = members.map((article) => article.publishedAt).filter((date): date is string => date !== null);
  const sortedDates = [...dates].sort((a, b) => Date.parse(a) - Date.parse(b));
  const outlets = [...new Set(members.map((article) => article.outlet).filter((o): o is string => o !== null))].sort();
  const sections = analyzeStory(members, mentions);
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
