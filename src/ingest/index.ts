export { articleId, articleOrigin } from "./article-id.js";
export { decodeBytes } from "./decode-bytes.js";
export { detectLanguage } from "./detect-language.js";
export {
  describeRejected,
  type IngestOptions,
  type IngestOutcome,
  ingestDocument,
  ingestDocumentDetailed,
  type RejectedEntry,
} from "./ingest-document.js";
export { MAX_INPUT_BYTES } from "./limits.js";
export { normalizeDate } from "./normalize-date.js";
export { repairMojibake } from "./repair-mojibake.js";
