import {
  type ArticleFeatures,
  type ClustererSnapshot,
  compareByPublication,
  HeadlineGrouper,
  type HeadlineGrouperSnapshot,
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
  /** Articles assigned to stories in this update: those the saved grouping had not seen. */
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
  /** The online clusterer, in full-text mode. */
  clusterer: ClustererSnapshot | null;
  /** The short-text model, in short-text mode. */
  headlines?: HeadlineGrouperSnapshot | null;
}

/**
 * The analysis pipeline over stored articles, continuing an earlier one: each article the online model (the
 * similarity clusterer, or the short-text model for headline streams) has not seen joins a story or starts one,
 * without re-clustering the past; then each story is analysed, unless a story with
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
  const saved = readState(prior.state);
  const placing = mode === "short-text" ? continueHeadlines(saved) : continueClusterer(saved);
  const unseen = articles.filter((article) => !placing.has(article.id)).sort(compareByPublication);
  placing.place(unseen, featuresOf, newestDate(articles));
  const restarted = placing.restarted;
  const placed = unseen.length;
  const next = placing.state();
  // Ids of articles no longer given are dropped (the store never deletes one, but a caller may pass a subset).
  const groups = placing
    .stories()
    .map((group) => ({ ...group, articleIds: group.articleIds.filter((id) => byId.has(id)) }))
    .filter((group) => group.articleIds.length > 0);

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
  const state = JSON.stringify(next);
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

/** The grouping model of one mode, continued from the saved state: what `updateCorpus` needs of it. */
interface Placing {
  /** Why the saved state was not continued (then the model starts from nothing), or null. */
  restarted: string | null;
  has(articleId: string): boolean;
  /** Adds articles, in publication order; an undated one arrives at `newest`. */
  place(ordered: readonly Article[], featuresOf: (article: Article) => ArticleFeatures, newest: number | null): void;
  /** Every story: its member ids and the model's id for it. */
  stories(): Array<{ id: string; articleIds: string[] }>;
  state(): SavedState;
}

function continueClusterer(saved: ReadState): Placing {
  const restored = continueFrom(saved, "full-text", (state) =>
    state.clusterer ? StoryClusterer.restore(state.clusterer) : null,
  );
  const clusterer = restored.model ?? new StoryClusterer();
  return {
    restarted: restored.restarted,
    has: (articleId) => clusterer.storyOf(articleId) !== null,
    place: (ordered, featuresOf, newest) => placeArticles(clusterer, ordered, featuresOf, newest),
    stories: () => clusterer.stories(),
    state: () => ({ format: 1, mode: "full-text", clusterer: clusterer.serialize(), headlines: null }),
  };
}

function continueHeadlines(saved: ReadState): Placing {
  const restored = continueFrom(saved, "short-text", (state) =>
    state.headlines ? HeadlineGrouper.restore(state.headlines) : null,
  );
  const grouper = restored.model ?? new HeadlineGrouper();
  return {
    restarted: restored.restarted,
    has: (articleId) => grouper.has(articleId),
    place: (ordered, featuresOf, newest) => {
      const now = Date.now();
      for (const article of ordered) grouper.add(article, featuresOf(article), newest, now);
    },
    stories: () => grouper.stories(),
    state: () => ({ format: 1, mode: "short-text", clusterer: null, headlines: grouper.serialize() }),
  };
}

interface ReadState {
  state: SavedState | null;
  /** Why the saved state could not be read, or null. */
  problem: string | null;
}

/** The saved state, or the reason it cannot be read (then the grouping starts over). */
function readState(state: string | null): ReadState {
  if (state === null) return { state: null, problem: null };
  try {
    const saved = JSON.parse(state) as Partial<SavedState>;
    if (saved.format !== 1) throw new Error(`Unexpected analysis state format ${String(saved.format)}, expected 1`);
    return { state: saved as SavedState, problem: null };
  } catch (error) {
    return { state: null, problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The model the saved state holds for `mode`, or null with the reason it could not be continued: nothing saved (no
 * reason), a state that cannot be read, a state of the other mode, or a snapshot its model refuses.
 */
function continueFrom<T>(
  saved: ReadState,
  mode: SavedState["mode"],
  restore: (state: SavedState) => T | null,
): { model: T | null; restarted: string | null } {
  if (saved.problem !== null) return { model: null, restarted: saved.problem };
  if (saved.state === null) return { model: null, restarted: null };
  if (saved.state.mode !== mode)
    return { model: null, restarted: `the stories were last grouped in ${saved.state.mode} mode` };
  try {
    const model = restore(saved.state);
    return model === null
      ? { model: null, restarted: `the saved ${mode} state holds no model` }
      : { model, restarted: null };
  } catch (error) {
    return { model: null, restarted: error instanceof Error ? error.message : String(error) };
  }
}
