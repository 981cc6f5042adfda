/**
 * Term → the live stories whose centroid holds it, with the term's mass there. Archived and merged stories are
 * taken out. The mass is mirrored here (the centroid stays the source of truth) so candidate search reads one
 * posting per story instead of a posting and then a centroid lookup: that pair was the hottest loop of `add()`.
 */
export class StoryIndex {
  readonly #postings = new Map<string, Map<number, number>>();

  set(term: string, story: number, mass: number): void {
    let stories = this.#postings.get(term);
    if (stories === undefined) {
      stories = new Map();
      this.#postings.set(term, stories);
    }
    stories.set(story, mass);
  }

  remove(term: string, story: number): void {
    const stories = this.#postings.get(term);
    if (stories === undefined) return;
    stories.delete(story);
    // Drop empty lists, so the index shrinks with the live stories instead of keeping every term ever seen.
    if (stories.size === 0) this.#postings.delete(term);
  }

  get(term: string): ReadonlyMap<number, number> | undefined {
    return this.#postings.get(term);
  }

  get terms(): number {
    return this.#postings.size;
  }
}
