export { KyselyStore } from "./kysely-store.js";
export { migrateToLatest } from "./migrate.js";
export { type OpenStoreOptions, openStore } from "./open-store.js";
export {
  createPostgresKysely,
  openPostgresStore,
  PG_CONNECTION_TIMEOUT_MS,
  type PostgresStoreOptions,
} from "./postgres-store.js";
export { probePostgres } from "./probe-postgres.js";
export { createSqliteKysely, openSqliteStore } from "./sqlite-store.js";
export type { PutArticleResult, Store } from "./store.js";
export { updateStoredAnalysis } from "./update-stored-analysis.js";
