import { type Kysely, type MigrationProvider, Migrator } from "kysely";
import type { Database } from "./database.js";
import { describeError } from "./describe-error.js";
import { allMigrations } from "./migrations/index.js";
import type { SqlFlavor } from "./sql-flavor.js";

export interface MigrateOptions {
  /**
   * PostgreSQL schema that holds Kysely's migration tables. Needed there: Kysely checks whether they exist by
   * listing the tables of every schema, so without it another schema's migration table would count as ours.
   */
  schema?: string;
}

/**
 * Brings the database to the newest schema and returns the names of the migrations it applied (none when current).
 * Safe to call from several processes at once: on PostgreSQL Kysely holds an advisory lock while it migrates and
 * the losers find the work done; SQLite runs one writer at a time.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  flavor: SqlFlavor,
  options: MigrateOptions = {},
): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => allMigrations(flavor) };
  const migrator = new Migrator({ db, provider, migrationTableSchema: options.schema });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === "Error")?.migrationName;
    const which = failed === undefined ? "" : ` ${failed}`;
    throw new Error(`Migration${which} failed: ${describeError(error)}`, { cause: error });
  }
  return results.filter((result) => result.status === "Success").map((result) => result.migrationName);
}
