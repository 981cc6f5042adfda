/** Term → the live stories whose centroid holds it. Archived and merged stories are taken out. */
export class StoryIndex {
  readonly #postings = new Map<string, Set<number>>();

  add(term: string, story: number): void {
    let stories = this.#postings.get(term);
    if (stories === undefined) {
      stories = new Set();
      this.#postings.set(term, stories);
    }
    stories.add(story);
  }

  remove(term: string, story: number): void {
    const stories = this.#postings.get(term);
    if (stories === undefined) return;
    stories.delete(story);
    // Drop empty lists, so the index shrinks with the live stories instead of keeping every term ever seen.
    if (stories.size === 0) this.#postings.delete(term);
  }

  get(term: string): ReadonlySet<number> | undefined {
    return this.#postings.get(term);
  }

  get terms(): number {
    return this.#postings.size;
  }
}
