import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { packageVersion } from "../cli/version.js";
import type { Store } from "../store/store.js";
import { HttpError, notFound } from "./http-error.js";
import type { IngestService } from "./ingest-service.js";
import { loadArticle, loadStory } from "./load-story.js";
import { readIngestBody } from "./read-ingest-body.js";
import { idSchema, storyQuerySchema } from "./schemas.js";
import type { StoryCatalog } from "./story-catalog.js";
import { validate } from "./validate.js";

export interface ApiDeps {
  store: Store;
  catalog: StoryCatalog;
  ingest: IngestService;
  now: () => Date;
  maxBodyBytes: number;
}

/** Sections of a story served on their own, e.g. `GET /api/stories/:id/claims`. */
const SECTIONS = ["entities", "provenance", "claims", "quotes", "timeline", "brief"] as const;

/** The JSON API under `/api`; documented in docs/api.md and docs/openapi.yaml. */
export function apiRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  const version = packageVersion();

  api.get("/health", (c) => c.json({ status: "ok", version, time: deps.now().toISOString() }));

  api.get("/stories", async (c) => {
    const query = validate(storyQuerySchema, c.req.query(), "query");
    return c.json(await deps.catalog.search(query));
  });

  api.get("/stories/:id", async (c) => {
    const id = validate(idSchema, c.req.param("id"), "story id");
    return c.json(await loadStory(deps.store, id));
  });

  api.get("/stories/:id/articles", async (c) => {
    const id = validate(idSchema, c.req.param("id"), "story id");
    return c.json({ items: (await loadStory(deps.store, id)).articles });
  });

  for (const section of SECTIONS) {
    api.get(`/stories/:id/${section}`, async (c) => {
      const id = validate(idSchema, c.req.param("id"), "story id");
      const story = await deps.store.getStory(id);
      if (story === null) throw notFound("story", id);
      return c.json({ items: story[section] });
    });
  }

  api.get("/articles/:id", async (c) => {
    const id = validate(idSchema, c.req.param("id"), "article id");
    return c.json(await loadArticle(deps.store, id));
  });

  api.post(
    "/articles",
    bodyLimit({
      maxSize: deps.maxBodyBytes,
      onError: () => {
        throw new HttpError(413, "payload_too_large", `Unexpected body over ${deps.maxBodyBytes} bytes, expected less`);
      },
    }),
    async (c) => {
      const inputs = await readIngestBody(c);
      const summary = await deps.ingest.ingest(inputs);
      if (summary.results.every((result) => result.status === "failed")) {
        throw new HttpError(400, "all_inputs_failed", "Unexpected input: no input could be ingested", {
          results: summary.results,
        });
      }
      return c.json(summary, summary.inserted > 0 ? 201 : 200);
    },
  );

  return api;
}
