import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { Database } from "./database.js";
import { describeError, redactLocation } from "./describe-error.js";
import { KyselyStore } from "./kysely-store.js";
import { migrateToLatest } from "./migrate.js";
import type { Store } from "./store.js";

/**
 * How long to wait for a connection (TCP, TLS and login). A live server answers in milliseconds even across a WAN;
 * past this it is down or firewalled, and the user should hear so instead of watching a command hang.
 */
export const PG_CONNECTION_TIMEOUT_MS = 5_000;

/** Schema names go into the connection's startup options unquoted, so only plain identifiers are allowed. */
const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface PostgresStoreOptions {
  /** Schema to keep the tables in (set as the search_path); created if missing. Default: the server's current one. */
  schema?: string;
}

/** A Kysely over a pool connected to `location`; connects lazily, so this never fails on an unreachable server. */
export function createPostgresKysely(location: string, options: PostgresStoreOptions = {}): Kysely<Database> {
  const { schema } = options;
  if (schema !== undefined && !PLAIN_IDENTIFIER.test(schema)) {
    throw new Error(`Invalid PostgreSQL schema name ${JSON.stringify(schema)}: use letters, digits and _ only`);
  }
  const pool = new pg.Pool({
    connectionString: location,
    connectionTimeoutMillis: PG_CONNECTION_TIMEOUT_MS,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle pooled client whose server goes away emits "error"; unhandled, that would kill the process. The next
  // query gets a fresh client and reports the failure to its caller instead.
  pool.on("error", () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** The PostgreSQL store at `location` (a postgres:// URL), migrated to the newest schema. */
export async function openPostgresStore(location: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const where = redactLocation(location);
  const db = createPostgresKysely(location, options);
  try {
    const schema = options.schema ?? (await currentSchema(db));
    await migrateToLatest(db, "postgres", { schema });
  } catch (error) {
    await db.destroy();
    throw new Error(`Cannot open PostgreSQL store at ${where}: ${describeError(error)}`, { cause: error });
  }
  return new KyselyStore(db);
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (schema == null) throw new Error("the search_path names no existing schema to create the tables in");
  return schema;
}
