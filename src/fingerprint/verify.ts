import type { AlignedPassage, ProvenanceRelation } from "../model/index.js";
import { type Alignment, alignSentences, jaccard } from "./align.js";
import { type Analysis, type Sentence, stem } from "./analyze.js";

export type CopyRelation = Exclude<ProvenanceRelation, "credit">;

export interface PairVerdict {
  relation: CopyRelation;
  score: number;
  /** Jaccard of body word 3-shingles. */
  resemblance: number;
  /** Share of a's body shingles found in b, and the reverse. */
  containmentAInB: number;
  containmentBInA: number;
  alignment: Alignment;
  /** Passages with `source` in a and `target` in b; the caller swaps them once direction is known. */
  evidence: AlignedPassage[];
}

/**
 * Resemblance at which two texts are the same article (a fixed typo, a changed byline). Near-copies in practice
 * edit at least a trailer or a sentence, which already drops resemblance below 0.95.
 */
export const DUPLICATE_RESEMBLANCE = 0.95;
/** Resemblance above which a pair is a near-copy: a 10% word edit rate with 3-word shingles still gives ~0.55. */
export const NEAR_DUPLICATE_RESEMBLANCE = 0.45;
/** Share of the shorter article's shingles found in the longer one for "the short one is a cut of the long one". */
export const NEAR_DUPLICATE_CONTAINMENT = 0.75;
/** Below this many body words an article is a headline or a stub: identical stubs are common and prove nothing. */
export const MIN_BODY_WORDS = 25;
/** Containment only counts when the contained article has at least this many shingles (about two sentences). */
const MIN_CONTAINED_SHINGLES = 30;
/**
 * A rewrite matches at least this share of the shorter article's sentences on their own content (not a shared
 * quote). Independent reports of one story share the main facts (two to four sentences of ten) and stay below 0.5.
 */
export const REWRITE_COVERAGE = 0.6;
/** ...and at least this share of the longer article's sentences, so one fact-box sentence is not a rewrite of a feature. */
export const REWRITE_LONG_COVERAGE = 0.35;
/** ...in at least this many sentences. */
export const MIN_REWRITE_SENTENCES = 3;
/**
 * ...mostly in the same order: a rewrite moves a sentence or two, independent reports order facts their own way.
 * 0.6 tolerates swapping neighbours; a random order of 8 matched sentences keeps ~0.5.
 */
export const REWRITE_ORDER = 0.6;
/** When most matched sentences are verbatim, the aligned pair is a near-copy with edits, not a paraphrase. */
const NEAR_DUPLICATE_VERBATIM_SHARE = 0.6;
/** Evidence is for a reader: a few dozen passages show the copy; more adds nothing. */
const MAX_EVIDENCE = 24;
/** Shared items listed per passage; a copied paragraph shares every word, and the list is for scanning. */
const MAX_SHARED_ITEMS = 12;

function containment(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0) return 0;
  let common = 0;
  for (const value of a) if (b.has(value)) common++;
  return common / a.size;
}

/** What a reader should see two passages share: quotes first, then figures, names and the rarer words. */
function sharedDetails(text: string, sa: Sentence, sb: Sentence, features: readonly string[]): string[] {
  const out = features.filter((feature) => feature.startsWith("“"));
  const numbersB = new Set(sb.tokens.filter((token) => token.isNumber).map((token) => token.norm));
  const namesB = new Set(sb.tokens.filter((token) => token.isName).map((token) => token.norm));
  const names = new Set<string>();
  for (const token of sa.tokens) {
    if (token.isNumber && numbersB.has(token.norm)) out.push(text.slice(token.start, token.end));
    if (token.isName && namesB.has(token.norm)) {
      names.add(token.norm);
      out.push(text.slice(token.start, token.end));
    }
  }
  for (const feature of features) {
    if (feature.startsWith("“") || feature.startsWith("#") || names.has(feature)) continue;
    if (out.length >= MAX_SHARED_ITEMS) break;
    // Features are stems; show the word as the source article wrote it.
    const token = sa.tokens.find((t) => !t.isNumber && stem(t.norm) === feature);
    out.push(token ? text.slice(token.start, token.end) : feature);
  }
  return [...new Set(out)].slice(0, MAX_SHARED_ITEMS);
}

function buildEvidence(a: Analysis, b: Analysis, alignment: Alignment): AlignedPassage[] {
  // Runs of consecutive pairs (a i, i+1 with b j, j+1) become one passage, so a copied paragraph is one entry.
  const passages: AlignedPassage[] = [];
  let run: Array<(typeof alignment.pairs)[number]> = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const first = run[0] as (typeof run)[number];
    const last = run[run.length - 1] as (typeof run)[number];
    const sa = a.sentences[first.a] as Sentence;
    const ea = a.sentences[last.a] as Sentence;
    const sb = b.sentences[first.b] as Sentence;
    const eb = b.sentences[last.b] as Sentence;
    const shared = new Set<string>();
    for (const pair of run) {
      for (const item of sharedDetails(
        a.text,
        a.sentences[pair.a] as Sentence,
        b.sentences[pair.b] as Sentence,
        pair.shared,
      )) {
        shared.add(item);
      }
    }
    passages.push({
      source: { start: sa.start, end: ea.end, text: a.text.slice(sa.start, ea.end) },
      target: { start: sb.start, end: eb.end, text: b.text.slice(sb.start, eb.end) },
      shared: [...shared].slice(0, MAX_SHARED_ITEMS * 2),
    });
    run = [];
  };
  for (const pair of alignment.pairs) {
    const previous = run[run.length - 1];
    const consecutive = previous !== undefined && pair.a === previous.a + 1 && pair.b === previous.b + 1;
    // A new paragraph starts a new passage, so a reader sees copied paragraphs side by side, not the whole text.
    const sameParagraph =
      previous !== undefined &&
      a.sentences[pair.a]?.paragraph === a.sentences[previous.a]?.paragraph &&
      b.sentences[pair.b]?.paragraph === b.sentences[previous.b]?.paragraph;
    if (previous && !(consecutive && sameParagraph)) flush();
    run.push(pair);
  }
  flush();
  return passages.slice(0, MAX_EVIDENCE);
}

function boilerplate(analysis: Analysis): string {
  return analysis.paragraphs
    .filter((paragraph) => paragraph.boilerplate)
    .map((paragraph) => analysis.text.slice(paragraph.start, paragraph.end).replace(/\s+/g, " ").toLowerCase())
    .join("\n");
}

/** Decides whether b copies or rewrites a (or the reverse). Null for independent articles. */
export function verifyPair(a: Analysis, b: Analysis): PairVerdict | null {
  if (a.bodyWords < MIN_BODY_WORDS || b.bodyWords < MIN_BODY_WORDS) return null;
  const resemblance = jaccard(a.shingles, b.shingles);
  const containmentAInB = containment(a.shingles, b.shingles);
  const containmentBInA = containment(b.shingles, a.shingles);
  const alignment = alignSentences(a, b);
  const verdict = (relation: CopyRelation, score: number): PairVerdict => ({
    relation,
    score: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000,
    resemblance,
    containmentAInB,
    containmentBInA,
    alignment,
    evidence: buildEvidence(a, b, alignment),
  });
  if (a.normalized === b.normalized) return verdict("duplicate", 1);
  // The same body under another outlet's trailer is a near-copy ("different boilerplate"), not the same text.
  if (resemblance >= DUPLICATE_RESEMBLANCE && boilerplate(a) === boilerplate(b))
    return verdict("duplicate", resemblance);
  const smaller = a.shingles.size <= b.shingles.size ? a : b;
  const contained = smaller === a ? containmentAInB : containmentBInA;
  if (resemblance >= NEAR_DUPLICATE_RESEMBLANCE) return verdict("near-duplicate", resemblance);
  if (contained >= NEAR_DUPLICATE_CONTAINMENT && smaller.shingles.size >= MIN_CONTAINED_SHINGLES) {
    return verdict("near-duplicate", contained);
  }
  const short = Math.min(alignment.eligibleA, alignment.eligibleB);
  const long = Math.max(alignment.eligibleA, alignment.eligibleB);
  if (short === 0) return null;
  const coverage = alignment.contentPairs / short;
  const longCoverage = alignment.contentPairs / long;
  if (
    alignment.contentPairs < MIN_REWRITE_SENTENCES ||
    coverage < REWRITE_COVERAGE ||
    longCoverage < REWRITE_LONG_COVERAGE ||
    alignment.order < REWRITE_ORDER
  ) {
    return null;
  }
  const score = 0.5 * Math.min(1, coverage) + 0.3 * alignment.meanSimilarity + 0.2 * alignment.order;
  if (alignment.verbatimShare >= NEAR_DUPLICATE_VERBATIM_SHARE) return verdict("near-duplicate", score);
  return verdict("rewrite", score);
}
