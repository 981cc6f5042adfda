import { Hono } from "hono";
import { safeFetch } from "../fetch/index.js";
import type { Store } from "../store/store.js";
import { renderErrorPage } from "../web/layout.js";
import { webRoutes } from "../web/web-routes.js";
import { apiRoutes } from "./api-routes.js";
import { errorHandler, notFoundHandler } from "./error-handler.js";
import { type Fetcher, IngestService } from "./ingest-service.js";
import { MAX_BODY_BYTES } from "./limits.js";
import { securityHeaders } from "./security-headers.js";
import { StoryCatalog } from "./story-catalog.js";

export interface AppOptions {
  store: Store;
  /** The clock, for tests. */
  now?: () => Date;
  /** Fetches `{ url }` inputs; defaults to the guarded fetcher (public addresses only, timeout, caps). */
  fetch?: Fetcher;
  maxBodyBytes?: number;
  /** Where server faults (500s) are logged in full; the client never sees the details. */
  logError?: (error: unknown) => void;
  /** Build the search catalog right away instead of on the first list request (what a served app wants). */
  warmCatalog?: boolean;
}

/** The HTTP app: JSON API under /api and the server-rendered web UI, from one store. */
export function createApp(options: AppOptions): Hono {
  const { store } = options;
  const catalog = new StoryCatalog(store);
  const ingest = new IngestService(store, options.fetch ?? ((url) => safeFetch(url)), () => catalog.invalidate());
  const logError = options.logError ?? ((error: unknown) => console.error(error));
  if (options.warmCatalog) catalog.warm(logError);
  const app = new Hono();
  app.use("*", securityHeaders());
  app.route(
    "/api",
    apiRoutes({
      store,
      catalog,
      ingest,
      now: options.now ?? (() => new Date()),
      maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
    }),
  );
  app.route("/", webRoutes({ store, catalog }));
  app.notFound(notFoundHandler(renderErrorPage));
  app.onError(errorHandler(renderErrorPage, logError));
  return app;
}
