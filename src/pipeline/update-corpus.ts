import {
  type ArticleFeatures,
  type ClustererSnapshot,
  compareByPublication,
  groupStories,
  isHeadlineStream,
  newestDate,
  placeArticles,
  StoryClusterer,
  type StoryMode,
} from "../cluster/index.js";
import { extractMentions, type Mention } from "../extract/entities/index.js";
import type { Article } from "../model/article.js";
import type { Story } from "../model/story.js";
import { buildStory, compareStories, storyRevision } from "./build-story.js";
import { entityKeys } from "./entity-keys.js";

/** Name under which the edges store `CorpusUpdate.state` (Store.saveClusterState). */
export const ANALYSIS_STATE_NAME = "corpus-analysis";

/** What an earlier analysis left in the store, to continue from. */
export interface PriorAnalysis {
  stories: readonly Story[];
  /** `CorpusUpdate.state` as saved last, or null before the first analysis. */
  state: string | null;
}

/** No earlier analysis: everything is placed and analysed. */
export const NO_PRIOR_ANALYSIS: PriorAnalysis = { stories: [], state: null };

export interface CorpusOptions {
  /** How stories are grouped (cluster/group-stories.ts); "auto" by default. */
  storyMode?: StoryMode;
  /**
   * Version of the code that analyses (the package version at the edges): a story analysed by another version is
   * analysed again, never reused. Empty by default.
   */
  analyzerVersion?: string;
}

export interface CorpusUpdate {
  /** Every story of the corpus, biggest first. */
  stories: Story[];
  /** The state to save for the next update (the online clusterer, in full-text mode). */
  state: string;
  mode: "full-text" | "short-text";
  /** Articles assigned to stories in this update: the new ones in full-text mode, all of them in short-text mode. */
  placed: number;
  /** Stories whose sections were computed in this update; the others were reused as they were. */
  analysed: number;
  reused: number;
  /** Why the saved state could not be continued, when it could not (then every article was placed again). */
  restarted: string | null;
  /**
   * Whether anything differs from the prior analysis: a story analysed, the list of stories changed, or the saved
   * state moved on. When false the edges may skip writing.
   */
  changed: boolean;
}

/** The saved state, versioned so that a newer Parallax can tell an older state from a broken one. */
interface SavedState {
  format: 1;
  mode: "full-text" | "short-text";
  /** The online clusterer (full-text mode only: the short-text model regroups a batch in one fast pass). */
  clusterer: ClustererSnapshot | null;
}

/**
 * The analysis pipeline over stored articles, continuing an earlier one: each article the online clusterer has not
 * seen joins a story or starts one, without re-clustering the past (full-text mode; the short-text model regroups
 * the whole batch in one pass, thousands of headlines a second); then each story is analysed, unless a story with
 * the same revision (the same members, unchanged, and the same analyser version) was stored before, which is reused
 * as it is. Analysing a story costs far more than placing an article, so an update after a few new articles costs
 * only the stories they touched. From no prior analysis the result is the batch analysis: articles placed in
 * publication order, as a live stream would have delivered them. Pure: the edges load and save.
 */
export function updateCorpus(
  articles: readonly Article[],
  prior: PriorAnalysis = NO_PRIOR_ANALYSIS,
  options: CorpusOptions = {},
): CorpusUpdate {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const mentionCache = new Map<string, Mention[]>();
  const mentionsOf = (article: Article): Mention[] => {
    let mentions = mentionCache.get(article.id);
    if (mentions === undefined) {
      mentions = extractMentions(article);
      mentionCache.set(article.id, mentions);
    }
    return mentions;
  };
  // The clusterer groups on the entity keys of each article's mentions; each story's analysis resolves them again.
  const featuresOf = (article: Article): ArticleFeatures => ({ entities: entityKeys(mentionsOf(article)) });

  const requested = options.storyMode ?? "auto";
  const mode =
    requested === "short-text" || (requested === "auto" && isHeadlineStream(articles)) ? "short-text" : "full-text";
  /** Member ids of each story, with the clusterer's story id when there is one. */
  let groups: Array<{ id?: string; articleIds: string[] }>;
  let placed: number;
  let restarted: string | null = null;
  let clusterer: StoryClusterer | null = null;
  if (mode === "short-text") {
    const features = new Map(articles.map((article) => [article.id, featuresOf(article)]));
    groups = groupStories(articles, features, { mode });
    placed = articles.length;
  } else {
    const continued = continueClusterer(prior.state);
    clusterer = continued.clusterer;
    restarted = continued.restarted;
    const unseen = articles.filter((article) => clusterer?.storyOf(article.id) === null).sort(compareByPublication);
    placeArticles(clusterer, unseen, featuresOf, newestDate(articles));
    placed = unseen.length;
    groups = clusterer
      .stories()
      .map((story) => ({ id: story.id, articleIds: story.articleIds.filter((id) => byId.has(id)) }))
      .filter((group) => group.articleIds.length > 0);
  }

  const version = options.analyzerVersion ?? "";
  const stored = new Map<string, Story>();
  for (const story of prior.stories) if (story.revision !== undefined) stored.set(story.revision, story);
  let analysed = 0;
  const stories = groups.map((group) => {
    const members = group.articleIds
      .map((id) => byId.get(id))
      .filter((article): article is Article => article !== undefined)
      .sort(compareByPublication);
    const revision = storyRevision(version, members);
    const same = stored.get(revision);
    // A grouping started over may name an unchanged story differently: the story is reused under the new name.
    if (same !== undefined) return group.id === undefined || group.id === same.id ? same : { ...same, id: group.id };
    analysed++;
    return buildStory(
      members,
      members.flatMap((article) => mentionsOf(article)),
      revision,
      group.id,
    );
  });
  const saved: SavedState = { format: 1, mode, clusterer: clusterer?.serialize() ?? null };
  const state = JSON.stringify(saved);
  stories.sort(compareStories);
  const sameStories =
    stories.length === prior.stories.length && stories.every((story, index) => story === prior.stories[index]);
  return {
    stories,
    state,
    mode,
    placed,
    analysed,
    reused: stories.length - analysed,
    restarted,
    changed: analysed > 0 || !sameStories || state !== prior.state,
  };
}

/** The clusterer the saved state holds, or a new one with the reason the state could not be continued. */
function continueClusterer(state: string | null): { clusterer: StoryClusterer; restarted: string | null } {
  if (state === null) return { clusterer: new StoryClusterer(), restarted: null };
  try {
    const saved = JSON.parse(state) as Partial<SavedState>;
    if (saved.format !== 1) throw new Error(`Unexpected analysis state format ${String(saved.format)}, expected 1`);
    // The short-text model keeps no clusterer: the full-text one starts over from every article.
    if (saved.mode !== "full-text" || !saved.clusterer)
      return { clusterer: new StoryClusterer(), restarted: "the stories were last grouped in short-text mode" };
    return { clusterer: StoryClusterer.restore(saved.clusterer), restarted: null };
  } catch (error) {
    return { clusterer: new StoryClusterer(), restarted: error instanceof Error ? error.message : String(error) };
  }
}
