export { extractMentions } from "./extract-mentions.js";
export { insertMentions, rootOf } from "./insert-mentions.js";
export { collapseChains, linkSurnames } from "./link-surnames.js";
export type { Mention, MentionRelation, MentionType } from "./mention.js";
export { tokenize } from "./tokenize.js";
