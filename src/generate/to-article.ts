import type { Article } from "../model/index.js";
import type { GeneratedRecord } from "./corpus.js";

/** A minimal Article from a generated record, without the ingest stage: the text is already clean. */
export function toArticle(record: GeneratedRecord): Article {
  return {
    id: record.id,
    path: null,
    url: record.url,
    title: record.title,
    outlet: record.outlet,
    author: record.author,
    publishedAt: record.publishedAt,
    language: "en",
    text: record.text,
    metadata: { fieldSources: { title: "jsonl", outlet: "jsonl", publishedAt: "jsonl", author: "jsonl" } },
    diagnostics: [],
  };
}
