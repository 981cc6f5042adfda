export { type Alignment, alignSentences, type SentencePair } from "./align.js";
export { type Analysis, analyzeText } from "./analyze.js";
export {
  type Candidate,
  CandidateIndex,
  type CandidateIndexOptions,
  type CandidateIndexStats,
} from "./candidate-index.js";
export { type Credit, findCredits, normalizeOutlet } from "./credit.js";
export { type Direction, decideDirection } from "./direction.js";
export { countIndependentSources, detectProvenance } from "./provenance.js";
export { estimateSimilarity, type Sketch, sketchText } from "./sketch.js";
export { type CopyRelation, type PairVerdict, verifyPair } from "./verify.js";
