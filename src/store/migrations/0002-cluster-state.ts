import type { Kysely, Migration } from "kysely";

/**
 * Persisted state of the online story clusterer: one row per named clusterer holding its snapshot as JSON text
 * (the format belongs to src/cluster, versioned inside the JSON). A whole snapshot per write keeps restore simple and
 * exact: it is written in one statement, so a crash leaves the previous snapshot, never half of a new one.
 */
export function clusterStateMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("cluster_state")
        .addColumn("name", "text", (col) => col.primaryKey().notNull())
        .addColumn("body", "text", (col) => col.notNull())
        .addColumn("updated_at", "text", (col) => col.notNull())
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable("cluster_state").execute();
    },
  };
}
