/**
 * The one Store suite: every case runs against SQLite (in memory and on file) and PostgreSQL. PostgreSQL cases run
 * when the server in PARALLAX_TEST_PG answers, each in a fresh schema dropped at the end; otherwise they are skipped.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Kysely } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { dropTestSchemas, TEST_PG_URL } from "../../test/helpers/test-postgres.js";
import type { Article } from "../model/article.js";
import type { Story } from "../model/story.js";
import type { Database } from "./database.js";
import { redactLocation } from "./describe-error.js";
import { migrateToLatest } from "./migrate.js";
import { type OpenStoreOptions, openStore } from "./open-store.js";
import { createPostgresKysely, PG_CONNECTION_TIMEOUT_MS } from "./postgres-store.js";
import { probePostgres } from "./probe-postgres.js";
import type { SqlFlavor } from "./sql-flavor.js";
import { createSqliteKysely } from "./sqlite-store.js";
import type { Store } from "./store.js";

const PG_URL = TEST_PG_URL;
const pgProblem = await probePostgres(PG_URL);
if (pgProblem !== null) {
  console.log(`PostgreSQL not reachable at ${redactLocation(PG_URL)}: skipping PostgreSQL store tests (${pgProblem})`);
}

/** Unique per run, so parallel runs against one server never share a schema. */
const RUN_ID = `${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;

interface Place {
  location: string;
  options: OpenStoreOptions;
}

interface Backend {
  name: string;
  flavor: SqlFlavor;
  /** Whether opening the same place again reaches the same data. */
  persistent: boolean;
  /** A place for a fresh, empty store. */
  fresh(): Promise<Place>;
  kysely(place: Place): Kysely<Database>;
  cleanup(): Promise<void>;
}

function sqliteMemory(): Backend {
  return {
    name: "sqlite :memory:",
    flavor: "sqlite",
    persistent: false,
    fresh: async () => ({ location: ":memory:", options: {} }),
    kysely: (place) => createSqliteKysely(place.location),
    cleanup: async () => {},
  };
}

function sqliteFile(): Backend {
  let folder: string | undefined;
  let files = 0;
  return {
    name: "sqlite file",
    flavor: "sqlite",
    persistent: true,
    async fresh() {
      folder ??= await mkdtemp(join(tmpdir(), "parallax-store-"));
      files += 1;
      return { location: join(folder, `store-${files}.db`), options: {} };
    },
    kysely: (place) => createSqliteKysely(place.location),
    async cleanup() {
      if (folder !== undefined) await rm(folder, { recursive: true, force: true });
    },
  };
}

function postgres(): Backend {
  const schemas: string[] = [];
  return {
    name: "postgres",
    flavor: "postgres",
    persistent: true,
    async fresh() {
      const schema = `test_${RUN_ID}_${schemas.length + 1}`;
      schemas.push(schema);
      return { location: PG_URL, options: { schema } };
    },
    kysely: (place) => createPostgresKysely(place.location, place.options),
    async cleanup() {
      await dropTestSchemas(schemas, PG_URL);
    },
  };
}

const backends = [sqliteMemory(), sqliteFile(), ...(pgProblem === null ? [postgres()] : [])];

function article(id: string, overrides: Partial<Article> = {}): Article {
  return {
    id,
    path: `news/${id}.html`,
    url: null,
    title: `Title ${id}`,
    outlet: "Example Times",
    author: null,
    publishedAt: "2024-03-01T09:30:00+01:00",
    language: "en",
    text: "First paragraph.\n\nSecond paragraph.",
    metadata: { fieldSources: { title: "title-element" } },
    diagnostics: [],
    ...overrides,
  };
}

/** Every kind of value a stored article carries: nulls and absent keys side by side, nesting, non-ASCII text. */
const richArticle: Article = article("rich", {
  url: "https://example.com/a?x=1&y=ü",
  author: "Zoë Ämmälä",
  text: "Quote: “déjà vu” — 東京 🙂\n\nLine with \\ backslash, 'quotes' and \"double\".",
  metadata: {
    fieldSources: { title: "json-ld", author: "byline", publishedAt: "meta" },
    authors: ["Zoë Ämmälä", "B. Smith"],
    modifiedAt: null,
    canonicalUrl: "https://example.com/a",
    tags: [],
    feed: { title: "Feed", url: null, source: null },
    extra: { nested: { list: [1, 2.5, -3, true, null, "s"], empty: {} }, zero: 0, nul: "a\u0000b" },
  },
  diagnostics: [
    {
      reason: "Repaired mojibake as UTF-8",
      source: "ingest:mojibake",
      place: { line: 3, column: 7 },
      severity: "info",
    },
    { reason: "Unexpected empty byline", source: "extract:byline", place: null, severity: "warning" },
  ],
});

function story(id: string, articleIds: string[] = ["a"]): Story {
  return {
    id,
    title: `Story ${id}`,
    articleIds,
    firstSeen: "2024-03-01T08:00:00Z",
    lastSeen: null,
    outlets: ["Example Times"],
    entities: [{ id: "e1", type: "person", name: "Ada", aliases: [], articleIds, roles: ["minister"] }],
    provenance: [],
    claims: [{ id: "c1", subject: "Ada", property: "age", status: "agreed", values: [] }],
    quotes: [{ text: "Hello", speaker: null, speakerName: null, articleIds }],
    timeline: [],
    brief: [{ text: "Ada spoke.", articleIds }],
  };
}

/** Opens stores and closes them all when the test ends, even when it fails. */
async function withStores(test: (open: (place: Place) => Promise<Store>) => Promise<void>) {
  const opened: Store[] = [];
  try {
    await test(async (place) => {
      const store = await openStore(place.location, place.options);
      opened.push(store);
      return store;
    });
  } finally {
    await Promise.all(opened.map((store) => store.close()));
  }
}

describe.each(backends)("Store on $name", (backend) => {
  afterAll(() => backend.cleanup());

  /** A test body that gets a fresh, empty store. */
  const withFresh = (test: (store: Store) => Promise<void>) => () =>
    withStores(async (open) => test(await open(await backend.fresh())));

  it(
    "reads back exactly the article it wrote",
    withFresh(async (store) => {
      expect(await store.putArticle(richArticle)).toBe("inserted");
      const back = await store.getArticle("rich");
      expect(back).toStrictEqual(richArticle);
      // null and absent stay apart.
      expect(back?.metadata).toHaveProperty("modifiedAt", null);
      expect(back?.metadata).not.toHaveProperty("description");
    }),
  );

  it(
    "returns null for an unknown article",
    withFresh(async (store) => {
      expect(await store.getArticle("nope")).toBeNull();
    }),
  );

  it(
    "changes nothing when the same article comes again",
    withFresh(async (store) => {
      expect(await store.putArticle(article("a"))).toBe("inserted");
      expect(await store.putArticle(article("a"))).toBe("unchanged");
      expect(await store.countArticles()).toBe(1);
      expect(await store.getArticle("a")).toEqual(article("a"));
    }),
  );

  it(
    "updates an article whose id comes again with other metadata, keeping its place in the stream",
    withFresh(async (store) => {
      await store.putArticle(article("a"));
      await store.putArticle(article("b"));
      const fixed = article("a", {
        title: "Changed",
        outlet: "Fixed Outlet",
        metadata: { fieldSources: { outlet: "front-matter" } },
      });
      expect(await store.putArticle(fixed)).toBe("updated");
      expect(await store.getArticle("a")).toEqual(fixed);
      expect((await store.listArticles()).map((stored) => stored.id)).toEqual(["a", "b"]);
      expect(await store.countArticles()).toBe(2);
      expect(await store.putArticle(fixed)).toBe("unchanged");
    }),
  );

  it(
    "inserts one article once when writers race on the same id",
    withFresh(async (store) => {
      const results = await Promise.all(Array.from({ length: 8 }, () => store.putArticle(article("same"))));
      expect(results.filter((result) => result === "inserted")).toHaveLength(1);
      expect(await store.countArticles()).toBe(1);
    }),
  );

  it(
    "lists in insertion order and pages with limit and offset",
    withFresh(async (store) => {
      // Not alphabetical and more than 9, so neither id order nor text order of seq would pass.
      const ids = ["m", "c", "x", "a", "k", "b", "z", "d", "y", "e", "w", "f"];
      for (const id of ids) await store.putArticle(article(id));
      const listed = (await store.listArticles()).map((a) => a.id);
      expect(listed).toEqual(ids);
      expect((await store.listArticles({ limit: 3, offset: 2 })).map((a) => a.id)).toEqual(["x", "a", "k"]);
      expect((await store.listArticles({ limit: 5, offset: 10 })).map((a) => a.id)).toEqual(["w", "f"]);
      expect(await store.listArticles({ limit: 5, offset: 12 })).toEqual([]);
      expect(await store.listArticles({ limit: 0, offset: 0 })).toEqual([]);
      await expect(store.listArticles({ limit: -1, offset: 0 })).rejects.toThrow(RangeError);
    }),
  );

  it(
    "counts articles",
    withFresh(async (store) => {
      expect(await store.countArticles()).toBe(0);
      await Promise.all(["a", "b", "c"].map((id) => store.putArticle(article(id))));
      expect(await store.countArticles()).toBe(3);
    }),
  );

  it(
    "leaves the store as before when an article cannot be written",
    withFresh(async (store) => {
      await store.putArticle(article("good"));
      // Fails before the write: BigInt has no JSON form.
      const unserialisable = article("bigint", { metadata: { fieldSources: {}, extra: { n: 10n } } });
      await expect(store.putArticle(unserialisable)).rejects.toThrow(/not serialisable as JSON/);
      // Fails inside the transaction: the database refuses a null title.
      const invalid = { ...article("null-title"), title: null } as unknown as Article;
      await expect(store.putArticle(invalid)).rejects.toThrow();
      expect(await store.countArticles()).toBe(1);
      expect(await store.getArticle("bigint")).toBeNull();
      expect(await store.getArticle("null-title")).toBeNull();
      // The store still works after a failed transaction.
      expect(await store.putArticle(article("after"))).toBe("inserted");
      expect((await store.listArticles()).map((a) => a.id)).toEqual(["good", "after"]);
    }),
  );

  it(
    "replaces all stories and reads them back in the given order",
    withFresh(async (store) => {
      const first = [story("s2", ["a", "b"]), story("s1")];
      await store.replaceStories(first);
      expect(await store.listStories()).toStrictEqual(first);
      expect(await store.getStory("s1")).toStrictEqual(first[1]);

      const second = [story("s3")];
      await store.replaceStories(second);
      expect(await store.listStories()).toStrictEqual(second);
      expect(await store.getStory("s1")).toBeNull();

      await store.replaceStories([]);
      expect(await store.listStories()).toEqual([]);
    }),
  );

  it(
    "writes many stories in one replacement",
    withFresh(async (store) => {
      const many = Array.from({ length: 1_234 }, (_, i) => story(`s${i}`));
      await store.replaceStories(many);
      expect((await store.listStories()).map((s) => s.id)).toEqual(many.map((s) => s.id));
    }),
  );

  it(
    "returns null for an unknown story",
    withFresh(async (store) => {
      expect(await store.getStory("nope")).toBeNull();
      await store.replaceStories([story("s1")]);
      expect(await store.getStory("nope")).toBeNull();
    }),
  );

  it(
    "keeps the old stories when a replacement fails halfway",
    withFresh(async (store) => {
      const before = [story("s1"), story("s2")];
      await store.replaceStories(before);
      // The duplicate id fails in the database after the delete and the first insert ran.
      await expect(store.replaceStories([story("s3"), story("s3")])).rejects.toThrow();
      expect(await store.listStories()).toStrictEqual(before);
      const unserialisable = { ...story("s4"), claims: [{ n: 1n }] } as unknown as Story;
      await expect(store.replaceStories([story("s5"), unserialisable])).rejects.toThrow(/not serialisable as JSON/);
      expect(await store.listStories()).toStrictEqual(before);
    }),
  );

  it(
    "saves, replaces and loads clusterer state by name",
    withFresh(async (store) => {
      expect(await store.loadClusterState("stories")).toBeNull();
      await store.saveClusterState("stories", '{"version":1,"n":1}');
      await store.saveClusterState("other", "{}");
      expect(await store.loadClusterState("stories")).toBe('{"version":1,"n":1}');
      // A large snapshot with non-ASCII text and a NUL survives unchanged on both engines (text, not jsonb).
      const big = JSON.stringify({ terms: Array.from({ length: 20_000 }, (_, i) => [`térm-${i}\u0000`, i / 7]) });
      await store.saveClusterState("stories", big);
      expect(await store.loadClusterState("stories")).toBe(big);
      expect(await store.loadClusterState("other")).toBe("{}");
    }),
  );

  it.runIf(backend.persistent)("keeps clusterer state when the store is opened again", () =>
    withStores(async (open) => {
      const place = await backend.fresh();
      const first = await open(place);
      await first.saveClusterState("stories", '{"saved":true}');
      await first.close();
      const again = await open(place);
      expect(await again.loadClusterState("stories")).toBe('{"saved":true}');
    }),
  );

  it("applies the migrations once; a second run is a no-op", async () => {
    const place = await backend.fresh();
    const schema = place.options.schema;
    const db = backend.kysely(place);
    try {
      expect(await migrateToLatest(db, backend.flavor, { schema })).toEqual(["0001-initial", "0002-cluster-state"]);
      expect(await migrateToLatest(db, backend.flavor, { schema })).toEqual([]);
      const tables = await db.introspection.getTables();
      const ours = tables.filter((table) => schema === undefined || table.schema === schema).map((t) => t.name);
      expect(ours.sort()).toEqual(["articles", "cluster_state", "stories"]);
    } finally {
      await db.destroy();
    }
  });

  it.runIf(backend.persistent)("keeps the data when the store is opened again", () =>
    withStores(async (open) => {
      const place = await backend.fresh();
      const first = await open(place);
      await first.putArticle(richArticle);
      await first.putArticle(article("second"));
      await first.replaceStories([story("s1")]);
      await first.close();

      const again = await open(place);
      expect(await again.countArticles()).toBe(2);
      expect(await again.getArticle("rich")).toStrictEqual(richArticle);
      expect(await again.putArticle(article("third"))).toBe("inserted");
      expect((await again.listArticles()).map((a) => a.id)).toEqual(["rich", "second", "third"]);
      expect(await again.listStories()).toStrictEqual([story("s1")]);
    }),
  );

  it.runIf(backend.persistent)("lets two processes open and migrate the same fresh database at once", async () => {
    const place = await backend.fresh();
    await Promise.all(["p1", "p2"].map((id) => putInChildProcess(place, id)));
    await withStores(async (open) => {
      const store = await open(place);
      expect((await store.listArticles()).map((a) => a.id).sort()).toEqual(["p1", "p2"]);
    });
  });

  // SQLite's driver is synchronous, so two connections in one process cannot wait for each other (see sqlite-store.ts).
  it.runIf(backend.flavor === "postgres")("lets two stores in one process migrate the same fresh schema at once", () =>
    withStores(async (open) => {
      const place = await backend.fresh();
      const [one, two] = await Promise.all([open(place), open(place)]);
      expect(await one.putArticle(article("a"))).toBe("inserted");
      expect(await two.putArticle(article("a"))).toBe("unchanged");
      expect(await two.putArticle(article("b"))).toBe("inserted");
      expect((await one.listArticles()).map((a) => a.id)).toEqual(["a", "b"]);
    }),
  );
});

const execFileAsync = promisify(execFile);
const OPEN_STORE_MODULE = new URL("./open-store.ts", import.meta.url).pathname;
/** Opens the store in a separate Node process (TypeScript through tsx), stores one article and closes. */
const CHILD_SCRIPT = `
const { openStore } = await import(process.env.PARALLAX_CHILD_MODULE);
const store = await openStore(process.env.PARALLAX_CHILD_LOCATION, JSON.parse(process.env.PARALLAX_CHILD_OPTIONS));
await store.putArticle(JSON.parse(process.env.PARALLAX_CHILD_ARTICLE));
await store.close();
`;

async function putInChildProcess(place: Place, id: string): Promise<void> {
  await execFileAsync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", CHILD_SCRIPT], {
    env: {
      ...process.env,
      PARALLAX_CHILD_MODULE: OPEN_STORE_MODULE,
      PARALLAX_CHILD_LOCATION: place.location,
      PARALLAX_CHILD_OPTIONS: JSON.stringify(place.options),
      PARALLAX_CHILD_ARTICLE: JSON.stringify(article(id)),
    },
  });
}

describe("openStore errors", () => {
  it("names the SQLite file and the reason when it cannot be opened", async () => {
    const location = join(tmpdir(), `parallax-missing-${RUN_ID}`, "store.db");
    const error = await openStore(location).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(location);
    expect((error as Error).message).toMatch(/directory does not exist/);
  });

  it("fails fast, without the password, when PostgreSQL is not reachable", async () => {
    // Port 1 on the loopback refuses connections on any ordinary machine.
    const location = "postgres://someone:s3cret@127.0.0.1:1/nowhere";
    const started = Date.now();
    const error = await openStore(location).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(PG_CONNECTION_TIMEOUT_MS + 1_000);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain("postgres://someone@127.0.0.1:1/nowhere");
    expect(message).not.toContain("s3cret");
    expect(message).toMatch(/ECONNREFUSED/);
  });

  it("rejects an empty location and an unsafe schema name", async () => {
    await expect(openStore("")).rejects.toThrow(/empty/);
    await expect(openStore(PG_URL, { schema: 'x"; drop' })).rejects.toThrow(/Invalid PostgreSQL schema name/);
  });
});
