import type { Expression, Kysely } from "kysely";
import type { Article } from "../model/article.js";
import type { Story } from "../model/story.js";
import type { Database } from "./database.js";
import { articleToRow, rowToArticle, rowToStory, storyToRow } from "./row-mapping.js";
import type { PutArticleResult, Store } from "./store.js";

/**
 * Rows per INSERT when replacing stories. SQLite allows 32766 bound parameters per statement and PostgreSQL 65535;
 * 6 columns × 500 rows stays far below both while keeping round trips few.
 */
const STORY_ROWS_PER_INSERT = 500;

export interface KyselyStoreOptions {
  /** SQL giving a new article its `seq`; leave out when the column fills itself (PostgreSQL's identity). */
  nextArticleSeq?: Expression<number>;
}

/** The Store written once over Kysely; sqlite-store.ts and postgres-store.ts only build the Kysely instance. */
export class KyselyStore implements Store {
  readonly #db: Kysely<Database>;
  readonly #nextArticleSeq: Expression<number> | undefined;
  #closing: Promise<void> | undefined;

  constructor(db: Kysely<Database>, options: KyselyStoreOptions = {}) {
    this.#db = db;
    this.#nextArticleSeq = options.nextArticleSeq;
  }

  async putArticle(article: Article): Promise<PutArticleResult> {
    const row = articleToRow(article, new Date().toISOString());
    const values = this.#nextArticleSeq === undefined ? row : { ...row, seq: this.#nextArticleSeq };
    return this.#db.transaction().execute(async (trx) => {
      const result = await trx
        .insertInto("articles")
        .values(values)
        .onConflict((conflict) => conflict.column("id").doNothing())
        .executeTakeFirst();
      if ((result.numInsertedOrUpdatedRows ?? 0n) > 0n) return "inserted";
      // Same id means same origin and same text; what may differ is what was read around it (front matter fixed,
      // a better metadata rule). The newer reading wins, keeping the article's place in the stream (seq, created_at).
      const { created_at: _createdAt, ...fields } = row;
      const changed = await trx
        .updateTable("articles")
        .set(fields)
        .where("id", "=", article.id)
        .where((eb) =>
          eb.or(
            (Object.keys(fields) as Array<keyof typeof fields>).map((column) =>
              eb(column, "is distinct from", fields[column] as never),
            ),
          ),
        )
        .executeTakeFirst();
      return (changed.numUpdatedRows ?? 0n) > 0n ? "updated" : "unchanged";
    });
  }

  async getArticle(id: string): Promise<Article | null> {
    const row = await this.#db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirst();
    return row === undefined ? null : rowToArticle(row);
  }

  async listArticles(page?: { limit: number; offset: number }): Promise<Article[]> {
    let query = this.#db.selectFrom("articles").selectAll().orderBy("seq");
    if (page !== undefined) {
      assertCount(page.limit, "limit");
      assertCount(page.offset, "offset");
      query = query.limit(page.limit).offset(page.offset);
    }
    return (await query.execute()).map(rowToArticle);
  }

  async countArticles(): Promise<number> {
    const row = await this.#db
      .selectFrom("articles")
      .select((eb) => eb.fn.countAll().as("count"))
      .executeTakeFirstOrThrow();
    // PostgreSQL returns count(*) as a bigint string.
    return Number(row.count);
  }

  async replaceStories(stories: Story[]): Promise<void> {
    const rows = stories.map((story, position) => storyToRow(story, position));
    await this.#db.transaction().execute(async (trx) => {
      await trx.deleteFrom("stories").execute();
      for (let start = 0; start < rows.length; start += STORY_ROWS_PER_INSERT) {
        await trx
          .insertInto("stories")
          .values(rows.slice(start, start + STORY_ROWS_PER_INSERT))
          .execute();
      }
    });
  }

  async listStories(): Promise<Story[]> {
    const rows = await this.#db.selectFrom("stories").select("body").orderBy("position").execute();
    return rows.map(rowToStory);
  }

  async getStory(id: string): Promise<Story | null> {
    const row = await this.#db.selectFrom("stories").select("body").where("id", "=", id).executeTakeFirst();
    return row === undefined ? null : rowToStory(row);
  }

  async saveClusterState(name: string, body: string): Promise<void> {
    const updatedAt = new Date().toISOString();
    await this.#db
      .insertInto("cluster_state")
      .values({ name, body, updated_at: updatedAt })
      .onConflict((conflict) => conflict.column("name").doUpdateSet({ body, updated_at: updatedAt }))
      .execute();
  }

  async loadClusterState(name: string): Promise<string | null> {
    const row = await this.#db.selectFrom("cluster_state").select("body").where("name", "=", name).executeTakeFirst();
    return row?.body ?? null;
  }

  close(): Promise<void> {
    // Closing twice (e.g. a finally after an explicit close) must not fail on an already ended pool.
    this.#closing ??= this.#db.destroy();
    return this.#closing;
  }
}

function assertCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`listArticles: ${name} must be a non-negative integer, got ${value}`);
  }
}
