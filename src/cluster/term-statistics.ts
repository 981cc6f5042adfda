/**
 * Document frequencies, updated one article at a time. IDF is read at comparison time, so early articles are not
 * stuck with the noisy weights of a young stream.
 */
export class TermStatistics {
  readonly df = new Map<string, number>();
  documents = 0;

  addDocument(terms: Iterable<string>): void {
    this.documents++;
    for (const term of terms) this.df.set(term, (this.df.get(term) ?? 0) + 1);
  }

  /** Smoothed IDF: positive for every term, highest for a term seen once. */
  idf(term: string): number {
    return Math.log(1 + this.documents / (this.df.get(term) ?? 1));
  }
}
