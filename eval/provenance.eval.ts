/**
 * Provenance evaluation: precision/recall/F1 per relation on a generated corpus (fixed seed) and on the demo corpus
 * when its gold file and the ingest stage are present.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { countIndependentSources, detectProvenance } from "../src/fingerprint/index.js";
import { type GeneratedItem, type GoldRelation, generateCorpus, toArticle } from "../src/generate/index.js";
import type { Article, ProvenanceEdge, RawDocument } from "../src/model/index.js";
import type { EvalContext, EvalPart } from "./main.js";

const GENERATED_ARTICLES = 3000;
const GENERATED_SEED = 42;
const COPY_RELATIONS = ["duplicate", "near-duplicate", "rewrite"] as const;
type CopyRelation = (typeof COPY_RELATIONS)[number];
/** Composing derivations: a copy of a rewrite is a rewrite of the original, a near-copy of a copy is a near-copy. */
const SEVERITY: Record<CopyRelation, number> = { duplicate: 0, "near-duplicate": 1, rewrite: 2 };

const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

interface Counts {
  truePositive: number;
  detected: number;
  expected: number;
}

function f1Line(name: string, counts: Counts): string {
  const precision = counts.detected === 0 ? 1 : counts.truePositive / counts.detected;
  const recallHits = Math.min(counts.truePositive, counts.expected);
  const recall = counts.expected === 0 ? 1 : recallHits / counts.expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return `| ${name} | ${counts.expected} | ${counts.detected} | ${precision.toFixed(3)} | ${recall.toFixed(3)} | ${f1.toFixed(3)} |`;
}

/** Gold pair relations inside each copy family (derivation tree), by composing relations along the tree path. */
function goldPairs(items: readonly GeneratedItem[]): {
  all: Map<string, CopyRelation>;
  required: Map<string, CopyRelation>;
  direct: Map<string, { source: string; target: string }>;
} {
  const parent = new Map<string, { source: string; relation: CopyRelation }>();
  const children = new Map<string, string[]>();
  for (const item of items) {
    for (const edge of item.edges) {
      if (edge.relation === "credit") continue;
      parent.set(edge.target, { source: edge.source, relation: edge.relation });
      children.set(edge.source, [...(children.get(edge.source) ?? []), edge.target]);
    }
  }
  const rootOf = (id: string): string => {
    let node = id;
    while (parent.has(node)) node = (parent.get(node) as { source: string }).source;
    return node;
  };
  const families = new Map<string, string[]>();
  for (const item of items) {
    const root = rootOf(item.record.id);
    families.set(root, [...(families.get(root) ?? []), item.record.id]);
    if (!root.startsWith("hidden:") && root !== item.record.id && !families.get(root)?.includes(root)) {
      families.get(root)?.push(root);
    }
  }
  const pathToRoot = (id: string): Array<{ node: string; relation: CopyRelation | null }> => {
    const path: Array<{ node: string; relation: CopyRelation | null }> = [{ node: id, relation: null }];
    let node = id;
    while (parent.has(node)) {
      const step = parent.get(node) as { source: string; relation: CopyRelation };
      (path[path.length - 1] as { relation: CopyRelation | null }).relation = step.relation;
      path.push({ node: step.source, relation: null });
      node = step.source;
    }
    return path;
  };
  const all = new Map<string, CopyRelation>();
  const required = new Map<string, CopyRelation>();
  const direct = new Map<string, { source: string; target: string }>();
  for (const [, members] of families) {
    const unique = [...new Set(members)];
    for (let i = 0; i < unique.length; i++) {
      for (let j = i + 1; j < unique.length; j++) {
        const a = unique[i] as string;
        const b = unique[j] as string;
        const pa = pathToRoot(a);
        const pb = pathToRoot(b);
        const ancestorsB = new Map(pb.map((step, index) => [step.node, index]));
        let severity = 0;
        let lca = -1;
        for (let k = 0; k < pa.length; k++) {
          if (ancestorsB.has((pa[k] as { node: string }).node)) {
            lca = k;
            break;
          }
        }
        const lcaB = ancestorsB.get((pa[lca] as { node: string }).node) as number;
        for (let k = 0; k < lca; k++) severity = Math.max(severity, SEVERITY[pa[k]?.relation as CopyRelation]);
        for (let k = 0; k < lcaB; k++) severity = Math.max(severity, SEVERITY[pb[k]?.relation as CopyRelation]);
        const relation = COPY_RELATIONS[severity] as CopyRelation;
        all.set(pairKey(a, b), relation);
        const lcaNode = (pa[lca] as { node: string }).node;
        const isDirect = (lca === 1 && lcaB === 0) || (lca === 0 && lcaB === 1);
        // Required: direct derivations, and siblings of an unpublished wire original (their only visible link).
        if (isDirect || (lcaNode.startsWith("hidden:") && lca === 1 && lcaB === 1))
          required.set(pairKey(a, b), relation);
        if (isDirect) direct.set(pairKey(a, b), lca === 1 ? { source: b, target: a } : { source: a, target: b });
      }
    }
  }
  return { all, required, direct };
}

async function evaluateGenerated(context: EvalContext): Promise<void> {
  const items = [...generateCorpus({ articles: GENERATED_ARTICLES, seed: GENERATED_SEED })];
  const articles = items.map((item) => toArticle(item.record));
  const started = performance.now();
  const edges = detectProvenance(articles);
  const seconds = (performance.now() - started) / 1000;
  const gold = goldPairs(items);
  const storyOf = new Map(items.map((item) => [item.record.id, item.story]));

  const counts = new Map<string, Counts>(
    [...COPY_RELATIONS, "any copy", "credit"].map((name) => [name, { truePositive: 0, detected: 0, expected: 0 }]),
  );
  for (const relation of gold.required.values()) (counts.get(relation) as Counts).expected++;
  (counts.get("any copy") as Counts).expected = gold.required.size;
  const detectedPairs = new Map<string, ProvenanceEdge>();
  let sameStoryFalse = 0;
  let otherFalse = 0;
  let directionRight = 0;
  let directionWrong = 0;
  let directionUnknown = 0;
  for (const edge of edges) {
    if (edge.relation === "credit") continue;
    const key = pairKey(edge.source, edge.target);
    detectedPairs.set(key, edge);
    const expected = gold.all.get(key);
    const c = counts.get(edge.relation) as Counts;
    c.detected++;
    if (expected === edge.relation) c.truePositive++;
    const any = counts.get("any copy") as Counts;
    any.detected++;
    if (expected !== undefined) any.truePositive++;
    else if (storyOf.get(edge.source) === storyOf.get(edge.target)) sameStoryFalse++;
    else otherFalse++;
    const direct = gold.direct.get(key);
    if (direct) {
      if (edge.directionKnown === false) directionUnknown++;
      else if (direct.source === edge.source) directionRight++;
      else directionWrong++;
    }
  }
  // Recall counts required pairs found with the right relation; precision counts any family pair with its relation.
  for (const relation of COPY_RELATIONS) {
    const c = counts.get(relation) as Counts;
    let found = 0;
    for (const [key, expected] of gold.required) {
      if (expected === relation && detectedPairs.get(key)?.relation === relation) found++;
    }
    c.truePositive = Math.min(c.truePositive, c.detected);
    (c as Counts & { found?: number }).found = found;
  }
  let anyFound = 0;
  for (const key of gold.required.keys()) if (detectedPairs.has(key)) anyFound++;

  const goldCredits = new Set(
    items.flatMap((item) => item.edges.filter((e) => e.relation === "credit").map((e) => `${e.source}|${e.target}`)),
  );
  const credit = counts.get("credit") as Counts;
  credit.expected = goldCredits.size;
  for (const edge of edges) {
    if (edge.relation !== "credit") continue;
    credit.detected++;
    if (goldCredits.has(`${edge.source}|${edge.target}`)) credit.truePositive++;
  }

  context.log(
    `generated corpus: ${articles.length} articles, seed ${GENERATED_SEED}, ${gold.required.size} required copy pairs, ` +
      `${gold.all.size} family pairs; detection took ${seconds.toFixed(1)} s`,
  );
  context.log();
  context.log("| relation | gold | detected | precision | recall | F1 |");
  context.log("|---|---|---|---|---|---|");
  for (const name of [...COPY_RELATIONS, "any copy", "credit"]) {
    const c = counts.get(name) as Counts & { found?: number };
    const found = name === "any copy" ? anyFound : name === "credit" ? credit.truePositive : (c.found ?? 0);
    const precision = c.detected === 0 ? 1 : c.truePositive / c.detected;
    const recall = c.expected === 0 ? 1 : found / c.expected;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    context.log(
      `| ${name} | ${c.expected} | ${c.detected} | ${precision.toFixed(3)} | ${recall.toFixed(3)} | ${f1.toFixed(3)} |`,
    );
  }
  const directRecall = COPY_RELATIONS.map((relation) => {
    let expected = 0;
    let found = 0;
    for (const key of gold.direct.keys()) {
      if (gold.all.get(key) !== relation) continue;
      expected++;
      if (detectedPairs.get(key)?.relation === relation) found++;
    }
    return `${relation} ${found}/${expected}`;
  });
  context.log();
  context.log(
    `recall on direct derivations (both articles published): ${directRecall.join(", ")}; the rest of the ` +
      "required pairs are siblings copied from an unpublished wire original",
  );
  context.log(
    `false copy edges: ${sameStoryFalse} between independent articles of one story, ${otherFalse} across stories`,
  );
  const directed = directionRight + directionWrong + directionUnknown;
  context.log(
    `direction on direct derivations found: ${directionRight}/${directed} right, ${directionWrong} wrong, ${directionUnknown} unknown`,
  );

  // Independent sources per story: gold groups are copy families, each counted once by its origin's outlet.
  const byStory = new Map<string, Article[]>();
  for (const [index, item] of items.entries()) {
    byStory.set(item.story, [...(byStory.get(item.story) ?? []), articles[index] as Article]);
  }
  // An unpublished wire original is represented by its first published copy, so its copies join one group.
  const hiddenStandIn = new Map<string, string>();
  for (const item of items) {
    for (const edge of item.edges) {
      if (edge.source.startsWith("hidden:") && !hiddenStandIn.has(edge.source))
        hiddenStandIn.set(edge.source, edge.target);
    }
  }
  const goldEdgesAsProvenance: ProvenanceEdge[] = items.flatMap((item) =>
    item.edges
      .map((edge) => ({
        ...edge,
        source: hiddenStandIn.get(edge.source) ?? edge.source,
        relation: edge.relation as GoldRelation,
        score: 1,
        evidence: [],
      }))
      .filter((edge) => edge.source !== edge.target),
  );
  let sourcesRight = 0;
  for (const storyArticles of byStory.values()) {
    const ids = new Set(storyArticles.map((article) => article.id));
    const inStory = (edge: ProvenanceEdge): boolean => ids.has(edge.target);
    const expected = countIndependentSources(storyArticles, goldEdgesAsProvenance.filter(inStory));
    const got = countIndependentSources(storyArticles, edges.filter(inStory));
    if (expected === got) sourcesRight++;
  }
  context.log(`independent-source count per story matches gold in ${sourcesRight}/${byStory.size} stories`);
}

interface DemoGoldEdge {
  source: string;
  target: string;
  relation: string;
}

function listFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (name.startsWith(".")) return [];
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

async function evaluateDemo(context: EvalContext): Promise<void> {
  const goldPath = join(context.root, "eval", "gold", "demo", "provenance.json");
  const examples = join(context.root, "examples");
  if (!existsSync(goldPath) || !existsSync(examples)) {
    context.log("demo corpus: skipped (examples/ or eval/gold/demo/provenance.json absent)");
    return;
  }
  let ingest: (doc: RawDocument) => { status: string; value?: Article[] };
  try {
    const module = (await import(pathToFileURL(join(context.root, "src", "ingest", "index.ts")).href)) as {
      ingestDocument?: typeof ingest;
    };
    if (typeof module.ingestDocument !== "function") throw new Error("no ingestDocument export");
    ingest = module.ingestDocument;
  } catch (error) {
    context.log(`demo corpus: skipped (ingest stage unavailable: ${error instanceof Error ? error.message : error})`);
    return;
  }
  try {
    const raw = JSON.parse(readFileSync(goldPath, "utf8")) as
      | DemoGoldEdge[]
      | { edges: DemoGoldEdge[]; credits?: Array<{ outlet: string; inCorpus?: boolean; members: string[] }> };
    const goldEdges = Array.isArray(raw) ? raw : raw.edges;
    const goldCredits = Array.isArray(raw) ? [] : (raw.credits ?? []).filter((credit) => credit.inCorpus !== true);
    const articles: Article[] = [];
    const names = new Map<string, string>();
    for (const path of listFiles(examples).sort()) {
      const source = relative(context.root, path);
      const result = ingest({ source, path: source, url: null, bytes: readFileSync(path) });
      if (result.status !== "ok") continue;
      for (const [entry, article] of (result.value ?? []).entries()) {
        articles.push(article);
        // Gold names entries of a feed or a JSON Lines file as "path#index".
        names.set(`${source}#${entry}`, article.id);
        // Gold may name articles by id, by path or by file name.
        for (const name of [article.id, article.path ?? "", basename(article.path ?? ""), article.url ?? ""]) {
          if (name) names.set(name, article.id);
        }
      }
    }
    const resolve = (name: string): string => names.get(name) ?? names.get(basename(name)) ?? name;
    const edges = detectProvenance(articles);
    const gold = new Map(
      goldEdges
        .filter((edge) => edge.relation !== "credit")
        .map((edge) => [pairKey(resolve(edge.source), resolve(edge.target)), edge.relation]),
    );
    const counts = new Map<string, Counts>(
      [...COPY_RELATIONS].map((name) => [name, { truePositive: 0, detected: 0, expected: 0 }]),
    );
    for (const relation of gold.values()) {
      const c = counts.get(relation);
      if (c) c.expected++;
    }
    let falseEdges = 0;
    const titleOf = new Map(articles.map((article) => [article.id, `${article.outlet ?? "?"}: ${article.title}`]));
    const expectedCredits = new Set(
      goldCredits.flatMap((credit) =>
        credit.members.map((member) => `${credit.outlet.toLowerCase()}|${resolve(member)}`),
      ),
    );
    const creditCounts: Counts = { truePositive: 0, detected: 0, expected: expectedCredits.size };
    for (const edge of edges) {
      if (edge.relation === "credit") {
        creditCounts.detected++;
        const key = `${edge.source.slice("outlet:".length).toLowerCase()}|${edge.target}`;
        if (expectedCredits.has(key)) creditCounts.truePositive++;
        else context.log(`  unexpected credit: ${edge.source} -> ${titleOf.get(edge.target)}`);
        continue;
      }
      const c = counts.get(edge.relation) as Counts;
      c.detected++;
      const expected = gold.get(pairKey(edge.source, edge.target));
      if (expected === edge.relation) c.truePositive++;
      if (expected === undefined) {
        falseEdges++;
        context.log(
          `  false ${edge.relation} edge (${edge.score}): ${titleOf.get(edge.source)} -> ${titleOf.get(edge.target)}`,
        );
      } else if (expected !== edge.relation) {
        context.log(
          `  ${edge.relation} where gold says ${expected}: ${titleOf.get(edge.source)} -> ${titleOf.get(edge.target)}`,
        );
      }
    }
    context.log(`demo corpus: ${articles.length} articles, ${gold.size} gold copy pairs`);
    context.log();
    context.log("| relation | gold | detected | precision | recall | F1 |");
    context.log("|---|---|---|---|---|---|");
    for (const [name, c] of counts) context.log(f1Line(name, c));
    context.log(f1Line("credit", creditCounts));
    context.log();
    context.log(`false copy edges on the demo corpus: ${falseEdges}`);
  } catch (error) {
    context.log(`demo corpus: skipped (${error instanceof Error ? error.message : String(error)})`);
  }
}

const part: EvalPart = {
  name: "provenance",
  async run(context) {
    // PARALLAX_EVAL_DEMO_ONLY=1 skips the generated corpus (a minute of CPU) when iterating on the demo corpus.
    if (process.env.PARALLAX_EVAL_DEMO_ONLY !== "1") await evaluateGenerated(context);
    context.log();
    await evaluateDemo(context);
  },
};

export default part;
