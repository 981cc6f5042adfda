import type { Analysis, Sentence } from "./analyze.js";

/** One matched sentence pair, by index into each article's `sentences`. */
export interface SentencePair {
  a: number;
  b: number;
  /** Weighted Dice similarity of the non-quote features. */
  similarity: number;
  /** Word 3-shingle Jaccard of the two sentences: near 1 when the sentence was copied, near 0 when reworded. */
  verbatim: number;
  /** The pair matched on a shared quote only, which independent reports of one statement also have. */
  quoteOnly: boolean;
  shared: string[];
}

export interface Alignment {
  pairs: SentencePair[];
  /** Sentences with enough non-quote content to be matched at all. */
  eligibleA: number;
  eligibleB: number;
  /** Pairs matched on their own content (not just a quote). */
  contentPairs: number;
  /** Share of content pairs kept in order (longest increasing run / pairs): rewrites keep the order of points. */
  order: number;
  /** Share of content pairs whose sentences are near-verbatim. */
  verbatimShare: number;
  meanSimilarity: number;
}

/**
 * A sentence pair matches when its weighted Dice is at least this. Rewording keeps the names, numbers and about half
 * the other content words, which scores 0.45-0.8; two different sentences about one story share a name or two and
 * score under 0.3.
 */
export const SENTENCE_MATCH = 0.4;
/** And it must share this many features: two-word sentences matching on one name prove nothing. */
export const MIN_SHARED_FEATURES = 3;
/** A sentence with fewer non-quote features than this ("He declined.") is left out of coverage. */
const MIN_ELIGIBLE_FEATURES = 3;
/** Sentence 3-shingle Jaccard above which a matched sentence counts as copied rather than reworded. */
export const VERBATIM_SENTENCE = 0.5;

function sentenceSimilarity(
  a: Sentence,
  b: Sentence,
  rarity: Map<string, number>,
): { similarity: number; sharedCount: number; shared: string[] } {
  let total = 0;
  let overlap = 0;
  let sharedCount = 0;
  const shared: string[] = [];
  for (const [feature, weight] of a.features) {
    const w = weight * (rarity.get(feature) ?? 1);
    total += w;
    const other = b.features.get(feature);
    if (other !== undefined) {
      overlap += 2 * Math.min(w, other * (rarity.get(feature) ?? 1));
      sharedCount++;
      shared.push(feature);
    }
  }
  for (const [feature, weight] of b.features) total += weight * (rarity.get(feature) ?? 1);
  return { similarity: total === 0 ? 0 : overlap / total, sharedCount, shared };
}

function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const value of small) if (large.has(value)) common++;
  return common / (a.size + b.size - common);
}

/** Length of the longest strictly increasing subsequence (patience sorting). */
function longestIncreasing(values: readonly number[]): number {
  const tails: number[] = [];
  for (const value of values) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = value;
  }
  return tails.length;
}

/**
 * Matches sentences one-to-one, greedily by similarity, anywhere in the other article (rewrites reorder). Features
 * that occur in many sentences of the pair (the story's main name, its place) weigh less, so a match has to rest on
 * what the two sentences specifically share.
 */
export function alignSentences(a: Analysis, b: Analysis): Alignment {
  const frequency = new Map<string, number>();
  for (const sentence of [...a.sentences, ...b.sentences]) {
    for (const feature of sentence.features.keys()) frequency.set(feature, (frequency.get(feature) ?? 0) + 1);
  }
  const rarity = new Map<string, number>();
  for (const [feature, count] of frequency) rarity.set(feature, 1 / Math.sqrt(Math.max(1, count / 2)));

  // Index b's sentences by feature so each sentence of a meets only sentences it shares something with.
  const byFeature = new Map<string, number[]>();
  b.sentences.forEach((sentence, index) => {
    for (const feature of sentence.features.keys()) {
      const list = byFeature.get(feature);
      if (list) list.push(index);
      else byFeature.set(feature, [index]);
    }
  });
  const byQuote = new Map<string, number[]>();
  b.sentences.forEach((sentence, index) => {
    for (const quote of sentence.quotes) byQuote.set(quote, [...(byQuote.get(quote) ?? []), index]);
  });

  const options: SentencePair[] = [];
  a.sentences.forEach((sa, ia) => {
    const seen = new Set<number>();
    for (const feature of sa.features.keys()) for (const ib of byFeature.get(feature) ?? []) seen.add(ib);
    for (const quote of sa.quotes) for (const ib of byQuote.get(quote) ?? []) seen.add(ib);
    for (const ib of seen) {
      const sb = b.sentences[ib] as Sentence;
      const { similarity, sharedCount, shared } = sentenceSimilarity(sa, sb, rarity);
      const sharedQuotes = sa.quotes.filter((quote) => sb.quotes.includes(quote));
      const contentMatch = similarity >= SENTENCE_MATCH && sharedCount >= MIN_SHARED_FEATURES;
      if (!contentMatch && sharedQuotes.length === 0) continue;
      options.push({
        a: ia,
        b: ib,
        similarity,
        verbatim: jaccard(sa.shingles, sb.shingles),
        quoteOnly: !contentMatch,
        shared: [...sharedQuotes.map((quote) => `“${quote}”`), ...shared],
      });
    }
  });
  options.sort((x, y) => Number(x.quoteOnly) - Number(y.quoteOnly) || y.similarity - x.similarity || x.a - y.a);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: SentencePair[] = [];
  for (const option of options) {
    if (usedA.has(option.a) || usedB.has(option.b)) continue;
    usedA.add(option.a);
    usedB.add(option.b);
    pairs.push(option);
  }
  pairs.sort((x, y) => x.a - y.a);
  const content = pairs.filter((pair) => !pair.quoteOnly);
  const eligible = (analysis: Analysis): number =>
    analysis.sentences.filter((sentence) => sentence.features.size >= MIN_ELIGIBLE_FEATURES).length;
  const verbatim = content.filter((pair) => pair.verbatim >= VERBATIM_SENTENCE).length;
  return {
    pairs,
    eligibleA: eligible(a),
    eligibleB: eligible(b),
    contentPairs: content.length,
    order: content.length === 0 ? 0 : longestIncreasing(content.map((pair) => pair.b)) / content.length,
    verbatimShare: content.length === 0 ? 0 : verbatim / content.length,
    meanSimilarity: content.length === 0 ? 0 : content.reduce((sum, pair) => sum + pair.similarity, 0) / content.length,
  };
}

export { jaccard };
