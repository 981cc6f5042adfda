import { findDates, referenceDay } from "../extract/dates/resolve-date.js";
import { findNumbers } from "../extract/facts/numbers.js";
import { sentences } from "../extract/facts/text-spans.js";
import { normalizeQuote } from "../extract/quotes/merge-quotes.js";
import type { Article } from "../model/article.js";
import type { BriefSentence, Entity } from "../model/story.js";

/**
 * Words of the brief's own framing ("Reported counts differ"): they describe the comparison, so no article has to
 * contain them. Everything else in a sentence is content and must be found in each cited article.
 */
const FRAMING = new Set(
  "reported report reports counts count counted differ differs different differently times terms term figures figure percentages descriptions description role roles outlets outlet sources source according said says people and the a an of in on at to for was were is are as by with from has have had that this its their his her describe described accounts vary between also".split(
    " ",
  ),
);
/** Label of an article that names neither outlet, author nor address: short, and no stand-in for a title. */
const UNNAMED_LABEL = "Unnamed source";
/** Word prefix that stands in for a stem, so "detainee", "detained" and "detainees" are one word. */
const STEM_CHARS = 5;
/** Stems that name the same act; an article saying "arrests" supports a sentence saying "detained". */
const SYNONYMS: ReadonlyArray<ReadonlyArray<string>> = [
  ["detai", "deten", "arres", "held", "custo"],
  ["injur", "hurt", "wound"],
  ["kille", "dead", "death", "died"],
  ["prote", "demon", "rally", "ralli", "crowd", "march"],
  ["sente", "jaile"],
];

export interface SupportResult {
  supported: boolean;
  /** For each cited article that fails, what it lacks. */
  problems: string[];
}

/**
 * Labels a brief uses to cite a story's articles inline: the outlet, else a short title; an outlet with several
 * articles in the story adds the publication day, then a number, so every label names one article.
 */
export function articleLabels(articles: readonly Article[]): Map<string, string> {
  const base = new Map(articles.map((a) => [a.id, articleLabel(a)]));
  const count = (label: string, m: Map<string, string>) => [...m.values()].filter((l) => l === label).length;
  const dated = new Map(
    [...base].map(([id, label]) => {
      const day = articles.find((a) => a.id === id)?.publishedAt?.slice(0, 10);
      return [id, count(label, base) > 1 && day ? `${label} ${day}` : label];
    }),
  );
  const seen = new Map<string, number>();
  return new Map(
    [...dated].map(([id, label]) => {
      if (count(label, dated) === 1) return [id, label];
      const n = (seen.get(label) ?? 0) + 1;
      seen.set(label, n);
      return [id, `${label} #${n}`];
    }),
  );
}

/**
 * The plain label of one article: its outlet, else its author, else its web host. A title is no label: it reads
 * as a claim in the middle of a sentence.
 */
export function articleLabel(article: Article): string {
  if (article.outlet) return sanitizeLabel(article.outlet);
  if (article.author) return sanitizeLabel(article.author);
  const host = article.url ? /^[a-z]+:\/\/(?:www\.)?([^/:?#]+)/i.exec(article.url)?.[1] : undefined;
  return host ? sanitizeLabel(host) : UNNAMED_LABEL;
}

/**
 * The articles a label names among `cited`: the one it uniquely labels, or all cited articles of an outlet when a
 * citation names the outlet alone ("Highland Gazette" for both of its articles); each is still checked on its own.
 */
export function articlesByLabel(label: string, cited: readonly Article[], labels: Map<string, string>): Article[] {
  const exact = cited.filter((a) => labels.get(a.id) === label);
  return exact.length > 0 ? exact : cited.filter((a) => articleLabel(a) === label);
}

function sanitizeLabel(label: string): string {
  return label
    .replace(/[()[\],;:“”"«»]/g, " ")
    .replace(/\s+and\s+/g, " & ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Checks a brief sentence against the articles it cites. Inline citation groups "(A, B)" scope the words before
 * them to those articles (a conflict lists each value with its own sources); words outside any group must be in
 * every cited article. Numbers, dates, names, quoted words and key words all count; only framing words are free.
 */
export function checkSupport(
  sentence: BriefSentence,
  articles: readonly Article[],
  entities: readonly Entity[] = [],
): SupportResult {
  const problems: string[] = [];
  const cited = articles.filter((a) => sentence.articleIds.includes(a.id));
  if (cited.length === 0 || cited.length < new Set(sentence.articleIds).size) {
    return { supported: false, problems: ["cites no article, or an article that is not in the story"] };
  }
  const labels = articleLabels(articles);
  const groups: Array<{ start: number; end: number; members: Article[] }> = [];
  for (const m of sentence.text.matchAll(/\(([^()]+)\)/g)) {
    const names = (m[1] ?? "").split(/\s*[,;]\s*|\s+and\s+/).filter(Boolean);
    const members = names.map((l) => articlesByLabel(l, cited, labels));
    if (members.length > 0 && members.every((x) => x.length > 0)) {
      groups.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, members: members.flat() });
    }
  }
  const check = (piece: string, who: readonly Article[]) => {
    for (const a of who) {
      const missing = missingContent(piece, a, entities);
      if (missing.length > 0) problems.push(`${labels.get(a.id)} lacks ${missing.join(", ")}`);
    }
  };
  if (groups.length === 0) {
    check(sentence.text, cited);
  } else {
    const first = groups[0] as { start: number };
    const colon = sentence.text.lastIndexOf(":", first.start);
    const prefixEnd = colon >= 0 ? colon + 1 : 0;
    check(sentence.text.slice(0, prefixEnd), cited);
    let from = prefixEnd;
    for (const g of groups) {
      check(sentence.text.slice(from, g.start), g.members);
      from = g.end;
    }
    check(sentence.text.slice(from), cited);
    const grouped = new Set(groups.flatMap((g) => g.members.map((a) => a.id)));
    for (const a of cited) if (!grouped.has(a.id)) problems.push(`${labels.get(a.id)} is cited but no value names it`);
  }
  return { supported: problems.length === 0, problems };
}

/** What of `piece` the article does not contain. */
export function missingContent(piece: string, article: Article, entities: readonly Entity[] = []): string[] {
  const missing: string[] = [];
  let rest = piece;
  const { normText, articleNumbers, words } = articleContent(article);
  for (const q of piece.matchAll(/[“"]([^”"]+)[”"]/g)) {
    if (!normText.includes(normalizeQuote(q[1] ?? ""))) missing.push(`the quote "${q[1]}"`);
    rest = rest.replace(q[0], " ");
  }
  const { mentions } = findDates(rest, null);
  for (const d of mentions) {
    if (!articleDates(article).some((x) => x.startsWith(d.date))) missing.push(`the date ${d.text}`);
  }
  for (const d of [...mentions].sort((a, b) => b.start - a.start)) rest = rest.slice(0, d.start) + rest.slice(d.end);
  const numbers = findNumbers(rest);
  for (const n of numbers) {
    const ok = articleNumbers.some((x) =>
      n.vague ? x.text.toLowerCase() === n.text.toLowerCase() : x.value === n.value,
    );
    if (!ok) missing.push(`the figure ${n.text}`);
  }
  for (const n of [...numbers].sort((a, b) => b.start - a.start)) rest = rest.slice(0, n.start) + rest.slice(n.end);
  for (const w of rest.match(/[\p{L}][\p{L}'-]*/gu) ?? []) {
    const lower = w.toLowerCase().replace(/'s$/, "");
    if (FRAMING.has(lower) || lower.length < 3) continue;
    const stem = lower.slice(0, STEM_CHARS);
    const family = SYNONYMS.find((f) => f.includes(stem)) ?? [stem];
    if (family.some((s) => words.has(s))) continue;
    // A name is supported by any spelling of the same entity ("Yuri Daletsky" by "Yury Daletski").
    const spellings = entities
      .filter((e) => [e.name, ...e.aliases].some((n) => n.split(/\s+/).includes(w)))
      .flatMap((e) => [e.name, ...e.aliases].flatMap((n) => n.toLowerCase().split(/\s+/)));
    if (!spellings.some((n) => words.has(n.slice(0, STEM_CHARS)))) missing.push(w);
  }
  return missing;
}

const dateCache = new WeakMap<Article, string[]>();

/**
 * What a check reads of one article, computed once per article: a brief checks each of its sentences, and each
 * variant of a conflict, against the same few articles (these were most of the time spent writing a brief).
 */
interface ArticleContent {
  normText: string;
  articleNumbers: ReturnType<typeof findNumbers>;
  /** The stems (first STEM_CHARS letters) of its words, lower-cased. */
  words: Set<string>;
}

const contentCache = new WeakMap<Article, ArticleContent>();

function articleContent(article: Article): ArticleContent {
  const cached = contentCache.get(article);
  if (cached) return cached;
  const text = article.text;
  const content = {
    normText: normalizeQuote(text),
    articleNumbers: findNumbers(text),
    words: new Set((text.toLowerCase().match(/[\p{L}\d]+/gu) ?? []).map((w) => w.slice(0, STEM_CHARS))),
  };
  contentCache.set(article, content);
  return content;
}

function articleDates(article: Article): string[] {
  const cached = dateCache.get(article);
  if (cached) return cached;
  const ref = referenceDay(article.publishedAt);
  const dates = sentences(article.text).flatMap((s) => findDates(s.text, ref).mentions.map((m) => m.date));
  dateCache.set(article, dates);
  return dates;
}
