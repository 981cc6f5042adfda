export { ENTITY_PREFIX } from "./article-terms.js";
export { JOIN_SIMILARITY } from "./cluster-params.js";
export type { ClustererSnapshot, MergeRecord, MoveRecord, StorySnapshot } from "./clusterer-snapshot.js";
export { type ClusteringScores, scoreClustering } from "./clustering-scores.js";
export {
  type DirichletClusterCounts,
  type DirichletMerge,
  type DirichletMove,
  type DirichletSnapshot,
  type DirichletSplit,
  DirichletStream,
  type DirichletStreamOptions,
  DMM_ALPHA,
  DMM_BETA,
  MSTREAM_OPTIONS,
} from "./dirichlet-stream.js";
export {
  HeadlineGrouper,
  type HeadlineGrouperSnapshot,
  headlineTokens,
  isHeadlineStream,
  isShortText,
  SHORT_TEXT_MAX_WORDS,
  SHORT_TEXT_SHARE,
} from "./group-headlines.js";
export {
  compareByPublication,
  type GroupOptions,
  groupStories,
  newestDate,
  placeArticles,
  type StoryGroup,
  type StoryMode,
} from "./group-stories.js";
export { outlineStory, type RankedArticle, rankStoryArticles, type StoryOutline } from "./rank-story-articles.js";
export {
  type ArticleFeatures,
  type Assignment,
  type ClustererOptions,
  StoryClusterer,
  type StorySummary,
  storyIdFor,
} from "./story-clusterer.js";
export { contentTokens } from "./tokenize.js";
