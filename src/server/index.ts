export { type AppOptions, createApp } from "./create-app.js";
export { HttpError, type HttpErrorCode } from "./http-error.js";
export { DEFAULT_PAGE_SIZE, MAX_BODY_BYTES, MAX_PAGE_SIZE } from "./limits.js";
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./security-headers.js";
export { type StartedServer, startServer } from "./start-server.js";
