import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { HttpError } from "./http-error.js";

/** Renders an error as an HTML page for the web UI; the API gets JSON. */
export type ErrorPageRenderer = (status: number, code: string, message: string) => string;

export interface ErrorBody {
  error: { code: string; message: string };
  [extra: string]: unknown;
}

/** Anything that is not an HttpError is a fault of ours: logged in full, answered without its details. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof HTTPException && error.status === 413) {
    return new HttpError(413, "payload_too_large", "Unexpected body size, expected a smaller body");
  }
  return new HttpError(500, "internal_error", "Unexpected server fault, expected none; it has been logged");
}

/** The one error handler: `{ error: { code, message } }` for the API, the same code and message as a page otherwise. */
export function errorHandler(renderPage: ErrorPageRenderer, log: (error: unknown) => void): ErrorHandler {
  return (error, c) => {
    const httpError = toHttpError(error);
    if (httpError.status === 500) log(error);
    return respond(c, httpError, renderPage);
  };
}

export function notFoundHandler(renderPage: ErrorPageRenderer): NotFoundHandler {
  return (c) =>
    respond(
      c,
      new HttpError(
        404,
        "not_found",
        `Unexpected path ${JSON.stringify(c.req.path)}, expected a known page or endpoint`,
      ),
      renderPage,
    );
}

function respond(c: Context, error: HttpError, renderPage: ErrorPageRenderer): Response {
  const status = error.status as ContentfulStatusCode;
  if (c.req.path === "/api" || c.req.path.startsWith("/api/")) {
    const body: ErrorBody = { error: { code: error.code, message: error.message }, ...error.details };
    return c.json(body, status);
  }
  return c.html(renderPage(error.status, error.code, error.message), status);
}
