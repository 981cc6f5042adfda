import type { Article } from "../model/article.js";
import {
  BODY_CHARS_READ,
  BODY_TOKENS_READ,
  ENTITY_WEIGHT,
  LEAD_WEIGHT,
  NUMBER_WEIGHT,
  ONE_LINER_MAX_BODY_TOKENS,
  TITLE_WEIGHT,
} from "./cluster-params.js";
import { contentTokens } from "./tokenize.js";

/** Entity terms live in the same vector as words; the prefix keeps "paris" the word apart from "@paris" the name. */
export const ENTITY_PREFIX = "@";

export interface ArticleTerms {
  /** Term → raw weight (title and figures counted more, entities added), before IDF. */
  counts: Map<string, number>;
  /** True when the body is too short to carry the article alone: it must clear a higher bar. */
  oneLiner: boolean;
}

/**
 * The weighted terms of an article. `entityKeys` come from the entities stage when it ran; without them,
 * capitalised words inside sentences stand in for names (cheap, and right often enough for English-like scripts).
 */
export function articleTerms(article: Article, entityKeys?: readonly string[]): ArticleTerms {
  const counts = new Map<string, number>();
  const add = (term: string, weight: number): void => {
    counts.set(term, (counts.get(term) ?? 0) + weight);
  };
  const figure = (token: string) => (/\p{N}/u.test(token) ? NUMBER_WEIGHT : 1);
  for (const token of contentTokens(article.title)) add(token, TITLE_WEIGHT * figure(token));
  // News puts the event first (inverted pyramid): the lead paragraph counts more, and the tail past
  // BODY_TOKENS_READ is background that differs between reports of one event (and costs time to read).
  const head = article.text.slice(0, BODY_CHARS_READ);
  const leadEnd = head.indexOf("\n\n");
  // One tokenisation of the head; a token is in the lead when it starts before the first blank line.
  const starts: number[] = [];
  const body = contentTokens(head, starts).slice(0, BODY_TOKENS_READ);
  body.forEach((token, position) => {
    const inLead = leadEnd < 0 || (starts[position] as number) < leadEnd;
    add(token, figure(token) * (inLead ? LEAD_WEIGHT : 1));
  });
  const names = entityKeys ?? [...capitalisedWords(head), ...capitalisedWords(article.title, true)];
  // Names repeat within an article: fold each distinct spelling once (same keys, same first-seen order).
  for (const key of new Set(
    [...new Set(names)].map((name) => (entityKeys === undefined ? foldSpelling(name) : name.toLowerCase())),
  )) {
    if (key !== "" && ENTITY_WEIGHT > 0) add(ENTITY_PREFIX + key, ENTITY_WEIGHT);
  }
  return { counts, oneLiner: body.length < ONE_LINER_MAX_BODY_TOKENS };
}

/**
 * A spelling skeleton for names guessed from capitals: romanisations of one name differ in y/i, kh/h and doubled
 * letters (Daletsky/Daletski, Lyubrava/Liubrava, Khomich/Homich), so those are folded. Given entity keys are kept
 * as they are: the entities stage resolves spellings itself.
 */
function foldSpelling(name: string): string {
  return name
    .toLowerCase()
    .replace(/kh/gu, "h")
    .replace(/y/gu, "i")
    .replace(/(\p{L})\1/gu, "$1");
}

/** Capitalised in English but not names: calendar words would make every report of a week look alike. */
const CALENDAR_WORDS = new Set(
  (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august " +
    "september october november december today yesterday tomorrow"
  ).split(" "),
);

/**
 * Capitalised words not opening a sentence: a stand-in for names when no entities are given. A title in Title Case
 * capitalises every word, so a title is used only when most of its words are lower-case.
 */
function capitalisedWords(text: string, isTitle = false): string[] {
  const names: string[] = [];
  for (const sentence of text.split(/[.!?:;"“”]\s+|\n+/u)) {
    const words = sentence.split(/\s+/u).filter((word) => word !== "");
    const capitalised = words.filter((word) => /^\p{Lu}/u.test(word));
    if (isTitle && capitalised.length * 2 > words.length) continue;
    for (let i = 1; i < words.length; i++) {
      // Most words start with a lower-case ASCII letter or a digit and can never be a name: skip them before the
      // Unicode regular expressions below, which were the costliest part of reading an article.
      const first = (words[i] as string).charCodeAt(0);
      if ((first >= 97 && first <= 122) || (first >= 48 && first <= 57)) continue;
      const word = (words[i] as string).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").replace(/['’]s$/u, "");
      if (word.length >= 3 && /^\p{Lu}\p{Ll}/u.test(word) && !CALENDAR_WORDS.has(word.toLowerCase())) names.push(word);
    }
  }
  return names;
}
