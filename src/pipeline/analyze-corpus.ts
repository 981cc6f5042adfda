import type { Article } from "../model/article.js";
import type { Story } from "../model/story.js";
import { type CorpusOptions, NO_PRIOR_ANALYSIS, updateCorpus } from "./update-corpus.js";

/**
 * The whole analysis of a corpus from nothing: articles grouped into stories in publication order, each story
 * analysed. `updateCorpus` continues an earlier analysis instead. Pure: articles in, stories out.
 */
export function analyzeCorpus(articles: readonly Article[], options: CorpusOptions = {}): Story[] {
  return updateCorpus(articles, NO_PRIOR_ANALYSIS, options).stories;
}
