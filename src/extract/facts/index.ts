export { extractFacts } from "./extract-facts.js";
export { findNumbers, formatNumber, type NumberPhrase, parseNumber } from "./numbers.js";
export { type Gender, type NameMention, nameMentions, personGender } from "./people.js";
export { resolvePronoun } from "./pronouns.js";
export { isTabularLine, paragraphs, type Span, sentenceAt, sentences } from "./text-spans.js";
export type { Fact, FactKind } from "./types.js";
