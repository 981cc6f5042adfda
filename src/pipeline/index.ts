export { analyzeCorpus, type CorpusOptions } from "./analyze-corpus.js";
export { analyzeStory, type StorySections } from "./analyze-story.js";
