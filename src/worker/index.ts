export { type AnalysisOutcome, analyzeStoredCorpus, ensureAnalysisState } from "./analysis.js";
export { storeArticleBatch } from "./article-batch.js";
export { type Fetcher, type IngestJobOutcome, readIngestJob, runIngestJob } from "./ingest-job.js";
export {
  DEFAULT_BATCH_SIZE,
  DEFAULT_CONCURRENCY,
  type RunWorkerOptions,
  runWorker,
  type WorkerSummary,
} from "./run-worker.js";
