import type { Article } from "../../model/index.js";
import { candidateRuns } from "./candidate-spans.js";
import { type Classified, classifyRun, isClassified, type Pending } from "./classify-span.js";
import { roleAfter, roleBefore } from "./find-role.js";
import { fold, lexicon } from "./lexicon.js";
import { linkNominals } from "./link-nominals.js";
import { linkSpouses } from "./link-spouses.js";
import { linkSurnames } from "./link-surnames.js";
import type { Mention } from "./mention.js";
import { paragraphModes } from "./paragraph-mode.js";
import { isAllCaps, isCapitalised, type Token, tokenize } from "./tokenize.js";

// Surnames shorter than this ("Li", "Wu") are too often ordinary words in all-caps or title-case text to be
// spotted alone.
const MIN_SURNAME_LENGTH = 3;
// "NEW YORK", "ST PETERSBURG": datelines are short.
const MAX_DATELINE_WORDS = 3;

/**
 * People, organisations and places named in one article, in text order, with roles split from names and
 * in-document coreference (`refersTo`, `relation`) filled in. Pure: reads only `article.text` and `article.id`.
 */
export function extractMentions(article: Article): Mention[] {
  const text = article.text;
  const tokens = tokenize(text);
  const modes = paragraphModes(tokens);
  const modeOf = (paragraph: number) => modes.get(paragraph) ?? "cased";
  const found: Classified[] = [];
  const pending: Pending[] = [];
  for (const run of candidateRuns(tokens, modeOf)) {
    const mode = modeOf(tokens[run.first]?.paragraph ?? 0);
    for (const decided of classifyRun({ tokens, mode }, run)) {
      if (isClassified(decided)) found.push(decided);
      else pending.push(decided);
    }
  }
  const dateline = datelinePlaces(tokens, modeOf);
  const inDateline = (c: Classified) => dateline.some((d) => d.first <= c.last && c.first <= d.last);
  const mentions = [...dateline, ...found.filter((c) => !inDateline(c))].map((c) => toMention(article, tokens, c));
  const covered = new Set<number>();
  for (const c of [...found, ...dateline]) for (let i = c.first; i <= c.last; i++) covered.add(i);
  mentions.push(...surnameMentions(article, tokens, mentions, pending, covered, modeOf));
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const unique = mentions.filter((m, i) => {
    const previous = mentions[i - 1];
    return !previous || m.start >= previous.end;
  });
  return linkSpouses(text, tokens, linkNominals(text, tokens, linkSurnames(unique)));
}

function toMention(article: Article, tokens: readonly Token[], c: Classified): Mention {
  const start = tokens[c.first]?.start ?? 0;
  const end = tokens[c.last]?.end ?? start;
  const mention: Mention = { articleId: article.id, start, end, text: article.text.slice(start, end), type: c.type };
  if (c.type === "person") {
    const role = findRole(tokens, c);
    if (role) mention.role = article.text.slice(role.start, role.end);
  }
  return mention;
}

function findRole(tokens: readonly Token[], c: Classified): { start: number; end: number } | null {
  if (c.title) {
    // Lower-case modifiers before a capitalised title belong to it: "former Interior Minister".
    const before = roleBefore(tokens, c.title.first);
    let start = tokens[c.title.first]?.start ?? 0;
    for (let i = c.title.first - 1; i >= 0; i--) {
      const token = tokens[i];
      if (!token?.isWord || !lexicon.isRoleWord(token.text)) break;
      start = token.start;
    }
    return { start: Math.min(start, before?.start ?? start), end: tokens[c.title.last]?.end ?? 0 };
  }
  // "The former Interior Minister, Aliaksei Hrachou, ...": the role ends just before a comma.
  const beforeComma = tokens[c.first - 1]?.text === "," ? roleBefore(tokens, c.first - 1) : null;
  return roleBefore(tokens, c.first) ?? beforeComma ?? roleAfter(tokens, c.last);
}

/**
 * Second pass: a lone capitalised word that is the surname of a person named in the article is that person
 * ("Kovalenko said", even at a sentence start or in a title-case headline); an unknown word followed by a
 * speech verb is taken as a person too.
 */
function surnameMentions(
  article: Article,
  tokens: readonly Token[],
  people: readonly Mention[],
  pending: readonly Pending[],
  covered: ReadonlySet<number>,
  modeOf: (paragraph: number) => "cased" | "lexical",
): Mention[] {
  const surnames = new Set<string>();
  for (const m of people) {
    if (m.type !== "person") continue;
    const last = m.text.split(/\s+/).at(-1);
    if (last && last.length >= MIN_SURNAME_LENGTH && !lexicon.isGivenName(last)) surnames.add(fold(last));
  }
  // A single-word place or organisation named once is the same wherever its word recurs (also in all-caps text).
  const others = new Map<string, Mention["type"]>();
  for (const m of people) if (m.type !== "person" && !/\s/.test(m.text)) others.set(fold(m.text), m.type);
  // "Rodnik" after "the Rodnik Human Rights Centre": an organisation's distinctive first word is its short name.
  for (const m of people) {
    const [head, ...rest] = m.text.split(/\s+/);
    if (m.type !== "organization" || rest.length < 2 || !head || head.length < MIN_SURNAME_LENGTH) continue;
    // "Lyubrava City Court": a first word followed by a place word is the court's place, not its short name.
    if (lexicon.isPlaceLeadWord(rest[0]?.toLowerCase() ?? "") || lexicon.isPlaceSuffix(rest[0] ?? "")) continue;
    if (
      lexicon.isNonName(head) ||
      lexicon.isGivenName(head) ||
      lexicon.isKnownPlace(head) ||
      lexicon.isRoleWord(head) ||
      lexicon.isOrgPrefix(head)
    )
      continue;
    if (!others.has(fold(head))) others.set(fold(head), "organization");
  }
  const out: Mention[] = [];
  const pendingAt = new Set(pending.map((p) => p.first));
  tokens.forEach((token, i) => {
    if (covered.has(i) || !token.isWord) return;
    const cased = modeOf(token.paragraph) === "cased";
    if (cased && !isCapitalised(token.text)) return;
    const other = others.get(fold(token.text));
    if (other) {
      out.push({ articleId: article.id, start: token.start, end: token.end, text: token.text, type: other });
      return;
    }
    const known = surnames.has(fold(token.text));
    const next = tokens[i + 1];
    const speaks =
      pendingAt.has(i) && next?.isWord === true && lexicon.isSpeechVerb(next.text) && !lexicon.isKnownOrg(token.text);
    if (!known && !speaks) return;
    out.push({ articleId: article.id, start: token.start, end: token.end, text: token.text, type: "person" });
  });
  return out;
}

/** "LYUBRAVA, March 15 (Wire) -" or "MINSK —": an all-caps place opening a paragraph, before a comma or dash. */
function datelinePlaces(tokens: readonly Token[], modeOf: (paragraph: number) => "cased" | "lexical"): Classified[] {
  const out: Classified[] = [];
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    if (!token.isWord || (previous && previous.paragraph === token.paragraph)) return;
    let last = i;
    while (
      last - i < MAX_DATELINE_WORDS &&
      isAllCaps(tokens[last + 1]?.text ?? "") &&
      tokens[last + 1]?.paragraph === token.paragraph
    )
      last++;
    const next = tokens[last + 1];
    if (!isAllCaps(token.text) || !next || !/^[,—–-]$/.test(next.text)) return;
    // In an all-caps paragraph the dateline must still be followed by a date or a dash to count.
    if (
      modeOf(token.paragraph) === "lexical" &&
      next.text === "," &&
      !/^\p{Lu}\p{Ll}/u.test(tokens[last + 2]?.text ?? "")
    )
      return;
    out.push({ first: i, last, type: "place", title: null });
  });
  return out;
}
