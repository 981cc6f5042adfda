export { alignClaims } from "./align-claims.js";
export { type CompareStoryInput, type CompareStoryResult, compareStory } from "./compare-story.js";
export { compatible, explainDifference } from "./compatibility.js";
export { SourceGroups } from "./independence.js";
