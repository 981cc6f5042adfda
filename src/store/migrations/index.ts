import type { Migration } from "kysely";
import type { SqlFlavor } from "../sql-flavor.js";
import { initialMigration } from "./0001-initial.js";
import { clusterStateMigration } from "./0002-cluster-state.js";

/**
 * Every migration, keyed by the name the migration table records. Kysely applies them in key order, so keys start
 * with a zero-padded number. Listed in code, not found by scanning a folder, so they work from dist/ and bundles.
 */
export function allMigrations(flavor: SqlFlavor): Record<string, Migration> {
  return {
    "0001-initial": initialMigration(flavor),
    "0002-cluster-state": clusterStateMigration(),
  };
}
