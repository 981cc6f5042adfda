export { type AnalysisOutcome, analyzeStoredCorpus, ensureAnalysisState } from "./analysis.js";
export { type Fetcher, type IngestJobOutcome, runIngestJob } from "./ingest-job.js";
export { DEFAULT_CONCURRENCY, type RunWorkerOptions, runWorker, type WorkerSummary } from "./run-worker.js";
