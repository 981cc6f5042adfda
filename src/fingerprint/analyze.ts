import { hashString } from "./hash.js";
import { STOPWORDS } from "./stopwords.js";

/**
 * The verifier's view of one article: paragraphs (with boilerplate marked), sentences, tokens with offsets into
 * `text`, and the features that survive a paraphrase. Built once per article and reused for every candidate pair.
 */

export interface Token {
  start: number;
  end: number;
  /** Lowercased surface form; numbers lose their thousands separators. */
  norm: string;
  isNumber: boolean;
  /** Capitalised and not the first word of its sentence: likely part of a name. */
  isName: boolean;
  inQuote: boolean;
}

export interface Sentence {
  /** Index of the paragraph in `Analysis.paragraphs`. */
  paragraph: number;
  start: number;
  end: number;
  tokens: Token[];
  /** Content features outside quotes -> weight before pair-level rarity. */
  features: Map<string, number>;
  /** Quoted passages of four words or more, normalised. */
  quotes: string[];
  /** Word 3-shingle hashes of the whole sentence, for "is this sentence copied verbatim". */
  shingles: Set<number>;
}

export interface Paragraph {
  start: number;
  end: number;
  boilerplate: boolean;
}

export interface Analysis {
  text: string;
  /** Whitespace-collapsed, lowercased full text: equal strings are exact duplicates. */
  normalized: string;
  paragraphs: Paragraph[];
  /** Sentences of the non-boilerplate paragraphs. */
  sentences: Sentence[];
  /** Word 3-shingle hashes of the body (boilerplate paragraphs left out). */
  shingles: Set<number>;
  bodyWords: number;
  boilerplateParagraphs: number;
  /** Distinct numbers and names in the body: an article that drops details has fewer. */
  details: Set<string>;
}

/** Words per verifier shingle: three keeps near-copies with a 5-10% edit rate above 0.5 resemblance. */
export const VERIFY_SHINGLE_WORDS = 3;
/** Quotes shorter than this are titles or scare quotes, not statements. */
const MIN_QUOTE_WORDS = 4;
/** A boilerplate paragraph is short; a long paragraph mentioning "subscribe" is probably a story about subscriptions. */
const MAX_BOILERPLATE_WORDS = 60;
/** Weights of feature kinds: numbers and names survive a paraphrase almost always, ordinary words often do not. */
const NUMBER_WEIGHT = 2;
const NAME_WEIGHT = 1.5;
const WORD_WEIGHT = 1;

const BOILERPLATE =
  /\b(subscribe|subscription|newsletter|sign up|all rights reserved|copyright|follow us|share this|click here|read more|related coverage|advertisement|cookies?|terms of (use|service)|privacy policy|download our app|reproduced with permission|this story was (originally )?published|to report a correction|contact the newsroom)\b|©/i;
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const TOKEN = /[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*/gu;
const QUOTE = /“([^”]+)”|"([^"]+)"/g;
const SENTENCE_END = /[.!?]+[”"’)\]]*\s+/g;
const ABBREVIATIONS = new Set(
  "mr mrs ms dr st gen sen rep gov lt col capt prof inc ltd co jr sr no vs mt ft jan feb mar apr jun jul aug sep sept oct nov dec".split(
    " ",
  ),
);

function isBoilerplate(paragraph: string): boolean {
  const urls = paragraph.match(URL)?.length ?? 0;
  const words = paragraph.split(/\s+/).filter(Boolean).length;
  if (words === 0) return true;
  // A list of links: mostly URLs, or lines that are each a short title.
  if (urls > 0 && urls * 3 >= words) return true;
  if (/^\s*\(?[^()]{1,40}\)?\s*$/.test(paragraph) && /^[\s—–-]*\(?[A-Z]/.test(paragraph) && words <= 4) {
    // A bare credit line ("(Veltran Wire)", "— Northgate Courier") is a cue for direction, not shared content.
    return true;
  }
  return words <= MAX_BOILERPLATE_WORDS && BOILERPLATE.test(paragraph);
}

export function stem(word: string): string {
  if (word.length > 5) {
    if (word.endsWith("ing")) return word.slice(0, -3);
    if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
    if (word.endsWith("ed") || word.endsWith("es")) return word.slice(0, -2);
  }
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const separator = /\n\s*\n/g;
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] as string)) s++;
    while (e > s && /\s/.test(text[e - 1] as string)) e--;
    if (e > s) paragraphs.push({ start: s, end: e, boilerplate: isBoilerplate(text.slice(s, e)) });
  };
  for (const match of text.matchAll(separator)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  return paragraphs;
}

function splitSentences(text: string, paragraph: Paragraph): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const body = text.slice(paragraph.start, paragraph.end);
  let start = 0;
  for (const match of body.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    const next = body.charCodeAt(end);
    const before = /([\p{L}.]+)[.!?]*[”"’)\]]*\s*$/u.exec(body.slice(Math.max(start, match.index - 12), end));
    const previousWord = (before?.[1] ?? "").replace(/\.$/, "").toLowerCase();
    const startsLikeSentence = Number.isNaN(next) || !/[a-z]/.test(String.fromCharCode(next));
    if (!startsLikeSentence || ABBREVIATIONS.has(previousWord) || /^(?:\p{L}\.)+\p{L}?$/u.test(previousWord)) continue;
    spans.push([paragraph.start + start, paragraph.start + match.index + match[0].trimEnd().length]);
    start = end;
  }
  if (start < body.length) spans.push([paragraph.start + start, paragraph.end]);
  return spans.filter(([s, e]) => e > s);
}

function shingleHashes(words: readonly string[], into: Set<number>): void {
  if (words.length < VERIFY_SHINGLE_WORDS) {
    if (words.length > 0) into.add(hashString(words.join(" ")));
    return;
  }
  for (let i = 0; i + VERIFY_SHINGLE_WORDS <= words.length; i++) {
    into.add(hashString(words.slice(i, i + VERIFY_SHINGLE_WORDS).join(" ")));
  }
}

function analyzeSentence(text: string, paragraph: number, start: number, end: number, details: Set<string>): Sentence {
  const slice = text.slice(start, end);
  const quoteSpans: Array<[number, number]> = [];
  const quotes: string[] = [];
  for (const match of slice.matchAll(QUOTE)) {
    quoteSpans.push([match.index, match.index + match[0].length]);
    const inner = (match[1] ?? match[2] ?? "").toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, " ");
    const words = inner.split(/\s+/).filter(Boolean);
    if (words.length >= MIN_QUOTE_WORDS) quotes.push(words.join(" "));
  }
  const tokens: Token[] = [];
  const features = new Map<string, number>();
  for (const match of slice.matchAll(TOKEN)) {
    const surface = match[0];
    const offset = match.index;
    const isNumber = /\p{N}/u.test(surface);
    const norm = isNumber ? surface.replace(/[,’']/g, "").toLowerCase() : surface.toLowerCase();
    const first = tokens.length === 0;
    const isName = !first && !isNumber && /^\p{Lu}/u.test(surface) && !STOPWORDS.has(norm);
    const inQuote = quoteSpans.some(([s, e]) => offset >= s && offset < e);
    tokens.push({ start: start + offset, end: start + offset + surface.length, norm, isNumber, isName, inQuote });
    if (isNumber || isName) details.add(norm);
    if (inQuote) continue;
    if (isNumber) features.set(`#${norm}`, NUMBER_WEIGHT);
    else if (norm.length >= 3 && !STOPWORDS.has(norm)) {
      const key = stem(norm);
      features.set(key, Math.max(features.get(key) ?? 0, isName ? NAME_WEIGHT : WORD_WEIGHT));
    }
  }
  const shingles = new Set<number>();
  shingleHashes(
    tokens.map((token) => token.norm),
    shingles,
  );
  return { paragraph, start, end, tokens, features, quotes, shingles };
}

export function analyzeText(text: string): Analysis {
  const paragraphs = splitParagraphs(text);
  const sentences: Sentence[] = [];
  const shingles = new Set<number>();
  const details = new Set<string>();
  let bodyWords = 0;
  let boilerplateParagraphs = 0;
  for (const [index, paragraph] of paragraphs.entries()) {
    if (paragraph.boilerplate) {
      boilerplateParagraphs++;
      continue;
    }
    const words: string[] = [];
    for (const [start, end] of splitSentences(text, paragraph)) {
      const sentence = analyzeSentence(text, index, start, end, details);
      sentences.push(sentence);
      for (const token of sentence.tokens) words.push(token.norm);
    }
    bodyWords += words.length;
    shingleHashes(words, shingles);
  }
  const normalized = text.replace(/\s+/g, " ").trim().toLowerCase();
  return { text, normalized, paragraphs, sentences, shingles, bodyWords, boilerplateParagraphs, details };
}
