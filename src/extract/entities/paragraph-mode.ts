import { lexicon } from "./lexicon.js";
import { isCapitalised, type Token } from "./tokenize.js";

/**
 * "cased": capitals mark names. "lexical": capitals say nothing (all-caps text, title-case headlines), so only
 * lexicon and cue words may start a name there.
 */
export type CaseMode = "cased" | "lexical";

// A paragraph is all-caps when this share of its letters is upper-case (a few lower-case letters from units or
// "'s" do not make it cased text).
const ALL_CAPS_SHARE = 0.8;
const MIN_LETTERS_FOR_CAPS = 12;
// A title-case headline: most content words capitalised, few words, no sentence inside.
const TITLE_CASE_SHARE = 0.75;
const MIN_TITLE_WORDS = 4;
const MAX_TITLE_WORDS = 25;

export function paragraphModes(tokens: readonly Token[]): Map<number, CaseMode> {
  const byParagraph = new Map<number, Token[]>();
  for (const token of tokens) {
    const list = byParagraph.get(token.paragraph) ?? [];
    list.push(token);
    byParagraph.set(token.paragraph, list);
  }
  const modes = new Map<number, CaseMode>();
  for (const [paragraph, list] of byParagraph) {
    const letters = list
      .filter((t) => t.isWord)
      .map((t) => t.text)
      .join("");
    const upper = (letters.match(/\p{Lu}/gu) ?? []).length;
    const all = (letters.match(/\p{L}/gu) ?? []).length;
    if (all >= MIN_LETTERS_FOR_CAPS && upper / all >= ALL_CAPS_SHARE) {
      modes.set(paragraph, "lexical");
      continue;
    }
    const words = list.filter(
      (t) => t.isWord && /\p{L}/u.test(t.text) && !(t.text.length <= 3 && lexicon.isNonName(t.text)),
    );
    const hasSentence = list.some((t, i) => t.text === "." && i < list.length - 1);
    const capitalised = words.filter((t) => isCapitalised(t.text)).length;
    const titleCase =
      !hasSentence &&
      words.length >= MIN_TITLE_WORDS &&
      words.length <= MAX_TITLE_WORDS &&
      capitalised / words.length >= TITLE_CASE_SHARE;
    modes.set(paragraph, titleCase ? "lexical" : "cased");
  }
  return modes;
}
