import type { Mention } from "../extract/entities/mention.js";
import type { Article, Entity } from "../model/index.js";
import { EntityIndex, type IndexInput } from "./entity-index.js";
import { acronymOf } from "./name-key.js";
import { parsePersonName } from "./person-name.js";

/**
 * The name a mention is resolved under: its coreference antecedent's text when it has one, unless the mention names
 * a generation the antecedent does not ("Donald mlajši" is not "Donald Trump", "Джо Старши" not "Джо Байдън"): the
 * generation is the one thing a short form says that its antecedent cannot, so the link is the error.
 */
export function resolvedName(mention: Mention, articleMentions: readonly Mention[]): string {
  const target = mention.refersTo === undefined ? undefined : articleMentions[mention.refersTo];
  if (!target || target.type !== mention.type) return mention.text;
  if (mention.type === "person") {
    const own = parsePersonName(mention.text).generation;
    if (own !== null && own !== parsePersonName(target.text).generation) return mention.text;
  }
  return target.text;
}

/**
 * Fuller names seed entities first, so a bare surname later joins the full name instead of founding its own, and
 * an acronym finds the multi-word name it abbreviates.
 */
function specificity(input: IndexInput): number {
  if (input.type !== "person") return acronymOf(input.name) ? 0 : 1;
  const parsed = parsePersonName(input.name);
  return (parsed.surname ? 2 : 0) + parsed.given.filter((part) => !part.isInitial).length * 2 + parsed.given.length;
}

/** Inputs for the index from one article's mentions (in the article's order, as extractMentions returns them). */
export function indexInputs(articleMentions: readonly Mention[]): IndexInput[] {
  return articleMentions.map((mention) => {
    const input: IndexInput = {
      type: mention.type,
      name: resolvedName(mention, articleMentions),
      mention: { articleId: mention.articleId, start: mention.start, end: mention.end, text: mention.text },
    };
    if (mention.role) input.role = mention.role;
    if (!mention.nominal) input.spelling = mention.text;
    return input;
  });
}

/**
 * Groups mentions from many articles into entities across spellings and scripts. Names are placed most specific
 * first and, within that, most frequent first, so that the order of articles does not decide the merges.
 */
export function resolveEntities(articles: readonly Article[], mentions: readonly Mention[]): Entity[] {
  const byArticle = new Map<string, Mention[]>();
  for (const article of articles) byArticle.set(article.id, []);
  for (const mention of mentions) {
    const list = byArticle.get(mention.articleId) ?? [];
    list.push(mention);
    byArticle.set(mention.articleId, list);
  }
  const inputs = [...byArticle.values()].flatMap((list) => indexInputs(list));
  const frequency = new Map<string, number>();
  for (const input of inputs)
    frequency.set(`${input.type}\u0000${input.name}`, (frequency.get(`${input.type}\u0000${input.name}`) ?? 0) + 1);
  const ranked = inputs
    .map((input, order) => ({
      input,
      order,
      specificity: specificity(input),
      frequency: frequency.get(`${input.type}\u0000${input.name}`) ?? 0,
    }))
    .sort((a, b) => b.specificity - a.specificity || b.frequency - a.frequency || a.order - b.order);
  const index = new EntityIndex();
  for (const { input } of ranked) index.add(input);
  return index.entities();
}
