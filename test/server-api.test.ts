import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { enqueueIngest, type IngestJob, openQueue } from "../src/queue/index.js";
import { SAMPLE_ARTICLES, SAMPLE_STORY } from "../src/server/fixtures/sample-story.js";
import { createApp, MAX_PAGE_SIZE } from "../src/server/index.js";
import { searchWords } from "../src/server/story-catalog.js";
import { redactLocation } from "../src/store/describe-error.js";
import { openStore, probePostgres } from "../src/store/index.js";
import type { Store } from "../src/store/store.js";
import { runWorker } from "../src/worker/index.js";
import { dropTestSchemas, TEST_PG_URL } from "./helpers/test-postgres.js";
import { waitFor } from "./helpers/wait-for.js";

// ---- every JSON response is checked against docs/openapi.yaml ----

interface Operation {
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: object }> }>;
}
const spec = parse(readFileSync(join(import.meta.dirname, "..", "docs", "openapi.yaml"), "utf8")) as {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, { content: Record<string, { schema: object }> }> };
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema({ ...spec, $id: "openapi.json" });
const templates = Object.keys(spec.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
}));

/** Finds the operation for the request and validates the JSON body against the documented schema for the status. */
async function conforms(method: string, url: string, response: Response): Promise<unknown> {
  const body = await response.json();
  const path = new URL(url, "http://x").pathname;
  const match = templates.find((t) => t.pattern.test(path));
  if (match === undefined) throw new Error(`No documented path for ${path}`);
  const operation = spec.paths[match.template]?.[method.toLowerCase()];
  if (operation === undefined) throw new Error(`No documented ${method} ${match.template}`);
  const documented = operation.responses[String(response.status)];
  if (documented === undefined)
    throw new Error(`Undocumented status ${response.status} for ${method} ${match.template}`);
  const content = documented.$ref
    ? spec.components.responses[documented.$ref.split("/").at(-1) as string]?.content
    : documented.content;
  expect(content?.["application/json"], `${method} ${match.template} ${response.status} documents JSON`).toBeDefined();
  const pointer = documented.$ref
    ? `openapi.json#/components/responses/${documented.$ref.split("/").at(-1)}/content/application~1json/schema`
    : `openapi.json#/paths/${match.template.replace(/~/g, "~0").replace(/\//g, "~1")}/${method.toLowerCase()}/responses/${response.status}/content/application~1json/schema`;
  const validate = ajv.getSchema(pointer);
  if (validate === undefined) throw new Error(`Cannot compile ${pointer}`);
  if (!validate(body)) throw new Error(`${method} ${url} ${response.status}: ${ajv.errorsText(validate.errors)}`);
  return body;
}

// ---- fixtures ----

let store: Store;
let app: Hono;
const json = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});
// biome-ignore lint/suspicious/noExplicitAny: every body is validated against the OpenAPI schema before tests read it.
type Json = any;
async function call(path: string, init?: RequestInit): Promise<{ status: number; body: Json; response: Response }> {
  const response = await app.request(path, init);
  const copy = response.clone();
  const body = await conforms(init?.method ?? "GET", path, response);
  return { status: copy.status, body, response: copy };
}

beforeEach(async () => {
  store = await openStore(":memory:");
  for (const article of SAMPLE_ARTICLES) await store.putArticle(article);
  await store.replaceStories([SAMPLE_STORY]);
  app = createApp({ store, now: () => new Date("2026-03-20T12:00:00Z"), logError: () => {} });
});
afterEach(async () => {
  await store.close();
});

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document and every schema compiles", async () => {
    expect(spec.openapi).toBe("3.1.0");
    const result = await new Validator().validate(spec as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const name of Object.keys((spec.components as unknown as { schemas: object }).schemas)) {
      expect(ajv.getSchema(`openapi.json#/components/schemas/${name}`), name).toBeDefined();
    }
  });
});

describe("GET /api/health", () => {
  it("answers ok with the version and time", async () => {
    const { status, body } = await call("/api/health");
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "ok", time: "2026-03-20T12:00:00.000Z" });
  });
});

describe("GET /api/stories", () => {
  it("lists stories with counts, paged", async () => {
    const { body } = await call("/api/stories");
    expect(body).toMatchObject({ page: 1, pageSize: 20, total: 1 });
    expect(body.items[0]).toMatchObject({ id: SAMPLE_STORY.id, articleCount: 3, outletCount: 3 });
    // The copy (near-duplicate) and its origin count once.
    expect(body.items[0].independentSources).toBe(2);
  });

  it.each([
    ["q=2%2C150+lyubrava", 1],
    ["q=Lipovy", 1],
    ["q=nowhere-to-be-found", 0],
    ["entity=daletski", 1],
    ["entity=nobody", 0],
    ["outlet=eastgate", 1],
    ["outlet=Gazette", 0],
    ["from=2026-03-16&to=2026-03-20", 1],
    ["from=2026-03-17", 0],
    ["to=2026-03-13", 0],
    ["to=2026-03-14", 1],
  ])("searches by %s", async (query, total) => {
    const { status, body } = await call(`/api/stories?${query}`);
    expect(status).toBe(200);
    expect(body.total).toBe(total);
  });

  it("pages past the end to an empty page", async () => {
    const { body } = await call("/api/stories?page=3&pageSize=1");
    expect(body).toEqual({ items: [], page: 3, pageSize: 1, total: 1 });
  });

  it.each([
    `pageSize=${MAX_PAGE_SIZE + 1}`,
    "pageSize=0",
    "page=0",
    "page=abc",
    "page=1.5",
    "from=yesterday",
    "from=2026-03-20&to=2026-03-01",
    "sort=title",
    `q=${"x".repeat(201)}`,
  ])("refuses invalid query %s with 400", async (query) => {
    const { status, body } = await call(`/api/stories?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
  });
});

describe("GET /api/stories/:id and sections", () => {
  it("returns the story with every section and its articles", async () => {
    const { status, body } = await call(`/api/stories/${SAMPLE_STORY.id}`);
    expect(status).toBe(200);
    expect(body.story).toMatchObject({ id: SAMPLE_STORY.id, independentSources: 2 });
    for (const section of ["entities", "provenance", "claims", "quotes", "timeline", "brief"]) {
      expect(body.story[section].length, section).toBeGreaterThan(0);
    }
    expect(body.articles.map((a: { id: string }) => a.id)).toEqual(SAMPLE_STORY.articleIds);
  });

  it.each(["articles", "entities", "provenance", "claims", "quotes", "timeline", "brief"])(
    "serves the %s section",
    async (section) => {
      const { status, body } = await call(`/api/stories/${SAMPLE_STORY.id}/${section}`);
      expect(status).toBe(200);
      expect(body.items.length).toBeGreaterThan(0);
    },
  );

  it("answers an unknown id with 404 in the error shape", async () => {
    for (const path of [
      "/api/stories/story-ffffffffffff",
      "/api/stories/story-ffffffffffff/claims",
      "/api/articles/0000",
    ]) {
      const { status, body } = await call(path);
      expect(status).toBe(404);
      expect(body).toEqual({ error: { code: "not_found", message: expect.stringContaining("id") } });
    }
  });

  it("refuses an id with odd characters with 400", async () => {
    const { status, body } = await call("/api/articles/..%2F..%2Fetc%2Fpasswd");
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
  });

  it("answers an unknown endpoint with 404 in the error shape", async () => {
    const response = await app.request("/api/nothing-here");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
  });
});

describe("GET /api/articles/:id", () => {
  it("returns the stored article", async () => {
    const { status, body } = await call(`/api/articles/${SAMPLE_ARTICLES[0]?.id}`);
    expect(status).toBe(200);
    expect(body.title).toBe(SAMPLE_ARTICLES[0]?.title);
  });
});

describe("POST /api/articles", () => {
  const article = {
    title: "Reservoir levels fall to record low in Orrin valley",
    text: "Water in the Orrin reservoir fell to 18 percent of capacity on Tuesday, the valley water board said.\n\nThe board asked residents to cut use by a quarter.",
    outlet: "Valley Tribune",
    publishedAt: "2026-03-18T10:00:00Z",
    author: "J. Doe",
  };

  it("stores and analyses a JSON article, and a second identical POST adds nothing", async () => {
    const first = await call("/api/articles", json(article));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ inserted: 1, unchanged: 0, analysed: true });
    const [result] = first.body.results;
    expect(result).toMatchObject({ status: "ok", inserted: 1 });
    const stored = await store.getArticle(result.articleIds[0]);
    expect(stored).toMatchObject({ title: article.title, outlet: "Valley Tribune" });
    const stories = await store.listStories();
    expect(stories.some((story) => story.articleIds.includes(result.articleIds[0]))).toBe(true);
    const { body: list } = await call("/api/stories?q=reservoir");
    expect(list.total).toBe(1);

    const count = await store.countArticles();
    const second = await call("/api/articles", json([article]));
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ inserted: 0, unchanged: 1, analysed: false });
    expect(second.body.results[0].articleIds).toEqual(result.articleIds);
    expect(await store.countArticles()).toBe(count);
  });

  it("continues the stored analysis: a POST about another story leaves the stored stories as they were", async () => {
    const first = await call("/api/articles", json(article));
    const reservoirId = first.body.results[0].articleIds[0];
    const before = await store.listStories();
    const reservoir = before.find((story) => story.articleIds.includes(reservoirId));
    expect(reservoir?.revision).toMatch(/^[0-9a-f]{32}$/);
    expect(await store.loadClusterState("corpus-analysis")).not.toBeNull();

    const other = {
      title: "Ferry service to Kessin island resumes after storm repairs",
      text: "The Kessin ferry sailed again on Thursday after ten days of repairs to the storm-damaged pier, the harbour office said.\n\nTimetables return to normal next week.",
      outlet: "Island Post",
      publishedAt: "2026-03-19T08:00:00Z",
    };
    // Mark the stored story: analysing it again would give back its real title.
    const marked = before.map((story) => (story === reservoir ? { ...story, title: "kept as stored" } : story));
    await store.replaceStories(marked);
    const second = await call("/api/articles", json(other));
    expect(second.body).toMatchObject({ inserted: 1, analysed: true });
    const after = await store.listStories();
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((story) => story.articleIds.includes(reservoirId))).toEqual({
      ...reservoir,
      title: "kept as stored",
    });
  });

  it("reports per input: good ones stored, bad ones failed", async () => {
    const { status, body } = await call("/api/articles", json([article, { title: "no body" }, { text: 5 }]));
    expect(status).toBe(201);
    expect(body.results.map((r: { status: string }) => r.status)).toEqual(["ok", "failed", "failed"]);
    expect(body.results[1].reason).toMatch(/^Unexpected/);
  });

  it("answers 400 with the results when every input failed", async () => {
    const { status, body } = await call("/api/articles", json([{ title: "only a title" }]));
    expect(status).toBe(400);
    expect(body.error.code).toBe("all_inputs_failed");
    expect(body.results).toHaveLength(1);
  });

  it("refuses malformed JSON with 400", async () => {
    const { status, body } = await call("/api/articles", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"title": "x", ',
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe("malformed_json");
  });

  it("refuses an oversized body with 413 and stores nothing", async () => {
    const small = createApp({ store, maxBodyBytes: 1024 });
    const before = await store.countArticles();
    const response = await small.request("/api/articles", json({ ...article, text: "x ".repeat(2000) }));
    expect(response.status).toBe(413);
    expect(await conforms("POST", "/api/articles", response)).toMatchObject({ error: { code: "payload_too_large" } });
    expect(await store.countArticles()).toBe(before);
  });

  it("refuses an oversized body at the default limit", async () => {
    const response = await app.request("/api/articles", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "x".repeat(21 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
  });

  it("refuses an unsupported content type with 415", async () => {
    const { status, body } = await call("/api/articles", {
      method: "POST",
      headers: { "content-type": "image/png" },
      body: "\x89PNG",
    });
    expect(status).toBe(415);
    expect(body.error.code).toBe("unsupported_media_type");
  });

  it.each([
    "http://127.0.0.1/x",
    "http://10.0.0.1/",
    "http://[::1]:8080/",
    "http://169.254.169.254/latest/meta-data",
    "file:///etc/passwd",
    "http://localhost./",
  ])("refuses to fetch %s", async (url) => {
    const { status, body } = await call("/api/articles", json({ url }));
    expect(status).toBe(400);
    expect(body.results[0]).toMatchObject({ status: "failed", source: url });
    expect(body.results[0].reason).toMatch(/Unexpected (private|URL scheme|network)/);
  });

  it("ingests a fetched page through the injected fetcher", async () => {
    const html = `<html><head><title>Fetched page</title><meta property="og:site_name" content="Fetch Times"></head><body><article><h1>Fetched page</h1><p>${"A long enough paragraph about the dam and the river valley. ".repeat(5)}</p></article></body></html>`;
    const fetching = createApp({
      store,
      fetch: async (url) => ({
        source: url,
        path: null,
        url,
        contentType: "text/html; charset=utf-8",
        bytes: new TextEncoder().encode(html),
      }),
    });
    const response = await fetching.request("/api/articles", json({ url: "https://news.example/dam" }));
    const body = (await conforms("POST", "/api/articles", response)) as { results: Array<{ articleIds: string[] }> };
    expect(response.status).toBe(201);
    const stored = await store.getArticle(body.results[0]?.articleIds[0] as string);
    expect(stored?.url).toBe("https://news.example/dam");
  });

  it("ingests an uploaded file, naming it by its base name only", async () => {
    const form = new FormData();
    form.append(
      "file",
      new File(
        [
          `---\ntitle: Uploaded story\noutlet: Upload Daily\n---\n\n${"Text of an uploaded article about the harbour. ".repeat(4)}`,
        ],
        "../../etc/upload.md",
        { type: "text/markdown" },
      ),
    );
    const { status, body } = await call("/api/articles", { method: "POST", body: form });
    expect(status).toBe(201);
    expect(body.results[0].source).toBe("upload/upload.md");
    const stored = await store.getArticle(body.results[0].articleIds[0]);
    expect(stored).toMatchObject({ title: "Uploaded story", path: "upload/upload.md" });
  });

  it("ingests a raw HTML body", async () => {
    const { status, body } = await call("/api/articles?name=page.html", {
      method: "POST",
      headers: { "content-type": "text/html; charset=utf-8" },
      body: `<html><head><title>Raw page</title></head><body><article><p>${"Raw body text about the election count in the northern district. ".repeat(4)}</p></article></body></html>`,
    });
    expect(status).toBe(201);
    expect(body.results[0].source).toBe("upload/page.html");
  });

  it("refuses a name that is a path", async () => {
    const { status } = await call("/api/articles?name=..%2Fsecret.html", {
      method: "POST",
      headers: { "content-type": "text/html" },
      body: "<p>x</p>",
    });
    expect(status).toBe(400);
  });
});

/** The queued ingest's round trip needs a real PostgreSQL (and a worker); skipped with one line without one. */
const PG_URL = TEST_PG_URL;
const pgProblem = await probePostgres(PG_URL);
if (pgProblem !== null) {
  console.log(
    `PostgreSQL not reachable at ${redactLocation(PG_URL)}: skipping the queued API round trip (${pgProblem})`,
  );
}

describe("POST /api/articles on a server with workers (queued)", () => {
  const article = {
    title: "Ferry service to the islands suspended after storm damage",
    text: "The ferry operator suspended crossings on Monday after the storm damaged the pier at Karrow.\n\nRepairs will take a week, the operator said.",
    outlet: "Coast Herald",
    publishedAt: "2026-03-19T08:00:00Z",
  };
  /** A queue that records what it was given and numbers the jobs, like pg-boss's uuids but predictable. */
  function fakeQueue() {
    const queued: IngestJob[] = [];
    const enqueue = async (jobs: readonly IngestJob[]) => {
      queued.push(...jobs);
      return jobs.map(
        (_, index) => `00000000-0000-4000-8000-${String(queued.length - jobs.length + index).padStart(12, "0")}`,
      );
    };
    return { queued, enqueue };
  }
  const noFetch = async (): Promise<never> => {
    throw new Error("the queued path must not fetch in the request");
  };

  it("checks and queues each input, answers 202 with job ids, and stores nothing in the request", async () => {
    const queue = fakeQueue();
    app = createApp({ store, enqueue: queue.enqueue, fetch: noFetch, logError: () => {} });
    const before = await store.countArticles();
    const { status, body } = await call(
      "/api/articles",
      json([article, { title: "no body" }, { url: "https://news.example/ferry" }]),
    );
    expect(status).toBe(202);
    expect(body.queued).toBe(2);
    expect(body.results.map((r: { status: string }) => r.status)).toEqual(["queued", "failed", "queued"]);
    expect(body.results[0]).toMatchObject({ source: expect.stringMatching(/^post-[0-9a-f]{16}\.json$/) });
    expect(body.results[2]).toEqual({
      status: "queued",
      source: "https://news.example/ferry",
      jobId: "00000000-0000-4000-8000-000000000001",
    });
    expect(queue.queued).toHaveLength(2);
    const [document, url] = queue.queued as [Extract<IngestJob, { kind: "document" }>, IngestJob];
    expect(document).toMatchObject({
      kind: "document",
      source: body.results[0].source,
      contentType: "application/json",
    });
    expect(JSON.parse(Buffer.from(document.bytesBase64, "base64").toString("utf8"))).toMatchObject(article);
    // A client's URL is fetched by a worker, public addresses only whatever the worker's --allow-private.
    expect(url).toEqual({ kind: "url", url: "https://news.example/ferry", publicOnly: true });
    expect(await store.countArticles()).toBe(before);
  });

  it("answers 400 all_inputs_failed and queues nothing when no input is good", async () => {
    const queue = fakeQueue();
    app = createApp({ store, enqueue: queue.enqueue, logError: () => {} });
    const { status, body } = await call("/api/articles", json([{ title: "only a title" }]));
    expect(status).toBe(400);
    expect(body.error.code).toBe("all_inputs_failed");
    expect(body.results[0].status).toBe("failed");
    expect(queue.queued).toEqual([]);
  });

  it("refuses a document too large for a job, and answers 500 when the queue is down", async () => {
    const queue = fakeQueue();
    app = createApp({ store, enqueue: queue.enqueue, logError: () => {} });
    const big = await call("/api/articles?name=big.txt", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "word ".repeat(500_000),
    });
    expect(big.status).toBe(400);
    expect(big.body.results[0].reason).toMatch(/^Unexpected document of 2500000 bytes for a queued job/);

    const logged: unknown[] = [];
    app = createApp({
      store,
      enqueue: () => Promise.reject(new Error("connect ECONNREFUSED 10.1.2.3:5432")),
      logError: (error) => logged.push(error),
    });
    const down = await app.request("/api/articles", json(article));
    expect(down.status).toBe(500);
    const text = await down.text();
    expect(JSON.parse(text).error.code).toBe("internal_error");
    expect(text).not.toContain("10.1.2.3");
    expect(logged).toHaveLength(1);
  });

  it.skipIf(pgProblem !== null)(
    "round trip on PostgreSQL: queued by the API, stored by a worker under the id the in-process path gives",
    { timeout: 60_000 },
    async () => {
      const direct = await call("/api/articles", json(article));
      const expectedId = direct.body.results[0].articleIds[0];
      const base = `pxa_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
      const queue = await openQueue({ databaseUrl: PG_URL, schema: `${base}_q` });
      const pgStore = await openStore(PG_URL, { schema: base });
      const stop = new AbortController();
      let worker: Promise<unknown> | undefined;
      try {
        app = createApp({ store: pgStore, enqueue: (jobs) => enqueueIngest(queue.boss, jobs), logError: () => {} });
        const { status, body } = await call("/api/articles", json(article));
        expect(status).toBe(202);
        worker = runWorker({
          databaseUrl: PG_URL,
          concurrency: 1,
          storeSchema: base,
          queueSchema: `${base}_q`,
          signal: stop.signal,
          log: () => {},
        });
        await waitFor(async () => (await pgStore.countArticles()) === 1, 45_000);
        expect((await pgStore.getArticle(expectedId))?.title).toBe(article.title);
        const job = await queue.boss.getJobById("parallax-ingest", body.results[0].jobId);
        expect(job?.data).toMatchObject({ kind: "document", source: body.results[0].source });
      } finally {
        stop.abort();
        await worker;
        await pgStore.close();
        await queue.close();
        await dropTestSchemas([base, `${base}_q`], PG_URL);
      }
    },
  );
});

describe("security headers and errors", () => {
  it("sets the CSP and friends on every response, including errors", async () => {
    for (const [path, init] of [
      ["/api/health", undefined],
      ["/api/stories/none", undefined],
      ["/", undefined],
      [`/stories/${SAMPLE_STORY.id}`, undefined],
      ["/assets/app.css", undefined],
      ["/missing", undefined],
      ["/api/articles", { method: "POST", headers: { "content-type": "application/json" }, body: "{" }],
    ] as const) {
      const response = await app.request(path, init);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("script-src");
      expect(csp).not.toContain("unsafe-inline");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    }
  });

  it("answers a server fault with 500 and no stack", async () => {
    const logged: unknown[] = [];
    const broken = createApp({
      store: { ...store, getStory: () => Promise.reject(new Error("secret database detail at /srv/db")) } as Store,
      logError: (error) => logged.push(error),
    });
    const response = await broken.request(`/api/stories/${SAMPLE_STORY.id}`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("secret");
    expect(text).not.toContain("at ");
    expect(JSON.parse(text)).toEqual({ error: { code: "internal_error", message: expect.any(String) } });
    expect(logged).toHaveLength(1);
  });
});

describe("searchWords", () => {
  it("folds case and accents, splits on punctuation and skips short and common words", () => {
    expect(searchWords("Łódź: Café “Señor” détente — the 2,150 said AND Zürich")).toEqual([
      "łodz",
      "cafe",
      "senor",
      "detente",
      "150",
      "zurich",
    ]);
    expect(searchWords("Police’s crackdown")).toEqual(["police", "crackdown"]);
  });
});
