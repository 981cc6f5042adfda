import type { AlignedPassage, Article, ProvenanceEdge } from "../model/index.js";
import { type Analysis, analyzeText } from "./analyze.js";
import { CandidateIndex } from "./candidate-index.js";
import { type Credit, findCredits, normalizeOutlet } from "./credit.js";
import { type DirectionInput, decideDirection } from "./direction.js";
import { sketchText } from "./sketch.js";
import { verifyPair } from "./verify.js";

/**
 * Which index candidates (already sharing two keys) are worth the sentence-level check. Copies and cuts share a large
 * part of the smaller side's anchors; rewrites share fact pairs and content words (0.4-0.8 estimated content Jaccard
 * on the generated stream, where independent reports of one story sit at 0.1-0.4). A pair passing none of these is
 * two articles that happen to share a name and a year.
 */
export const VERIFY_MIN_ANCHOR_CONTAINMENT = 0.15;
export const VERIFY_MIN_FACT_CONTAINMENT = 0.15;
export const VERIFY_MIN_RESEMBLANCE = 0.2;
export const VERIFY_MIN_CONTENT_SIMILARITY = 0.3;
/** Credit edge scores: a wire dateline or credit line says the text came from there; "according to" cites a fact. */
export const CREDIT_SCORES: Record<Credit["kind"], number> = { wire: 0.95, reported: 0.7, "according-to": 0.6 };
/** Credit edges at or above this score make the credited outlet the origin of the article's copy group. */
export const COLLAPSING_CREDIT_SCORE = 0.9;

export const OUTLET_PREFIX = "outlet:";

interface Prepared {
  article: Article;
  order: number;
  analysis: Analysis;
  direction: DirectionInput;
}

function bodyText(analysis: Analysis): string {
  return analysis.paragraphs
    .filter((paragraph) => !paragraph.boilerplate)
    .map((paragraph) => analysis.text.slice(paragraph.start, paragraph.end))
    .join("\n\n");
}

function swap(passage: AlignedPassage): AlignedPassage {
  return { source: passage.target, target: passage.source, shared: passage.shared };
}

function creditEdges(prepared: Prepared, corpusOutlets: ReadonlySet<string>): ProvenanceEdge[] {
  const own = prepared.article.outlet ? normalizeOutlet(prepared.article.outlet) : null;
  const byOutlet = new Map<string, ProvenanceEdge>();
  for (const credit of prepared.direction.credits) {
    const key = normalizeOutlet(credit.outlet);
    // Outlets in the corpus get text edges from the verifier; crediting yourself is a byline, not provenance.
    if (key === own || corpusOutlets.has(key)) continue;
    const passage: AlignedPassage = {
      // The credited outlet has no text here, so the source side is empty; `shared` names the outlet.
      source: { start: 0, end: 0, text: "" },
      target: { start: credit.start, end: credit.end, text: prepared.article.text.slice(credit.start, credit.end) },
      shared: [credit.outlet],
    };
    const score = CREDIT_SCORES[credit.kind];
    const existing = byOutlet.get(key);
    if (existing) {
      existing.score = Math.max(existing.score, score);
      existing.evidence.push(passage);
      continue;
    }
    byOutlet.set(key, {
      source: `${OUTLET_PREFIX}${credit.outlet}`,
      target: prepared.article.id,
      relation: "credit",
      score,
      directionKnown: true,
      evidence: [passage],
    });
  }
  return [...byOutlet.values()];
}

/**
 * Copy, near-copy, rewrite and credit edges among `articles` (one story or a whole corpus). Candidates come from the
 * LSH/anchor index, so a corpus costs about linear time; every edge is confirmed on the texts and carries evidence.
 */
export function detectProvenance(articles: readonly Article[]): ProvenanceEdge[] {
  const seen = new Set<string>();
  const prepared: Prepared[] = [];
  for (const article of articles) {
    // The same file ingested twice has one id: it is one article, not a copy of itself.
    if (seen.has(article.id)) continue;
    seen.add(article.id);
    const analysis = analyzeText(article.text ?? "");
    const time = article.publishedAt ? Date.parse(article.publishedAt) : Number.NaN;
    prepared.push({
      article,
      order: prepared.length,
      analysis,
      direction: { analysis, time, outlet: article.outlet, credits: findCredits(article.text ?? "") },
    });
  }
  const corpusOutlets = new Set(prepared.flatMap((p) => (p.article.outlet ? [normalizeOutlet(p.article.outlet)] : [])));
  const index = new CandidateIndex({ expectedArticles: prepared.length });
  const byId = new Map(prepared.map((p) => [p.article.id, p]));
  const edges: ProvenanceEdge[] = [];
  for (const current of prepared) {
    const sketch = sketchText(bodyText(current.analysis));
    for (const candidate of index.query(sketch)) {
      const worthChecking =
        candidate.anchorContainment >= VERIFY_MIN_ANCHOR_CONTAINMENT ||
        candidate.factContainment >= VERIFY_MIN_FACT_CONTAINMENT ||
        candidate.resemblance >= VERIFY_MIN_RESEMBLANCE ||
        candidate.contentSimilarity >= VERIFY_MIN_CONTENT_SIMILARITY;
      if (!worthChecking) continue;
      const other = byId.get(candidate.id) as Prepared;
      const verdict = verifyPair(other.analysis, current.analysis);
      if (!verdict) continue;
      const direction = decideDirection(other.direction, current.direction);
      const [source, target] = direction.aIsSource ? [other, current] : [current, other];
      edges.push({
        source: source.article.id,
        target: target.article.id,
        relation: verdict.relation,
        score: verdict.score,
        directionKnown: direction.known,
        evidence: direction.aIsSource ? verdict.evidence : verdict.evidence.map(swap),
      });
    }
    index.add(current.article.id, sketch, current.article.publishedAt);
  }
  for (const p of prepared) edges.push(...creditEdges(p, corpusOutlets));
  return edges;
}

/**
 * Outlets after collapsing copy chains: each group of articles joined by copy edges counts once, as the outlet of
 * its origin (or the wire it credits); articles with no outlet count by themselves.
 */
export function countIndependentSources(articles: readonly Article[], edges: readonly ProvenanceEdge[]): number {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    let node = id;
    while (node !== root) {
      const next = parent.get(node) as string;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const article of articles) parent.set(article.id, article.id);
  const hasIncoming = new Set<string>();
  for (const edge of edges) {
    if (edge.relation === "credit" || !parent.has(edge.source) || !parent.has(edge.target)) continue;
    parent.set(find(edge.source), find(edge.target));
    if (edge.directionKnown !== false) hasIncoming.add(edge.target);
  }
  const credited = new Map<string, string>();
  for (const edge of edges) {
    if (edge.relation !== "credit" || edge.score < COLLAPSING_CREDIT_SCORE || !parent.has(edge.target)) continue;
    const outlet = normalizeOutlet(edge.source.slice(OUTLET_PREFIX.length));
    const root = find(edge.target);
    const known = credited.get(root);
    if (known === undefined || outlet < known) credited.set(root, outlet);
  }
  const origins = new Map<string, Article>();
  const time = (article: Article): number => {
    const value = article.publishedAt ? Date.parse(article.publishedAt) : Number.NaN;
    return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
  };
  for (const article of articles) {
    const root = find(article.id);
    const current = origins.get(root);
    const better =
      current === undefined ||
      (hasIncoming.has(current.id) && !hasIncoming.has(article.id)) ||
      (hasIncoming.has(current.id) === hasIncoming.has(article.id) && time(article) < time(current));
    if (better) origins.set(root, article);
  }
  const sources = new Set<string>();
  for (const [root, origin] of origins) {
    const wire = credited.get(root);
    if (wire !== undefined) sources.add(`outlet:${wire}`);
    else if (origin.outlet) sources.add(`outlet:${normalizeOutlet(origin.outlet)}`);
    else sources.add(`article:${origin.id}`);
  }
  return sources.size;
}
