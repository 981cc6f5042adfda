import type { Kysely, Migration } from "kysely";
import type { SqlFlavor } from "../sql-flavor.js";

export function initialMigration(flavor: SqlFlavor): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("articles")
        // SQLite lets a non-integer PRIMARY KEY hold NULL unless told otherwise.
        .addColumn("id", "text", (col) => col.primaryKey().notNull())
        .addColumn("seq", flavor === "postgres" ? "bigint" : "integer", (col) =>
          // An identity column gives concurrent PostgreSQL writers distinct, increasing numbers; SQLite has one writer
          // at a time, so the insert there takes max + 1 (an identity needs the rowid, which id already is not).
          flavor === "postgres" ? col.notNull().unique().generatedAlwaysAsIdentity() : col.notNull().unique(),
        )
        .addColumn("path", "text")
        .addColumn("url", "text")
        .addColumn("title", "text", (col) => col.notNull())
        .addColumn("outlet", "text")
        .addColumn("author", "text")
        .addColumn("published_at", "text")
        .addColumn("language", "text")
        .addColumn("text", "text", (col) => col.notNull())
        .addColumn("metadata", "text", (col) => col.notNull())
        .addColumn("diagnostics", "text", (col) => col.notNull())
        .addColumn("created_at", "text", (col) => col.notNull())
        .execute();

      await db.schema
        .createTable("stories")
        .addColumn("id", "text", (col) => col.primaryKey().notNull())
        .addColumn("position", "integer", (col) => col.notNull())
        .addColumn("title", "text", (col) => col.notNull())
        .addColumn("first_seen", "text")
        .addColumn("last_seen", "text")
        .addColumn("body", "text", (col) => col.notNull())
        .execute();
      await db.schema.createIndex("stories_position").on("stories").column("position").execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable("stories").execute();
      await db.schema.dropTable("articles").execute();
    },
  };
}
