/**
 * The clusterer's whole state as plain JSON data: what `StoryClusterer.serialize()` returns and `restore()` takes.
 * Maps are kept as entry lists in iteration order, so a restored clusterer sums floating-point terms in the same
 * order and continues with exactly the assignments an uninterrupted run would make.
 */
export interface ClustererSnapshot {
  version: 1;
  /** Articles added so far (sequence number of the last one). */
  added: number;
  /** Newest effective article time, epoch ms; null before the first article. */
  clock: number | null;
  documents: number;
  df: Array<[string, number]>;
  /** Every story ever created, in creation order (its position is its internal sequence number). */
  stories: StorySnapshot[];
  merges: MergeRecord[];
  moves: MoveRecord[];
}

export interface StorySnapshot {
  id: string;
  articleIds: string[];
  centroid: Array<[string, number]>;
  weight: number;
  firstSeen: number;
  lastSeen: number;
  language: string | null;
  outlets: string[];
  hashes: Array<[string, number]>;
  fullArticles: number;
  titles: string[];
  live: boolean;
  mergedInto: string | null;
  norm: number;
  normAt: number;
}

/** Two stories found to be one: `from` was folded into `into` when article number `at` arrived. */
export interface MergeRecord {
  at: number;
  into: string;
  from: string;
  similarity: number;
  reason: string;
  movedArticles: number;
}

/** An article that changed story after it was assigned. Nothing moves without one of these. */
export interface MoveRecord {
  at: number;
  articleId: string;
  from: string;
  to: string;
  reason: string;
}
