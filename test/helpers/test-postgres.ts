/** The PostgreSQL server the test suites use (CI exports it; locally the machine's own server, trust auth). */
export const TEST_PG_URL = process.env.PARALLAX_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";
