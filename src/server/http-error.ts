/** The one error type of the HTTP layer: the error handler turns it into `{ error: { code, message } }`. */
export type HttpErrorCode =
  | "invalid_request"
  | "malformed_json"
  | "not_found"
  | "payload_too_large"
  | "unsupported_media_type"
  | "all_inputs_failed"
  | "internal_error";

export class HttpError extends Error {
  readonly code: HttpErrorCode;
  readonly status: 400 | 404 | 413 | 415 | 500;
  /** Extra JSON fields sent next to `error` (the per-input results of a failed ingest). */
  readonly details: Record<string, unknown> | undefined;

  constructor(status: HttpError["status"], code: HttpErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function notFound(what: string, id: string): HttpError {
  return new HttpError(404, "not_found", `Unexpected ${what} id ${JSON.stringify(id)}, expected a stored ${what}`);
}
