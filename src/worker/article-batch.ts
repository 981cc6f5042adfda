import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { Article } from "../model/article.js";
import type { Database } from "../store/database.js";
import { PG_CONNECTION_TIMEOUT_MS } from "../store/postgres-store.js";
import { articleToRow } from "../store/row-mapping.js";

/**
 * Rows per statement. PostgreSQL allows 65535 bound parameters per statement; 12 columns × 1,000 rows stays far
 * below that, even for a batch of feed documents with hundreds of entries each.
 */
const ROWS_PER_STATEMENT = 1_000;

/**
 * Columns a re-read article may change: all but its id (origin and text), its place in the stream (`seq`) and when
 * it was first stored (`created_at`). The same rule as the store's `putArticle`.
 */
const UPDATABLE_COLUMNS = [
  "path",
  "url",
  "title",
  "outlet",
  "author",
  "published_at",
  "language",
  "text",
  "metadata",
  "diagnostics",
] as const;

/** The articles table of the store's schema, written by the worker's batched path (see storeArticleBatch). */
export function createBatchDb(
  databaseUrl: string,
  schema: string | undefined,
  maxConnections: number,
): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    connectionTimeoutMillis: PG_CONNECTION_TIMEOUT_MS,
    max: maxConnections,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // As in the store: an idle client whose server goes away must not crash the process; the next query reports it.
  pool.on("error", () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Stores the articles of a whole batch of jobs in one statement (per ROWS_PER_STATEMENT rows): insert, or update an
 * article already stored when its reading differs (exactly what `Store.putArticle` does article by article, in one
 * round trip instead of three or four). One statement is one transaction: the batch is stored entirely or not at
 * all, never half. Rows go in id order, so two workers whose batches share articles take the row locks in the same
 * order and never deadlock. Returns the ids this call inserted (the others were stored already, updated or not).
 */
export async function storeArticleBatch(db: Kysely<Database>, articles: readonly Article[]): Promise<Set<string>> {
  const createdAt = new Date().toISOString();
  // The same article twice in one statement would make ON CONFLICT DO UPDATE touch a row twice, which PostgreSQL
  // refuses; the first reading is kept, the copy counts as already stored.
  const byId = new Map<string, Article>();
  for (const article of articles) if (!byId.has(article.id)) byId.set(article.id, article);
  const rows = [...byId.values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((article) => articleToRow(article, createdAt));
  const inserted = new Set<string>();
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const result = await db
      .insertInto("articles")
      .values(rows.slice(start, start + ROWS_PER_STATEMENT))
      .onConflict((conflict) =>
        conflict
          .column("id")
          .doUpdateSet(Object.fromEntries(UPDATABLE_COLUMNS.map((column) => [column, sql.ref(`excluded.${column}`)])))
          .where(
            sql<boolean>`(${sql.join(
              UPDATABLE_COLUMNS.map(
                (column) => sql`articles.${sql.ref(column)} IS DISTINCT FROM excluded.${sql.ref(column)}`,
              ),
              sql` OR `,
            )})`,
          ),
      )
      // xmax is 0 on a row version this statement created by inserting, non-zero on one it updated.
      .returning(["id", sql<boolean>`(xmax = 0)`.as("inserted")])
      .execute();
    for (const row of result) if (row.inserted) inserted.add(row.id);
  }
  return inserted;
}
