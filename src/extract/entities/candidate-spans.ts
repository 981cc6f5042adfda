import { lexicon } from "./lexicon.js";
import type { CaseMode } from "./paragraph-mode.js";
import { isAllCaps, isCapitalised, isInitial, type Token } from "./tokenize.js";

/** A run of tokens that may hold a name: indices into the token list, first and last inclusive. */
export interface Run {
  first: number;
  last: number;
}

// A capitalised run longer than this is a table row, a list of names or a shouted headline, not one name:
// it is re-read word by word with the lexicon (no runaway entity).
export const MAX_RUN_WORDS = 8;

function isNameWord(token: Token | undefined, mode: CaseMode, previous: Token | undefined): boolean {
  if (!token?.isWord || !/\p{L}/u.test(token.text)) return false;
  if (mode === "cased") return isCapitalised(token.text) || isInitial(token.text);
  // Lexical mode: a capital says nothing, so a word must be known, or follow a known given name (a surname),
  // or follow an honorific or title.
  const text = token.text;
  if (lexicon.isNonName(text) || lexicon.isSpeechVerb(text)) return false;
  if (lexicon.isGivenName(text) || lexicon.isKnownPlace(text) || lexicon.isKnownOrg(text) || isInitial(text))
    return true;
  if (lexicon.isHonorific(text) || lexicon.isRoleHead(text) || lexicon.isOrgSuffix(text) || lexicon.isPlaceSuffix(text))
    return true;
  if (!previous?.isWord) return false;
  return (
    lexicon.isGivenName(previous.text) ||
    lexicon.isHonorific(previous.text) ||
    isInitial(previous.text) ||
    lexicon.isRoleHead(previous.text)
  );
}

/** Maximal runs of name words, joined over connectors ("Bank of England") and "&", within one paragraph. */
export function candidateRuns(tokens: readonly Token[], modeOf: (paragraph: number) => CaseMode, split = true): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (!token) break;
    const mode = modeOf(token.paragraph);
    if (!isNameWord(token, mode, tokens[i - 1])) {
      i++;
      continue;
    }
    let last = i;
    for (;;) {
      const next = tokens[last + 1];
      if (!next || next.paragraph !== token.paragraph) break;
      if (isNameWord(next, mode, tokens[last])) {
        last++;
        continue;
      }
      const after = tokens[last + 2];
      // "Growers’ Association": a plural possessive's apostrophe glued to the word keeps the run going.
      if (/^['’]$/.test(next.text) && next.start === tokens[last]?.end && isNameWord(after, mode, next)) {
        last += 2;
        continue;
      }
      const joins = (lexicon.isConnector(next.text) && !isCapitalised(next.text)) || next.text === "&";
      if (joins && after && after.paragraph === token.paragraph && isNameWord(after, mode, next)) {
        last += 2;
        continue;
      }
      break;
    }
    runs.push({ first: i, last });
    i = last + 1;
  }
  return split ? runs.flatMap((run) => splitLongRun(tokens, run)) : runs;
}

/** A run too long to be one name is re-read with the lexical rules, which only start names at known words. */
function splitLongRun(tokens: readonly Token[], run: Run): Run[] {
  const words = tokens.slice(run.first, run.last + 1).filter((t) => t.isWord).length;
  if (words <= MAX_RUN_WORDS) return [run];
  const sub = tokens.slice(run.first, run.last + 1);
  const inner = candidateRuns(sub, () => "lexical", false);
  return inner
    .map((r) => ({ first: r.first + run.first, last: r.last + run.first }))
    .filter((r) => tokens.slice(r.first, r.last + 1).filter((t) => t.isWord).length <= MAX_RUN_WORDS);
}

export function isAcronym(token: Token | undefined): boolean {
  return token !== undefined && isAllCaps(token.text) && token.text.length <= 6;
}
