import pg from "pg";

/** The PostgreSQL server the test suites use (CI exports it; locally the machine's own server, trust auth). */
export const TEST_PG_URL = process.env.PARALLAX_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";

/** Drops the schemas a suite created on the test server, whatever they hold; the connection is closed either way. */
export async function dropTestSchemas(schemas: readonly string[], url: string = TEST_PG_URL): Promise<void> {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
