import type { ProvenanceEdge } from "../model/story.js";

/** Relations that make two articles one source: a copy, a light edit, a rewrite, or both crediting one outlet. */
const DEPENDENT: ReadonlySet<ProvenanceEdge["relation"]> = new Set([
  "duplicate",
  "near-duplicate",
  "rewrite",
  "credit",
]);

/**
 * Groups articles into independent sources. Two articles joined by a copy edge, or crediting the same outside
 * outlet (`outlet:<name>`), count once when confirming a fact.
 */
export class SourceGroups {
  private readonly parent = new Map<string, string>();

  constructor(edges: readonly ProvenanceEdge[]) {
    for (const e of edges) if (DEPENDENT.has(e.relation)) this.union(e.source, e.target);
  }

  root(id: string): string {
    let r = id;
    while (this.parent.has(r) && this.parent.get(r) !== r) r = this.parent.get(r) as string;
    return r;
  }

  /** How many independent sources a set of articles amounts to. */
  count(articleIds: Iterable<string>): number {
    return new Set([...articleIds].map((id) => this.root(id))).size;
  }

  private union(a: string, b: string): void {
    const ra = this.root(a);
    const rb = this.root(b);
    if (ra !== rb) this.parent.set(ra, rb);
    if (!this.parent.has(rb)) this.parent.set(rb, rb);
  }
}
