import type { Article } from "../../model/article.js";
import type { ProvenanceEdge, ProvenanceRelation, Story } from "../../model/story.js";
import { escapeHtml as e } from "../../report/escape-html.js";
import { type ArticleRefs, articleAnchor } from "../article-refs.js";
import { shortTime, truncate } from "../format.js";

/** Layout in SVG user units. Columns are wide enough for an outlet name at 12px; rows keep arrows off other nodes. */
const COLUMN_WIDTH = 205;
const ROW_HEIGHT = 78;
const NODE_WIDTH = 145;
const NODE_HEIGHT = 44;
const PAD = 16;
/** Up to this many rows: nodes stagger down and back up so that arrows between neighbours are not hidden. */
const MAX_ROWS = 3;
/** Characters of an outlet name that fit in a node; the full name is in the node's tooltip. */
const LABEL_CHARS = 20;

const RELATIONS: readonly ProvenanceRelation[] = ["duplicate", "near-duplicate", "rewrite", "credit"];

interface Node {
  id: string;
  x: number;
  y: number;
  label: string;
  sub: string;
  external: boolean;
}

const publishedMs = (article: Article) => {
  const ms = article.publishedAt === null ? Number.NaN : Date.parse(article.publishedAt);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
};

/**
 * Who derived from whom, drawn server-side as an inline SVG: nodes are the story's articles left to right by
 * publication time (outlets credited from outside the corpus first), arrows run from source to copy and are
 * labelled with the relation. A text list follows for screen readers and for exact scores.
 */
export function provenanceGraph(story: Story, articles: readonly Article[], refs: ArticleRefs): string {
  if (story.provenance.length === 0) {
    return `<p class="empty">No copies, rewrites or credits found: the articles look independent.</p>`;
  }
  const external = [...new Set(story.provenance.map((edge) => edge.source).filter((id) => id.startsWith("outlet:")))];
  const ordered = [...articles].sort((a, b) => publishedMs(a) - publishedMs(b));
  const ids = [...external, ...ordered.map((article) => article.id)];
  const rows = Math.min(MAX_ROWS, ids.length);
  const nodes = new Map<string, Node>();
  ids.forEach((id, index) => {
    const row = rows <= 1 ? 0 : zigzag(index, rows);
    const article = refs.article(id);
    nodes.set(id, {
      id,
      x: PAD + index * COLUMN_WIDTH,
      y: PAD + row * ROW_HEIGHT,
      label: refs.label(id),
      sub: article === undefined ? "credited, not in corpus" : shortTime(article.publishedAt),
      external: article === undefined,
    });
  });
  const width = PAD * 2 + (ids.length - 1) * COLUMN_WIDTH + NODE_WIDTH;
  const height = PAD * 2 + (rows - 1) * ROW_HEIGHT + NODE_HEIGHT + 24;
  const edges = story.provenance.map((edge) => drawEdge(edge, nodes)).join("\n");
  const boxes = [...nodes.values()].map(drawNode).join("\n");
  const markers = RELATIONS.map(
    (relation) =>
      `<marker id="arrow-${relation}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrow-${relation}" d="M0 0L10 5L0 10z"/></marker>`,
  ).join("");
  const list = story.provenance
    .map(
      (edge) =>
        `<li>${e(refs.label(edge.source))} → ${e(refs.label(edge.target))}: ${e(edge.relation)}, score ${edge.score.toFixed(2)}${edge.directionKnown === false ? " (direction unknown)" : ""}</li>`,
    )
    .join("\n");
  return `<figure class="graph">
<div class="scroll-x" role="region" aria-label="Provenance graph, scrolls sideways" tabindex="0">
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="group" aria-labelledby="prov-title">
<title id="prov-title">Provenance graph: ${story.provenance.length} links between ${ids.length} sources, earliest on the left</title>
<defs>${markers}</defs>
${edges}
${boxes}
</svg>
</div>
<figcaption>Arrows run from the likely origin to the copy; solid red: duplicate or near-duplicate, dashed blue: rewrite, dotted: credit. “?” means the direction is unknown.</figcaption>
<ul class="edges">
${list}
</ul>
</figure>`;
}

/** 0, 1, 2, 1, 0, 1, … so consecutive nodes never share a row. */
function zigzag(index: number, rows: number): number {
  const period = 2 * (rows - 1);
  const phase = index % period;
  return phase < rows ? phase : period - phase;
}

function drawNode(node: Node): string {
  const body = `<rect x="${node.x}" y="${node.y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="6"/>
<text x="${node.x + 8}" y="${node.y + 18}">${e(truncate(node.label, LABEL_CHARS))}</text>
<text class="sub" x="${node.x + 8}" y="${node.y + 35}">${e(node.sub)}</text>`;
  const title = `<title>${e(node.label)}${node.external ? " (credited outlet, not in the corpus)" : ""}</title>`;
  if (node.external) return `<g class="node external">${title}${body}</g>`;
  return `<a class="node" href="#${articleAnchor(node.id)}">${title}${body}</a>`;
}

function drawEdge(edge: ProvenanceEdge, nodes: ReadonlyMap<string, Node>): string {
  const from = nodes.get(edge.source);
  const to = nodes.get(edge.target);
  if (from === undefined || to === undefined) return "";
  const forward = to.x >= from.x;
  const x1 = forward ? from.x + NODE_WIDTH : from.x;
  const x2 = forward ? to.x : to.x + NODE_WIDTH;
  const y1 = from.y + NODE_HEIGHT / 2;
  const y2 = to.y + NODE_HEIGHT / 2;
  // Bend grows with distance so long arrows arc over the nodes between their ends.
  const bend = Math.max(30, Math.abs(x2 - x1) / 2.5) * (forward ? 1 : -1);
  const lift = from.x === to.x ? 0 : Math.min(40, Math.abs(x2 - x1) / 8);
  const path = `M${x1} ${y1} C${x1 + bend} ${y1 - lift}, ${x2 - bend} ${y2 - lift}, ${x2} ${y2}`;
  const known = edge.directionKnown !== false;
  const label = `${edge.relation}${known ? "" : "?"} ${edge.score.toFixed(2)}`;
  const relation = RELATIONS.includes(edge.relation) ? edge.relation : "rewrite";
  const marker = known ? ` marker-end="url(#arrow-${relation})"` : "";
  return `<g class="edge ${relation}"><path d="${path}"${marker}/><text x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2 - lift * 0.75 - 6}" text-anchor="middle">${e(label)}</text></g>`;
}
