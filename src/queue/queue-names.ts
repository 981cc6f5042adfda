/** Queue names shared by every worker and enqueuer; changing one strands the jobs already queued under the old. */
export const INGEST_QUEUE = "parallax-ingest";
export const ANALYZE_QUEUE = "parallax-analyze";
/** Jobs that used up their retries (or were refused as malformed) land here with the last error, for a human. */
export const DEAD_LETTER_QUEUE = "parallax-dead";

/** pg-boss's schema when none is given: its own, beside the store's tables, so dropping one never touches the other. */
export const DEFAULT_QUEUE_SCHEMA = "parallax_queue";
