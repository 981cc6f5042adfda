/** A word or punctuation mark of the article text with its UTF-16 offsets. */
export interface Token {
  text: string;
  start: number;
  end: number;
  isWord: boolean;
  /** First word of a sentence (or of a paragraph, a quote, a list item): its capital says nothing. */
  sentenceStart: boolean;
  /** Index of the paragraph (blank-line separated block, or line) the token is in. */
  paragraph: number;
}

// Words keep inner apostrophes and hyphens (O'Brien, Haurylenka-Kovalenko); an initial keeps its dot ("J.").
const TOKEN = /\p{Lu}\.(?=\s*\p{Lu})|\p{L}[\p{L}\p{M}]*(?:['’‐-]\p{L}[\p{L}\p{M}]*)*|\p{N}+(?:[.,:]\p{N}+)*|\S/gu;
const POSSESSIVE = /['’]s$/u;
// Abbreviations whose dot does not end a sentence.
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "st",
  "gen",
  "col",
  "sgt",
  "lt",
  "capt",
  "sen",
  "rep",
  "gov",
  "jr",
  "sr",
  "no",
  "vs",
  "etc",
  "inc",
  "ltd",
  "corp",
  "co",
  "u.s",
  "maj",
  "rev",
  "fr",
]);
const SENTENCE_END = new Set([".", "!", "?", "…", ":", ";"]);
const OPENERS = new Set(['"', "“", "«", "‘", "'", "(", "[", "—", "–", "-", "•", "*", "„"]);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let paragraph = 0;
  let lastEnd = 0;
  let atStart = true;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    let word = match[0];
    const gap = text.slice(lastEnd, start);
    if (/\n/.test(gap)) {
      paragraph++;
      atStart = true;
    }
    const isWord = /^[\p{L}\p{N}]/u.test(word);
    const previous = tokens.at(-1);
    if (!isWord) {
      tokens.push({ text: word, start, end: start + word.length, isWord, sentenceStart: false, paragraph });
      const abbreviation = word === "." && previous?.isWord && ABBREVIATIONS.has(previous.text.toLowerCase());
      if (SENTENCE_END.has(word) && !abbreviation) atStart = true;
      else if (!OPENERS.has(word)) atStart = false;
      lastEnd = start + word.length;
      continue;
    }
    // Split a possessive off so that "Kovalenko's" yields the name "Kovalenko".
    let possessive = false;
    if (POSSESSIVE.test(word) && word.length > 2) {
      word = word.slice(0, -2);
      possessive = true;
    }
    tokens.push({ text: word, start, end: start + word.length, isWord: true, sentenceStart: atStart, paragraph });
    if (possessive)
      tokens.push({
        text: "'s",
        start: start + word.length,
        end: start + word.length + 2,
        isWord: false,
        sentenceStart: false,
        paragraph,
      });
    // An initial's own dot is inside the token, so it never ends the sentence.
    atStart = false;
    lastEnd = match.index + match[0].length;
  }
  return tokens;
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** Two or more letters, all upper-case: an acronym or a word of all-caps text. */
export function isAllCaps(word: string): boolean {
  return word.length >= 2 && /^[\p{Lu}\p{N}&'’-]+$/u.test(word) && /\p{Lu}.*\p{Lu}/u.test(word);
}

export function isInitial(word: string): boolean {
  return /^\p{Lu}\.$/u.test(word);
}
