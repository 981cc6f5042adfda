import type { Generated } from "kysely";

/**
 * Row types as the tables hold them. JSON-valued columns hold JSON text on both engines, so reading and writing
 * them is the same code everywhere (see article-row.ts for why text rather than PostgreSQL's jsonb).
 */
export interface ArticlesTable {
  id: string;
  /** Insertion order. PostgreSQL fills it from an identity column; on SQLite the insert computes it. */
  seq: Generated<number>;
  path: string | null;
  url: string | null;
  title: string;
  outlet: string | null;
  author: string | null;
  published_at: string | null;
  language: string | null;
  text: string;
  metadata: string;
  diagnostics: string;
  created_at: string;
}

export interface StoriesTable {
  id: string;
  position: number;
  title: string;
  first_seen: string | null;
  last_seen: string | null;
  /** The whole Story object as JSON text; the other columns copy fields out of it for queries. */
  body: string;
}

/** One row per named clusterer: its serialised state (see src/cluster/clusterer-snapshot.ts). */
export interface ClusterStateTable {
  name: string;
  body: string;
  updated_at: string;
}

export interface Database {
  articles: ArticlesTable;
  stories: StoriesTable;
  cluster_state: ClusterStateTable;
}
