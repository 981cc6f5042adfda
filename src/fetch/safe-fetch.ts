import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import type { RawDocument } from "../model/raw-document.js";
import { isPublicAddress } from "./address-policy.js";

/** A whole fetch (all redirects included) gives up after this long: a slow server must not stall a batch. */
export const FETCH_TIMEOUT_MS = 15_000;
/** Same cap as a file on disk: news pages and feeds are far below it; anything larger is not an article. */
export const MAX_FETCH_BYTES = 20 * 1024 * 1024;
/** Browsers allow about 20; news sites need 2-3 (http→https, www, tracking). Five ends loops early. */
export const MAX_REDIRECTS = 5;

export interface SafeFetchOptions {
  /** Allow loopback, private and link-local addresses (the CLI's --allow-private). */
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export class FetchError extends Error {
  constructor(
    readonly url: string,
    message: string,
  ) {
    super(message);
    this.name = "FetchError";
  }
}

/**
 * Fetches a page or a feed that the user named, as bytes for the ingest stage. The address check happens in the
 * socket's DNS lookup, so the address connected to is the address checked (no DNS-rebinding gap), and again for
 * every redirect. Node's own http client is used because fetch() cannot hook the lookup without another package.
 */
export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<RawDocument> {
  const deadline = AbortSignal.timeout(options.timeoutMs ?? FETCH_TIMEOUT_MS);
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  let current = parseHttpUrl(url);
  for (let redirects = 0; ; redirects++) {
    const response = await requestOnce(current, options, deadline);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location !== undefined) {
      response.resume();
      if (redirects >= maxRedirects) {
        throw new FetchError(url, `Unexpected redirect number ${redirects + 1}, expected at most ${maxRedirects}`);
      }
      current = parseHttpUrl(new URL(location, current).href);
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new FetchError(url, `Unexpected HTTP status ${status}, expected 200`);
    }
    const bytes = await readBody(response, options.maxBytes ?? MAX_FETCH_BYTES, current.href, deadline);
    const contentType = response.headers["content-type"] ?? null;
    return { source: url, path: null, url: current.href, bytes, contentType };
  }
}

function parseHttpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchError(text, "Unexpected malformed URL, expected an absolute http(s) URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError(text, `Unexpected URL scheme '${url.protocol}', expected http: or https:`);
  }
  if (url.username || url.password) {
    throw new FetchError(text, "Unexpected credentials in URL, expected none");
  }
  return url;
}

function guardedLookup(allowPrivate: boolean, url: string): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const list = addresses as LookupAddress[];
      const refused = list.find((entry) => !allowPrivate && !isPublicAddress(entry.address));
      if (refused !== undefined) {
        return callback(
          new FetchError(
            url,
            `Unexpected private address ${refused.address} for ${hostname}, expected a public address (use --allow-private to allow it)`,
          ),
          "",
          4,
        );
      }
      if (lookupOptions.all) return callback(null, list as unknown as string, 4);
      const first = list[0];
      if (first === undefined)
        return callback(new FetchError(url, `Unexpected empty DNS answer for ${hostname}`), "", 4);
      callback(null, first.address, first.family);
    });
  };
}

function requestOnce(url: URL, options: SafeFetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const allowPrivate = options.allowPrivate ?? false;
  // A literal IP skips DNS, so check it here too.
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && /^[\d.]+$|:/.test(literal) && !isPublicAddress(literal)) {
    return Promise.reject(
      new FetchError(
        url.href,
        `Unexpected private address ${literal}, expected a public address (use --allow-private to allow it)`,
      ),
    );
  }
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, {
      method: "GET",
      signal,
      lookup: guardedLookup(allowPrivate, url.href),
      headers: {
        "user-agent": "parallax (+news comparison; fetches only URLs its user names)",
        accept:
          "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5",
      },
    });
    request.on("response", resolve);
    request.on("error", (error) => {
      if (error instanceof FetchError) reject(error);
      else if (signal.aborted) reject(new FetchError(url.href, "Unexpected time-out, expected a response in time"));
      else reject(new FetchError(url.href, `Unexpected network error (${error.message}), expected a response`));
    });
    request.end();
  });
}

function readBody(response: IncomingMessage, maxBytes: number, url: string, signal: AbortSignal): Promise<Uint8Array> {
  const declared = Number(response.headers["content-length"] ?? "0");
  if (declared > maxBytes) {
    response.destroy();
    return Promise.reject(new FetchError(url, `Unexpected body of ${declared} bytes, expected at most ${maxBytes}`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy();
        reject(new FetchError(url, `Unexpected body over ${maxBytes} bytes, expected at most ${maxBytes}`));
        return;
      }
      chunks.push(chunk);
    });
    response.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    response.on("error", (error) => {
      if (error instanceof FetchError) reject(error);
      else if (signal.aborted) reject(new FetchError(url, "Unexpected time-out, expected a response in time"));
      else reject(new FetchError(url, `Unexpected end of response (${error.message}), expected a whole body`));
    });
  });
}
