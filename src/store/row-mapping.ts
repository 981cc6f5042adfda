import type { Insertable, Selectable } from "kysely";
import type { Article } from "../model/article.js";
import type { Story } from "../model/story.js";
import type { ArticlesTable, StoriesTable } from "./database.js";

/*
 * JSON columns hold the text JSON.stringify wrote, on both engines. PostgreSQL's jsonb would reorder keys and refuse
 * "\u0000" in strings, so an article could round-trip on SQLite and fail on PostgreSQL; text keeps them identical.
 * JSON keeps `null` and absent keys apart; only keys whose value is `undefined` disappear, as they would anywhere.
 */

/** Throws (a TypeError for a BigInt or a cycle) before any write starts, so a bad value never reaches a table. */
function toJson(value: unknown, what: string): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw new TypeError(`Cannot store ${what}: it is not serialisable as JSON (${String(error)})`, { cause: error });
  }
}

export function articleToRow(article: Article, createdAt: string): Omit<Insertable<ArticlesTable>, "seq"> {
  return {
    id: article.id,
    path: article.path,
    url: article.url,
    title: article.title,
    outlet: article.outlet,
    author: article.author,
    published_at: article.publishedAt,
    language: article.language,
    text: article.text,
    metadata: toJson(article.metadata, `the metadata of article ${article.id}`),
    diagnostics: toJson(article.diagnostics, `the diagnostics of article ${article.id}`),
    created_at: createdAt,
  };
}

export function rowToArticle(row: Selectable<ArticlesTable>): Article {
  return {
    id: row.id,
    path: row.path,
    url: row.url,
    title: row.title,
    outlet: row.outlet,
    author: row.author,
    publishedAt: row.published_at,
    language: row.language,
    text: row.text,
    metadata: JSON.parse(row.metadata),
    diagnostics: JSON.parse(row.diagnostics),
  };
}

export function storyToRow(story: Story, position: number): Insertable<StoriesTable> {
  return {
    id: story.id,
    position,
    title: story.title,
    first_seen: story.firstSeen,
    last_seen: story.lastSeen,
    body: toJson(story, `story ${story.id}`),
  };
}

export function rowToStory(row: Pick<Selectable<StoriesTable>, "body">): Story {
  return JSON.parse(row.body);
}
