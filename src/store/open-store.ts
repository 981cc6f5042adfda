import { openPostgresStore } from "./postgres-store.js";
import { openSqliteStore } from "./sqlite-store.js";
import type { Store } from "./store.js";

export interface OpenStoreOptions {
  /** PostgreSQL only (ignored for SQLite): the schema to keep the tables in, created if missing. */
  schema?: string;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/**
 * Opens the store at `location` and migrates it to the newest schema: PostgreSQL for a `postgres://` or
 * `postgresql://` URL, otherwise SQLite (a file path, created if missing, or `:memory:`). The parent folder of a
 * SQLite file must exist. Throws an Error naming the location (without password) and the reason when the database
 * cannot be opened or reached.
 */
export async function openStore(location: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (location.trim() === "") throw new Error("openStore: the store location is empty");
  if (POSTGRES_URL.test(location)) return openPostgresStore(location, options);
  return openSqliteStore(location);
}
