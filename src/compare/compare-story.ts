import { extractDates } from "../extract/dates/extract-dates.js";
import { mergeTimeline } from "../extract/dates/merge-timeline.js";
import { extractFacts } from "../extract/facts/extract-facts.js";
import type { Fact } from "../extract/facts/types.js";
import { type ArticleQuote, extractQuotes } from "../extract/quotes/extract-quotes.js";
import { mergeQuotes } from "../extract/quotes/merge-quotes.js";
import type { Article } from "../model/article.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { BriefSentence, Claim, Entity, ProvenanceEdge, Quote, TimelineEvent } from "../model/story.js";
import { writeBrief } from "../summarize/write-brief.js";
import { alignClaims } from "./align-claims.js";
import { SourceGroups } from "./independence.js";

export interface CompareStoryInput {
  articles: readonly Article[];
  entities: readonly Entity[];
  provenance: readonly ProvenanceEdge[];
}

export interface CompareStoryResult {
  claims: Claim[];
  quotes: Quote[];
  timeline: TimelineEvent[];
  brief: BriefSentence[];
  diagnostics: Array<{ articleId: string; diagnostic: Diagnostic }>;
}

/** What the sources of one story agree on and where they differ: claims, quotes, timeline and a cited brief. */
export function compareStory(input: CompareStoryInput): CompareStoryResult {
  const facts: Fact[] = [];
  const quotes: ArticleQuote[] = [];
  const events = [];
  const diagnostics: CompareStoryResult["diagnostics"] = [];
  for (const article of input.articles) {
    facts.push(...extractFacts(article, input.entities));
    const q = extractQuotes(article, input.entities);
    quotes.push(...q.quotes);
    const d = extractDates(article, input.entities);
    events.push(...d.events);
    for (const diagnostic of [...q.diagnostics, ...d.diagnostics])
      diagnostics.push({ articleId: article.id, diagnostic });
  }
  const sources = new SourceGroups(input.provenance);
  const claims = alignClaims(facts, sources);
  const merged = mergeQuotes(quotes);
  const timeline = mergeTimeline(events);
  const brief = writeBrief({
    articles: input.articles,
    claims,
    quotes: merged,
    timeline,
    sources,
    entities: input.entities,
  });
  return { claims, quotes: merged, timeline, brief, diagnostics };
}
