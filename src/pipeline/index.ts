export { analyzeCorpus } from "./analyze-corpus.js";
export { analyzeStory, type StorySections } from "./analyze-story.js";
export { storyRevision } from "./build-story.js";
export { entityKeys } from "./entity-keys.js";
export {
  ANALYSIS_STATE_NAME,
  type CorpusOptions,
  type CorpusUpdate,
  NO_PRIOR_ANALYSIS,
  type PriorAnalysis,
  updateCorpus,
} from "./update-corpus.js";
