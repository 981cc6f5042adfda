export { articleLabel, articleLabels, checkSupport, missingContent, type SupportResult } from "./check-support.js";
export { writeBrief } from "./write-brief.js";
