import type { Article } from "../model/article.js";
import type { Story } from "../model/story.js";
import type { Store } from "../store/store.js";
import { notFound } from "./http-error.js";
import { independentSources } from "./story-catalog.js";

export interface LoadedStory {
  story: Story & { independentSources: number };
  /** The story's articles in story order (earliest first); an id missing from the store is left out. */
  articles: Article[];
}

/** One story with its articles, or a 404. Shared by the API and the story page. */
export async function loadStory(store: Store, id: string): Promise<LoadedStory> {
  const story = await store.getStory(id);
  if (story === null) throw notFound("story", id);
  const articles = (await Promise.all(story.articleIds.map((articleId) => store.getArticle(articleId)))).filter(
    (article): article is Article => article !== null,
  );
  return { story: { ...story, independentSources: independentSources(story, articles) }, articles };
}

export async function loadArticle(store: Store, id: string): Promise<Article> {
  const article = await store.getArticle(id);
  if (article === null) throw notFound("article", id);
  return article;
}
