import type { Article } from "../model/article.js";
import { ANALYSIS_STATE_NAME, type CorpusOptions, type CorpusUpdate, updateCorpus } from "../pipeline/index.js";
import type { Store } from "./store.js";

/**
 * Brings the analysis a store holds up to date, for every edge that analyses (the CLI, the API, the workers): reads
 * the articles, the stories and the saved grouping state, runs `updateCorpus`, and writes the stories and the new
 * state back when anything changed. Returns the articles read (for the report) and the update.
 */
export async function updateStoredAnalysis(
  store: Store,
  options: CorpusOptions,
): Promise<{ articles: Article[]; update: CorpusUpdate }> {
  const articles = await store.listArticles();
  const update = updateCorpus(
    articles,
    { stories: await store.listStories(), state: await store.loadClusterState(ANALYSIS_STATE_NAME) },
    options,
  );
  if (update.changed) {
    await store.replaceStories(update.stories);
    await store.saveClusterState(ANALYSIS_STATE_NAME, update.state);
  }
  return { articles, update };
}
