import BetterSqlite3 from "better-sqlite3";
import { Kysely, sql } from "kysely";
import type { Database } from "./database.js";
import { describeError } from "./describe-error.js";
import { KyselyStore } from "./kysely-store.js";
import { migrateToLatest } from "./migrate.js";
import { ParallaxSqliteDialect } from "./sqlite-dialect.js";
import type { Store } from "./store.js";

/**
 * How long a write waits for another process (a second CLI run on the same file) to release the write lock before
 * failing with SQLITE_BUSY. Writes are short transactions, so a few seconds covers any honest wait.
 */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating if missing) the SQLite file at `location`, or an in-memory database for `:memory:`. Use one
 * instance per file per process: the driver is synchronous, so a second connection in the same process waiting for
 * the write lock would block the very event loop the first one needs to release it.
 */
export function createSqliteKysely(location: string): Kysely<Database> {
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    sqlite = new BetterSqlite3(location, { timeout: BUSY_TIMEOUT_MS });
    // WAL lets readers (the web server) run while the pipeline writes; it also reads the file, so a file that is
    // not a database fails here rather than at the first query.
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
  } catch (error) {
    sqlite?.close();
    throw new Error(`Cannot open SQLite store at ${location}: ${describeError(error)}`, { cause: error });
  }
  return new Kysely<Database>({ dialect: new ParallaxSqliteDialect({ database: sqlite }) });
}

/** The SQLite store at `location` (a file path or `:memory:`), migrated to the newest schema. */
export async function openSqliteStore(location: string): Promise<Store> {
  const db = createSqliteKysely(location);
  try {
    await migrateToLatest(db, "sqlite");
  } catch (error) {
    await db.destroy();
    throw new Error(`Cannot open SQLite store at ${location}: ${describeError(error)}`, { cause: error });
  }
  // Safe without an identity column: SQLite admits one writer at a time and this runs inside the insert itself.
  return new KyselyStore(db, { nextArticleSeq: sql<number>`(select coalesce(max(seq), 0) + 1 from articles)` });
}
