import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { packageVersion } from "../cli/version.js";
import { safeFetch } from "../fetch/index.js";
import type { Store } from "../store/store.js";
import { renderErrorPage } from "../web/layout.js";
import { webRoutes } from "../web/web-routes.js";
import { apiRoutes } from "./api-routes.js";
import { errorHandler, notFoundHandler } from "./error-handler.js";
import { HttpError } from "./http-error.js";
import { enqueueIngestInputs, type Fetcher, type IngestEnqueuer, IngestService } from "./ingest-service.js";
import { MAX_BODY_BYTES } from "./limits.js";
import { readIngestBody } from "./read-ingest-body.js";
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
  /**
   * When the server runs on PostgreSQL beside `parallax worker` processes: `POST /api/articles` checks its inputs,
   * queues them as ingest jobs with this (e.g. `(jobs) => enqueueIngest(queue.boss, jobs)`) and answers 202 with
   * the job ids; the workers ingest, store and analyse. Without it the request ingests and analyses in process.
   */
  enqueue?: IngestEnqueuer;
}

/** The HTTP app: JSON API under /api and the server-rendered web UI, from one store. */
export function createApp(options: AppOptions): Hono {
  const { store } = options;
  const catalog = new StoryCatalog(store);
  const ingest = new IngestService(
    store,
    options.fetch ?? ((url) => safeFetch(url)),
    () => catalog.invalidate(),
    packageVersion(),
  );
  const logError = options.logError ?? ((error: unknown) => console.error(error));
  if (options.warmCatalog) catalog.warm(logError);
  const app = new Hono();
  app.use("*", securityHeaders());
  // Registered before the API so that it answers the POST; every other API route stays as it is.
  if (options.enqueue !== undefined) app.post("/api/articles", ...queuedIngestRoute(options.enqueue, options));
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

/** `POST /api/articles` when workers ingest: the same body and limits as in process, answered 202 once queued. */
function queuedIngestRoute(enqueue: IngestEnqueuer, options: AppOptions) {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  return [
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new HttpError(413, "payload_too_large", `Unexpected body over ${maxBodyBytes} bytes, expected less`);
      },
    }),
    async (c: Context) => {
      const summary = await enqueueIngestInputs(await readIngestBody(c), enqueue);
      if (summary.queued === 0) {
        throw new HttpError(400, "all_inputs_failed", "Unexpected input: no input could be queued", {
          results: summary.results,
        });
      }
      return c.json(summary, 202);
    },
  ] as const;
}
