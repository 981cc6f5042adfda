export { type ArticleQuote, extractQuotes } from "./extract-quotes.js";
export { mergeQuotes, normalizeQuote } from "./merge-quotes.js";
export { type QuoteSpan, quoteSpans } from "./quote-spans.js";
