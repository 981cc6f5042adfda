import { ENTITY_PREFIX } from "./article-terms.js";

/**
 * Document frequencies, updated one article at a time, over terms interned to small integer ids: every hot loop
 * (IDF, centroids, postings) then indexes arrays and hashes numbers instead of strings. IDF is read at comparison
 * time, so early articles are not stuck with the noisy weights of a young stream; it is computed exactly from the
 * current counts (one array read and a log), which was cheaper than any cache tried and keeps restore exact.
 */
export class TermStatistics {
  /** Term → id, in first-seen order: also the order `entries()` (the snapshot) lists them in. */
  readonly #ids = new Map<string, number>();
  #terms: string[] = [];
  #df: number[] = [];
  #entity: boolean[] = [];
  /** Ids of forgotten terms, reused so the arrays stay as small as the vocabulary kept. */
  #free: number[] = [];
  documents = 0;

  /** The id of `term`, creating it (with no documents yet) when new. */
  intern(term: string): number {
    const known = this.#ids.get(term);
    if (known !== undefined) return known;
    const id = this.#free.pop() ?? this.#terms.length;
    this.#ids.set(term, id);
    this.#terms[id] = term;
    this.#df[id] = 0;
    this.#entity[id] = term.startsWith(ENTITY_PREFIX);
    return id;
  }

  term(id: number): string {
    return this.#terms[id] as string;
  }

  isEntity(id: number): boolean {
    return this.#entity[id] === true;
  }

  df(id: number): number {
    return this.#df[id] ?? 0;
  }

  /** `ids` must be distinct (one article's terms). */
  addDocument(ids: readonly number[]): void {
    this.documents++;
    for (const id of ids) this.#df[id] = (this.#df[id] as number) + 1;
  }

  /** Smoothed IDF: positive for every term, highest for a term seen once. */
  idf(id: number): number {
    return Math.log(1 + this.documents / (this.#df[id] || 1));
  }

  get size(): number {
    return this.#ids.size;
  }

  /** [term, df] in first-seen order (forgotten terms left out). */
  entries(): Array<[string, number]> {
    return [...this.#ids].map(([term, id]) => [term, this.#df[id] as number]);
  }

  load(term: string, df: number): void {
    this.#df[this.intern(term)] = df;
  }

  /**
   * Forgets terms seen in one article only that `keep` does not need (no live story holds them). On a stream the
   * vocabulary grows without end (names, figures, typos); most of it is such one-off terms. Forgetting one only
   * means that, should it come back, it counts as new (df 1 instead of 2): its IDF was near the top either way.
   */
  forgetSingletons(keep: (id: number) => boolean): void {
    for (const [term, id] of this.#ids) {
      if ((this.#df[id] as number) > 1 || keep(id)) continue;
      this.#ids.delete(term);
      this.#terms[id] = "";
      this.#df[id] = 0;
      this.#free.push(id);
    }
  }
}
