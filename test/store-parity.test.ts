/**
 * The embedded store and the PostgreSQL store give the same analysis: one generated corpus (fixed seed) stored in
 * each, read back, analysed, and the stories stored and read back again. PostgreSQL runs in a fresh schema dropped
 * at the end, and is skipped with one line when no server answers.
 */
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus, toArticle } from "../src/generate/index.js";
import type { Story } from "../src/model/story.js";
import { analyzeCorpus } from "../src/pipeline/index.js";
import { redactLocation } from "../src/store/describe-error.js";
import { probePostgres } from "../src/store/index.js";
import { openStore } from "../src/store/open-store.js";
import type { Store } from "../src/store/store.js";
import { dropTestSchemas, TEST_PG_URL } from "./helpers/test-postgres.js";

const PG_URL = TEST_PG_URL;
const pgProblem = await probePostgres(PG_URL);
if (pgProblem !== null) {
  console.log(`PostgreSQL not reachable at ${redactLocation(PG_URL)}: skipping the store parity test (${pgProblem})`);
}
const SCHEMA = `pxp_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
/** Enough for multi-article stories with copies, rewrites and conflicting figures (analysis is whole-corpus, so
 * keep it small: 300 took 30 s on a loaded 2-core machine). */
const ARTICLES = 150;
/** Room for a machine busy with other work; the test asserts equality, never speed. */
const PARITY_TIMEOUT_MS = 180_000;
const SEED = 4242;

afterAll(async () => {
  if (pgProblem !== null) return;
  await dropTestSchemas([SCHEMA], PG_URL);
});

async function roundTrip(store: Store) {
  const articles = [...generateCorpus({ articles: ARTICLES, seed: SEED })].map(({ record }) => toArticle(record));
  try {
    for (const article of articles) await store.putArticle(article);
    const stored = await store.listArticles();
    await store.replaceStories(analyzeCorpus(stored));
    return { articles: stored, stories: await store.listStories() };
  } finally {
    await store.close();
  }
}

const sections = (stories: Story[]) =>
  stories.map((story) => ({ id: story.id, articleIds: story.articleIds, provenance: story.provenance }));

describe.skipIf(pgProblem !== null)("SQLite and PostgreSQL stores", () => {
  it("give the same articles, stories, provenance and claims on the generated corpus", {
    timeout: PARITY_TIMEOUT_MS,
  }, async () => {
    const sqlite = await roundTrip(await openStore(":memory:"));
    const postgres = await roundTrip(await openStore(PG_URL, { schema: SCHEMA }));
    expect(postgres.articles).toEqual(sqlite.articles);
    expect(sqlite.stories.some((story) => story.articleIds.length > 1)).toBe(true);
    expect(sqlite.stories.some((story) => story.provenance.length > 0)).toBe(true);
    expect(sqlite.stories.some((story) => story.claims.length > 0)).toBe(true);
    // Compared section by section first, so a difference names the part that differs.
    expect(sections(postgres.stories)).toEqual(sections(sqlite.stories));
    expect(postgres.stories.map((story) => story.claims)).toEqual(sqlite.stories.map((story) => story.claims));
    expect(postgres.stories).toEqual(sqlite.stories);
  });
});
