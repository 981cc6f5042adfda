import type { Article } from "../model/article.js";
import type { Story } from "../model/story.js";

/**
 * The one storage interface. Two implementations: SQLite (embedded, the default) and PostgreSQL (scale-out).
 * One shared test suite (store.test.ts) runs against both. Every write of one article is one transaction, so a
 * crash or a bad input never leaves an article half-stored.
 */
export type PutArticleResult = "inserted" | "updated" | "unchanged";

export interface Store {
  /**
   * Stores the article. An article with the same id (same origin and text) is updated when any field differs, and
   * keeps its place in insertion order; storing the same article again changes nothing.
   */
  putArticle(article: Article): Promise<PutArticleResult>;
  getArticle(id: string): Promise<Article | null>;
  /** In insertion order (the order the stream arrived in). */
  listArticles(page?: { limit: number; offset: number }): Promise<Article[]>;
  countArticles(): Promise<number>;
  /** Replaces all stored stories with these, atomically. */
  replaceStories(stories: Story[]): Promise<void>;
  listStories(): Promise<Story[]>;
  getStory(id: string): Promise<Story | null>;
  /**
   * Stores the serialised state of the clusterer `name` (opaque JSON text, replacing the previous one atomically),
   * so an online clusterer survives a restart.
   */
  saveClusterState(name: string, body: string): Promise<void>;
  /** The state last saved under `name`, or null. */
  loadClusterState(name: string): Promise<string | null>;
  close(): Promise<void>;
}
