/** Bytes read at an edge (file system or network), handed to the ingest stage. Stages never read files. */
export interface RawDocument {
  /** File path or URL as the user named it; used in every message about this input. */
  source: string;
  /** Set for files, so the article keeps it. */
  path: string | null;
  /** Set for fetched documents. */
  url: string | null;
  bytes: Uint8Array;
  /** HTTP Content-Type when fetched; it may declare the charset. */
  contentType?: string | null;
}
