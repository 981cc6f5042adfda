/**
 * Term id → the live stories whose centroid holds it, with the term's mass there. Archived and merged stories are
 * taken out. The mass is mirrored here (the centroid stays the source of truth) so candidate search reads one
 * posting per story instead of a posting and then a centroid lookup: that pair was the hottest loop of `add()`.
 * Lists sit in an array indexed by term id: no string hashing on the hot path.
 */
export class StoryIndex {
  #postings: Array<Map<number, number> | undefined> = [];
  #terms = 0;

  set(term: number, story: number, mass: number): void {
    let stories = this.#postings[term];
    if (stories === undefined) {
      stories = new Map();
      this.#postings[term] = stories;
      this.#terms++;
    }
    stories.set(story, mass);
  }

  remove(term: number, story: number): void {
    const stories = this.#postings[term];
    if (stories === undefined) return;
    stories.delete(story);
    // Drop empty lists, so the index shrinks with the live stories instead of keeping every term ever seen.
    if (stories.size === 0) {
      this.#postings[term] = undefined;
      this.#terms--;
    }
  }

  get(term: number): ReadonlyMap<number, number> | undefined {
    return this.#postings[term];
  }

  has(term: number): boolean {
    return this.#postings[term] !== undefined;
  }

  get terms(): number {
    return this.#terms;
  }
}
