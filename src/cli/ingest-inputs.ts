import { FetchError, safeFetch } from "../fetch/index.js";
import { ingestDocumentDetailed } from "../ingest/index.js";
import type { Article } from "../model/article.js";
import type { RawDocument } from "../model/raw-document.js";
import { failed, type ItemResult, ok } from "../model/result.js";
import { expandPaths, readDocument } from "./read-inputs.js";

export interface IngestInputsOptions {
  cwd: string;
  /** Let user-named URLs reach loopback, private and link-local addresses. */
  allowPrivate: boolean;
  /** Called before each input is read, for progress display. */
  onInput?: (source: string, index: number, total: number) => void;
}

/** What the CLI learns from one input: its articles, or why it (or one entry of it) failed. */
export type InputEvent = ItemResult<Article[]>;

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/**
 * Reads every input the user named (files, folders, http(s) URLs) and ingests it, yielding one event per input and
 * one per rejected entry of a multi-article file. Never throws for bad input: the caller reports and goes on.
 */
export async function* ingestInputs(
  inputs: readonly string[],
  options: IngestInputsOptions,
): AsyncGenerator<InputEvent> {
  const urls = inputs.filter(isUrl);
  const files = await expandPaths(
    inputs.filter((input) => !isUrl(input)),
    options.cwd,
  );
  const total = urls.length + files.length;
  let index = 0;
  for (const url of urls) {
    options.onInput?.(url, index++, total);
    yield* ingestOne(await fetchDocument(url, options.allowPrivate));
  }
  for (const file of files) {
    options.onInput?.(file.source, index++, total);
    if (file.status === "failed") {
      yield failed(file.source, file.reason);
      continue;
    }
    yield* ingestOne(await readDocument(file.source, file.value));
  }
}

function* ingestOne(document: ItemResult<RawDocument>): Generator<InputEvent> {
  if (document.status === "failed") {
    yield failed(document.source, document.reason);
    return;
  }
  const ingested = ingestDocumentDetailed(document.value);
  if (ingested.status === "failed") {
    yield failed(ingested.source, ingested.reason);
    return;
  }
  for (const rejected of ingested.value.rejected) yield failed(rejected.source, rejected.reason);
  yield ok(document.source, ingested.value.articles);
}

async function fetchDocument(url: string, allowPrivate: boolean): Promise<ItemResult<RawDocument>> {
  try {
    return ok(url, await safeFetch(url, { allowPrivate }));
  } catch (error) {
    if (error instanceof FetchError) return failed(url, error.message);
    throw error;
  }
}
