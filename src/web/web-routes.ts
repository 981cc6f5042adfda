import { Hono } from "hono";
import { loadStory } from "../server/load-story.js";
import { idSchema, storyQuerySchema } from "../server/schemas.js";
import type { StoryCatalog } from "../server/story-catalog.js";
import { validate } from "../server/validate.js";
import type { Store } from "../store/store.js";
import { APP_CSS } from "./app-css.js";
import { ICON_SVG } from "./assets.js";
import { renderStoriesPage } from "./stories-page.js";
import { renderStoryPage } from "./story-page.js";

export interface WebDeps {
  store: Store;
  catalog: StoryCatalog;
}

/** The stylesheet URL carries its content hash, so a year of caching is safe. */
const ASSET_CACHE = "public, max-age=31536000, immutable";

/** Server-rendered pages: the stories list, one story, and the static assets they use. */
export function webRoutes(deps: WebDeps): Hono {
  const web = new Hono();

  web.get("/", async (c) => {
    const raw = c.req.query();
    const query = validate(storyQuerySchema, raw, "query");
    const result = await deps.catalog.search(query);
    return c.html(renderStoriesPage(result, raw));
  });

  web.get("/stories/:id", async (c) => {
    const id = validate(idSchema, c.req.param("id"), "story id");
    return c.html(renderStoryPage(await loadStory(deps.store, id)));
  });

  web.get("/assets/app.css", (c) => {
    c.header("Cache-Control", ASSET_CACHE);
    return c.body(APP_CSS, 200, { "Content-Type": "text/css; charset=utf-8" });
  });

  web.get("/assets/icon.svg", (c) => {
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(ICON_SVG, 200, { "Content-Type": "image/svg+xml" });
  });

  return web;
}
