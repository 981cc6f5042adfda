import { MAX_INPUT_BYTES } from "../ingest/limits.js";

/** Default page size of the story list: one screen of titles. */
export const DEFAULT_PAGE_SIZE = 20;

/** Largest page a client may ask for: keeps one response small and the list endpoint cheap at any corpus size. */
export const MAX_PAGE_SIZE = 100;

/**
 * Largest request body. The same cap as one file in the CLI (ingest's MAX_INPUT_BYTES), plus room for multipart
 * framing, so anything the CLI accepts can be uploaded and nothing larger is buffered.
 */
export const MAX_BODY_BYTES = MAX_INPUT_BYTES + 64 * 1024;

/** Articles in one JSON array: a batch, not a bulk import (use `parallax analyze` for that). */
export const MAX_ARTICLES_PER_REQUEST = 100;

/** Longest free-text query or filter: longer strings are not searches but abuse. */
export const MAX_QUERY_CHARS = 200;

/** Longest id accepted in a path; real ids are 16 hex characters (articles) or `story-` + 12 (stories). */
export const MAX_ID_CHARS = 128;

/** Articles read per page while building the search catalog, so 100,000 articles never sit in one result set. */
export const CATALOG_ARTICLE_PAGE = 2000;
