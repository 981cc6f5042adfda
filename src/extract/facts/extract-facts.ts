import type { Article } from "../../model/article.js";
import type { Entity } from "../../model/story.js";
import { findDates, referenceDay } from "../dates/resolve-date.js";
import { quoteSpans } from "../quotes/quote-spans.js";
import { nameMentions } from "./people.js";
import { extractQuantities } from "./quantities.js";
import { extractRelations } from "./relations.js";
import { extractRoles } from "./roles.js";
import { isTabularLine, paragraphs, sentences } from "./text-spans.js";
import type { Fact } from "./types.js";

/**
 * Facts of one article: figures with what they count, prison terms, titles of people and simple relations. Lines of
 * tables and lists of figures are skipped: a number without prose around it says nothing a reader could check.
 */
export function extractFacts(article: Article, entities: readonly Entity[] = []): Fact[] {
  const names = nameMentions(article, entities);
  const reference = referenceDay(article.publishedAt);
  const facts: Fact[] = [];
  for (const sentence of sentences(article.text)) {
    if (isTabularLine(sentence.text)) continue;
    const dates = findDates(sentence.text, reference).mentions;
    const absolute = dates.map((d) => ({ ...d, start: d.start + sentence.start, end: d.end + sentence.start }));
    facts.push(...extractQuantities({ articleId: article.id, text: article.text, sentence, names, dates }));
    facts.push(...extractRoles(article.id, article.text, sentence, names));
    facts.push(...extractRelations(article.id, article.text, sentence, names, absolute));
  }
  // A figure inside a direct quote is the speaker's claim, carried by the quotes section; claims compare what the
  // outlets themselves report.
  const quoted = paragraphs(article.text).flatMap((p) => quoteSpans(article.text, p).quotes);
  const reported = facts.filter((f) => !quoted.some((q) => f.start >= q.start && f.start < q.end));
  return dedupe(reported);
}

/** One article that says the same fact twice (lede and body) is still one source: keep the first. */
function dedupe(facts: Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = `${f.kind}|${f.subject}|${f.property}|${f.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
