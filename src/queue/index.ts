export { enqueueAnalyze, enqueueIngest } from "./enqueue.js";
export { countJobs, type JobState, pendingJobs } from "./job-counts.js";
export {
  type AnalyzeJob,
  analyzeJobSchema,
  type IngestJob,
  ingestJobSchema,
  type ParsedIngestJob,
  parseIngestJob,
} from "./job-payloads.js";
export { type OpenQueueOptions, openQueue, type Queue } from "./open-queue.js";
export { failPermanently } from "./permanent-failure.js";
export { ANALYZE_QUEUE, DEAD_LETTER_QUEUE, DEFAULT_QUEUE_SCHEMA, INGEST_QUEUE } from "./queue-names.js";
export * from "./queue-tuning.js";
