/**
 * Content-word tokens for lexical story grouping. Hand-written because it is small and tuned to the task:
 * lower-cased Unicode words, numbers kept (figures identify stories), a short stop list, crude plural folding.
 */
const STOP_WORDS = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between both but by " +
    "can could did do does doing down during each few for from further had has have having he her here hers herself him himself " +
    "his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours out " +
    "over own said same says she should so some such than that the their theirs them themselves then there these they this " +
    "those through to too under until up very was we were what when where which while who whom why will with would you your " +
    "yours yourself mr mrs ms one two new told according year years week day days monday tuesday wednesday thursday friday " +
    "saturday sunday last first people"
  ).split(" "),
);

/** Words shorter than this carry too little to tell stories apart (and are mostly noise after folding). */
const MIN_TOKEN_LENGTH = 3;

/** `starts`, when given, receives each token's offset in `text`: callers weight tokens by where they occur. */
export function contentTokens(text: string, starts?: number[]): string[] {
  const tokens: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    let token = match[0].replace(/['’]s$/u, "");
    if (token.length < MIN_TOKEN_LENGTH || STOP_WORDS.has(token)) continue;
    // Fold the most common English plural so "protest" and "protests" meet; longer stems are left alone on purpose.
    if (token.length > 4 && token.endsWith("s") && !token.endsWith("ss")) token = token.slice(0, -1);
    tokens.push(token);
    starts?.push(match.index);
  }
  return tokens;
}
