/** The SQL engines the store runs on. Only DDL and the article sequence differ between them. */
export type SqlFlavor = "sqlite" | "postgres";
