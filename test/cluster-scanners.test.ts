import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { articleTerms } from "../src/cluster/article-terms.js";
import { textHash } from "../src/cluster/text-hash.js";
import { contentTokens, STOP_WORDS, scanTokens, termHash, tokenSpans } from "../src/cluster/tokenize.js";
import { makeArticle } from "./helpers/make-article.js";

/**
 * The clusterer reads text with hand-written scanners (no regular expression per word). These tests hold them to
 * the regular-expression definitions they replaced, on hand-picked hard cases and on seeded random strings of
 * awkward characters: any difference would change which story an article joins.
 */

function referenceTokens(text: string, starts?: number[]): string[] {
  const tokens: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    let token = match[0].replace(/['’]s$/u, "");
    if (token.length < 3 || STOP_WORDS.has(token)) continue;
    if (token.length > 4 && token.endsWith("s") && !token.endsWith("ss")) token = token.slice(0, -1);
    tokens.push(token);
    starts?.push(match.index);
  }
  return tokens;
}

const CALENDAR = new Set(
  (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august " +
    "september october november december today yesterday tomorrow"
  ).split(" "),
);

function referenceNames(text: string, isTitle = false): string[] {
  const names: string[] = [];
  for (const sentence of text.split(/[.!?:;"“”]\s+|\n+/u)) {
    const words = sentence.split(/\s+/u).filter((word) => word !== "");
    const capitalised = words.filter((word) => /^\p{Lu}/u.test(word));
    if (isTitle && capitalised.length * 2 > words.length) continue;
    for (let i = 1; i < words.length; i++) {
      const word = (words[i] as string).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").replace(/['’]s$/u, "");
      if (word.length >= 3 && /^\p{Lu}\p{Ll}/u.test(word) && !CALENDAR.has(word.toLowerCase())) names.push(word);
    }
  }
  return names;
}

const fold = (name: string) =>
  name
    .toLowerCase()
    .replace(/kh/gu, "h")
    .replace(/y/gu, "i")
    .replace(/(\p{L})\1/gu, "$1");

/** Counts as `articleTerms` computed them with regular expressions (title ×3, lead ×2, figures ×2, names +2). */
function referenceCounts(title: string, text: string): Array<[string, number]> {
  const counts = new Map<string, number>();
  const add = (term: string, weight: number) => counts.set(term, (counts.get(term) ?? 0) + weight);
  const figure = (token: string) => (/\p{N}/u.test(token) ? 2 : 1);
  for (const token of referenceTokens(title)) add(token, 3 * figure(token));
  const head = text.slice(0, 2_000);
  const leadEnd = head.indexOf("\n\n");
  const starts: number[] = [];
  referenceTokens(head, starts)
    .slice(0, 120)
    .forEach((token, position) => {
      add(token, figure(token) * (leadEnd < 0 || (starts[position] as number) < leadEnd ? 2 : 1));
    });
  const names = [...referenceNames(head), ...referenceNames(title, true)];
  for (const key of new Set([...new Set(names)].map(fold))) if (key !== "") add(`@${key}`, 2);
  return [...counts];
}

const PIECES = [
  ..."abcsSyYkKhH'’ \n.,;:!?\"“”()-—1234",
  "  ",
  "\n\n",
  "\r\n",
  "\t",
  "\u00a0",
  "\u2028",
  "\u3000",
  "é",
  "É",
  "İ",
  "ß",
  "Σ",
  "ς",
  "日本",
  "\u{1D400}",
  "\u{1D41A}",
  "\ud800",
  "\udc00",
  "Ⅻ",
  "٣",
  "’s",
  "'s",
  "Kh",
  "Khomich",
  "Daletsky",
  "Lyubrava",
  "Jessop",
  "O'Neill",
  "Monday",
  "May",
  "Ánna",
  "ÉÉ",
  "Zz",
  "the",
  "protests",
  "class",
  "council's",
];

/** Deterministic pseudo-random strings of PIECES. */
function* randomTexts(count: number, seed: number, maxPieces: number): Generator<string> {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
  for (let k = 0; k < count; k++) {
    let text = "";
    const pieces = Math.floor(next() * maxPieces);
    for (let i = 0; i < pieces; i++) text += PIECES[Math.floor(next() * PIECES.length)];
    yield text;
  }
}

const HARD_TEXTS = [
  "The council's plans: Mayor Anna Kowalski said. Next, the Khomich family met Daletsky in Lyubrava.",
  "He said . Then Tomas Brell arrived;  “Frankly, Jessop’s plan works,” said Petra.\nNew line Starts Here",
  "rock'n'roll o'neills don’t 4.2% 1,200 residents İstanbul ΣΟΦΟΣ Straße \u{1D400}\u{1D41A}bc",
  "ends with a mark.",
  "",
];

describe("scanners match the regular expressions they replaced", () => {
  it("tokenises like the regular expression, with the same offsets, hashes and figures", () => {
    const spans = tokenSpans(2);
    for (const text of [...HARD_TEXTS, ...randomTexts(3_000, 7, 40)]) {
      const starts: number[] = [];
      const expected = referenceTokens(text, starts);
      const offsets: number[] = [];
      expect(contentTokens(text, offsets)).toEqual(expected);
      expect(offsets).toEqual(starts);
      expect(contentTokens(text, undefined, 3)).toEqual(expected.slice(0, 3));
      scanTokens(text, spans);
      for (let i = 0; i < spans.count; i++) {
        const token = spans.lower.slice(spans.starts[i], spans.ends[i]);
        expect(spans.hashes[i]).toBe(termHash(token));
        expect(spans.figures[i]).toBe(/\p{N}/u.test(token) ? 1 : 0);
      }
    }
  });

  it("weighs an article's terms and guesses its names as the regular expressions did", () => {
    const texts = [...HARD_TEXTS, ...randomTexts(3_000, 11, 80)];
    texts.forEach((text, index) => {
      const title = texts[(index * 7) % texts.length] as string;
      const { counts } = articleTerms(makeArticle({ id: `a${index}`, title, text }));
      expect([...counts]).toEqual(referenceCounts(title, text));
    });
  });

  it("takes given entity keys lower-cased, once each, in first-seen order", () => {
    const { counts } = articleTerms(makeArticle({ id: "k", title: "", text: "" }), [
      "Person:Anna",
      "",
      "person:anna",
      "Ort",
    ]);
    expect([...counts]).toEqual([
      ["@person:anna", 2],
      ["@ort", 2],
    ]);
  });

  it("hashes text as the SHA-256 of the lower-cased text with white space collapsed", () => {
    const reference = (title: string, text: string) =>
      createHash("sha256")
        .update(`${title}\n${text}`.toLowerCase().replace(/\s+/gu, " ").trim())
        .digest("hex")
        .slice(0, 16);
    const texts = [...HARD_TEXTS, ...randomTexts(2_000, 13, 30)];
    texts.forEach((text, index) => {
      const title = texts[(index * 3) % texts.length] as string;
      expect(textHash(title, text)).toBe(reference(title, text));
    });
  });
});
