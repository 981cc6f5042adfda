/**
 * Short-text mode: a one-pass Dirichlet Multinomial Mixture stream clusterer in the manner of MStream (Yin et al.,
 * KDD 2018, "Model-based Clustering of Short Text Streams"), written from the model's equations, with two additions
 * measured on MStream News (docs/stories.md): a word prior that knows how specific a word is, and recorded merges.
 *
 * Each cluster z keeps m_z (documents), n_z (tokens) and n_z^w (occurrences of word w). An arriving document d with
 * N_d tokens, N_d^w of them word w, joins cluster z with probability proportional to
 *
 *   m_z · Π_w Π_{j=1..N_d^w} (n_z^w + b_w + j − 1) / Π_{i=1..N_d} (n_z + B + i − 1)
 *
 * or starts a new cluster with probability proportional to
 *
 *   (α₀ + αD) · Π_w Π_j (b_w + j − 1) / Π_i (B + i − 1)
 *
 * where D counts the documents seen including d, V the distinct words seen including d's, b_w is word w's prior
 * pseudo-count and B = Σ_w b_w = Vβ. Scores are compared in log space; the normalising denominator, the same for
 * every option, is left out.
 *
 * - **Word prior.** MStream's is uniform: b_w = β. The default here ("specificity") spreads the same mass Vβ over
 *   the words in proportion to the number of live clusters that hold each one: b_w = Vβ (K_w + γ) / (Σ_v K_v + Vγ),
 *   as the top level of a hierarchical Dirichlet process would (equal K_w everywhere gives back b_w = β). A word
 *   many clusters hold (a common word of the stream) is then likely in a new cluster too, so sharing it is weak
 *   evidence for any one cluster; a word few clusters hold is strong evidence. This is the inverse cluster frequency
 *   (ICF) of OSDM (Kumar et al., ACL 2020) as a proper prior instead of a factor on the counts.
 * - **New-cluster weight α₀ + αD.** MStream's αD keeps the odds of a new cluster constant as the stream grows; the
 *   floor α₀ makes a new cluster cheaper while the first clusters' counts are too thin to trust (a mixed early
 *   cluster attracts both its stories for the rest of the stream, and nothing un-mixes it).
 * - **Merges.** After a document is placed, its chosen cluster is tested against the next best candidates:
 *   a small cluster (at most DMM_SMALL_CLUSTER documents) is folded into the other when its pooled words score better
 *   there than alone (the same posterior as a join, for the whole cluster at once: a decision taken on thin counts is
 *   taken again with fuller ones); two established clusters are folded when their specificity-weighted word profiles
 *   are close (two halves of one story that started apart) and the split test below agrees that they are one. Each
 *   merge is recorded (`merges`) and old ids keep resolving (`resolve`).
 * - **Splits.** A cluster is tested, as it grows, for holding two stories (trySplit): the same posterior, for the
 *   whole cluster against two parts of it. A part that scores better on its own moves to a new cluster, recorded
 *   (`splits`, with the documents that moved).
 * - **Moves.** Before each split test, every document of the cluster is decided again, leave-one-out, by the same
 *   join score as on arrival, among the clusters sharing a word with it: a document whose cluster, as it is now,
 *   scores lower than another one moves there, recorded (`moves`). A document placed early, when its story's own
 *   cluster did not exist yet or was thin, is thus placed again with fuller counts. Documents never move otherwise:
 *   one pass, assignment final up to recorded merges, splits and moves; `clusterOf(position)` gives a document's
 *   cluster now.
 *
 * Bounded search: only clusters that share a word with d are scored (an inverted index word → clusters), plus the
 * new-cluster option; a word held by more than DMM_MAX_POSTING clusters is not used to find candidates. A cluster
 * sharing no word with d scores, against the new-cluster option,
 * (m_z / (α₀ + αD)) · Π_i (B + i − 1) / (n_z + B + i − 1): each factor of the product is below 1 and shrinks as the
 * cluster grows, so it loses to a new cluster except for a tiny cluster very early in the stream. `exhaustive: true`
 * scores every cluster instead, to measure that the shortcut changes nothing (see docs/stories.md). Merge tests cost
 * the small cluster's tokens or two bounded profiles (plus both clusters' words when the profiles are close); a split
 * test costs the cluster's tokens per seed word, and its moves the cluster's documents times their candidates, on a
 * geometric schedule. Splits keep each document's words until its
 * cluster is archived.
 */

/**
 * α: weight of "start a new cluster" per document seen (αD, as in MStream). All constants below were tuned together
 * on the first 2,000 MStream News headlines only (best NMI + B-cubed F1 there; the rest of the stream unseen by
 * tuning), then run once on all 11,109; sweeps in docs/stories.md.
 */
export const DMM_ALPHA = 0.1;

/**
 * α₀: fixed part of the new-cluster weight. On the MStream prefix 30 scored best (NMI .918 / F1 .810 there, .912 /
 * .821 on the full stream), but it is tuned to a stream of 150 concurrent stories: on a small batch, the product's
 * usual case, it leaves one headline per story (8 invented headlines of two stories gave 4 to 7 clusters, see
 * test/cluster-headlines.test.ts). 3 keeps new clusters cheaper only while the first ones are thin and groups small
 * batches; it costs .006 NMI and .016 F1 on the full stream (.906 / .805). Sweep 0-30 in docs/stories.md.
 */
export const DMM_NEW_CLUSTER_FLOOR = 3;

/**
 * β: mean prior pseudo-count of a word in a cluster (B = Vβ). Under the specificity prior 0.05 was best on the
 * prefix (0.04 and 0.06 within noise, 0.03 and 0.1 lower): more total smoothing than MStream's uniform 0.03 suits
 * it because most of the mass goes to common words, leaving a specific word's pseudo-count small.
 */
export const DMM_BETA = 0.05;

/**
 * γ: pseudo-count of clusters per word in the specificity prior, so a word no cluster holds yet keeps some prior.
 * Small, as a word never seen in any cluster should be far less likely than one a cluster holds: 0.003 to 0.1 were
 * within noise of each other on the prefix (0.3 lower), 0.01 at the top.
 */
export const DMM_SPECIFICITY_SMOOTHING = 0.01;

/** Plain MStream's α for the reference runs: the best on the prefix for it (the paper's 0.03 scores lower here). */
export const MSTREAM_ALPHA = 0.1;

/** Plain MStream's β for the reference runs: the paper's value for News, also the best on the prefix at α 0.1. */
export const MSTREAM_BETA = 0.03;

/**
 * Clusters of at most this many documents are re-decided by the whole-cluster posterior when a document touches them
 * with a larger one: three headlines are still few enough that the cluster may exist only because its first
 * document arrived before the right cluster had the words to attract it; larger clusters use the profile test.
 * 1 to 5 were within noise on the prefix, 10 lower.
 */
export const DMM_SMALL_CLUSTER = 3;

/**
 * How many runner-up candidates of each document are tested for a merge with the cluster it chose: the clusters
 * that competed for it are the ones it may show to be one story. 5 was best on the prefix; 1 and 3 find fewer of the
 * right merges, 10 no more.
 */
export const DMM_MERGE_CANDIDATES = 5;

/**
 * Words per cluster profile (its most frequent words): the core of a story, bounded whatever the cluster's size.
 * 10, 20 and 40 scored within noise of each other on the prefix; 20 keeps a story's names and its event words.
 */
export const DMM_PROFILE_WORDS = 20;

/**
 * Cosine of two established clusters' profiles (word share of documents × log(K / K_w)) from which they are one story.
 * 0.25-0.35 tied on the prefix, 0.2 merged distinct stories and 0.4 or more left halves of one apart; see
 * docs/stories.md for the sweep and the merges it makes.
 */
export const DMM_PROFILE_SIMILARITY = 0.3;

/**
 * A cluster is first tested for a split when it reaches this many documents: below it, two halves of a few headlines
 * each are too thin for the split's likelihood to mean anything.
 */
export const DMM_SPLIT_MIN_DOCUMENTS = 8;

/**
 * After a split test, the next one waits until the cluster has grown by this factor: each test costs the cluster's
 * tokens (times the seeds tried), so a geometric schedule keeps the cost per document bounded (a cluster of m
 * documents is tested about log(m) / log(growth) times in its life).
 */
export const DMM_SPLIT_GROWTH = 1.5;

/** Smallest part a split may leave on either side: fewer documents are not a story of their own yet. */
export const DMM_SPLIT_MIN_PART = 4;

/** Re-assignment rounds between the two parts after seeding a split: 2 settles nearly every document. */
export const DMM_SPLIT_ROUNDS = 2;

/**
 * A word held by more live clusters than this says nothing about which one a document belongs to: its posting is not
 * scanned for candidates. On News the most widespread word ("will") is in 55 of ~450 live clusters at the end, so this
 * bounds the cost on an endless stream without changing any result measured here.
 */
export const DMM_MAX_POSTING = 250;

/**
 * A word held by more live clusters than this does not bring a cluster in as a place a reviewed document may move to:
 * a move needs evidence specific to the cluster it goes to, and a review scores every candidate of each of the
 * cluster's documents, so common words would make it the costliest step on a long stream (generated headlines,
 * whose event words are shared by hundreds of clusters: 621 µs per headline in the last fifth of 100k with the search
 * bound of the choice, 354 with this). On News 25 and 250 give the same moves; 10 loses a few.
 */
export const DMM_MOVE_MAX_POSTING = 25;

/**
 * Documents between two sweeps for silent clusters (when `maxSilence` is set): a sweep walks the active clusters, so
 * every 500 documents keeps its cost a small fraction of the assignments while a silent story leaves the index at
 * most 500 documents late.
 */
export const DMM_SWEEP_EVERY = 500;

export interface DirichletStreamOptions {
  /** α of the new-cluster weight α₀ + αD. */
  alpha?: number;
  /** α₀ of the new-cluster weight α₀ + αD. */
  newClusterFloor?: number;
  /** "specificity" (default): Vβ spread by cluster frequency. "uniform": β for every word (MStream). */
  wordPrior?: "specificity" | "uniform";
  /** Mean prior pseudo-count per word, β (B = Vβ). */
  beta?: number;
  /** Merge clusters as described above (default true). false: plain one pass, no merge ever. */
  merges?: boolean;
  /** Split a cluster that holds two stories, as described above (default true; never with `batches`). */
  splits?: boolean;
  /** Move a document whose cluster no longer fits it best, as described above (default true; never with `batches`). */
  moves?: boolean;
  /**
   * Vocabulary size V (in Vβ and Vγ). Default: the number of distinct words seen so far, including the arriving
   * document's (known online without looking ahead). A number fixes V.
   */
  vocabularySize?: number;
  /** "argmax" (default): deterministic, the best-scoring option. "sample": draw from the posterior, seeded. */
  choice?: "argmax" | "sample";
  /** Seed of the sampler (choice "sample"); the same seed and stream give the same assignments. */
  seed?: number;
  /** Keep the current batch's documents so refineBatch can re-assign them (the MStreamF-style variant). */
  batches?: boolean;
  /** Score every live cluster, not only those sharing a word with the document (for checking the shortcut). */
  exhaustive?: boolean;
  /**
   * Time (ms, the unit of `add`'s `at`) a cluster may stay silent before it is archived: it leaves the candidate
   * index and the word prior, so an endless stream keeps a bounded index, and a headline months later about the
   * same names starts a new story. Default: never archived.
   */
  maxSilence?: number;
}

/** MStream as published (uniform prior, αD only, no merges), with the values tuned for it on the prefix. */
export const MSTREAM_OPTIONS: Readonly<DirichletStreamOptions> = {
  alpha: MSTREAM_ALPHA,
  newClusterFloor: 0,
  wordPrior: "uniform",
  beta: MSTREAM_BETA,
  merges: false,
  splits: false,
  moves: false,
};

/** One recorded merge: `from` was folded into `into` (the older id) and now resolves to it. */
export interface DirichletMerge {
  into: number;
  from: number;
  /** Documents seen when it happened (D). */
  atDocument: number;
  /** "small": whole-cluster posterior of a small cluster; "profile": similar profiles of two established clusters. */
  rule: "small" | "profile";
  /** The log-odds ("small", > 0) or the profile cosine ("profile") that passed. */
  score: number;
}

/** One recorded move: the document at stream position `document` left cluster `from` for `into`. */
export interface DirichletMove {
  document: number;
  from: number;
  into: number;
  /** Documents seen when it happened (D). */
  atDocument: number;
  /** How much better the document's join score is in `into` than in `from` (log-odds, > 0). */
  score: number;
}

/** One recorded split: `documents` (stream positions, 0-based) left cluster `from` for the new cluster `into`. */
export interface DirichletSplit {
  from: number;
  into: number;
  documents: number[];
  /** Documents seen when it happened (D). */
  atDocument: number;
  /** The word whose documents seeded the part that left. */
  seed: string;
  /** Log-odds of two clusters against one that passed (> 0). */
  score: number;
}

/** The whole state of a DirichletStream as JSON data (`serialize`, `restore`). */
export interface DirichletSnapshot {
  version: 1;
  options: DirichletStreamOptions;
  /** Newest `at` seen, or null before any. */
  clock: number | null;
  randomState: number;
  documents: number;
  seenWords: string[];
  clusters: Array<{
    documents: number;
    tokens: number;
    words: Array<[string, number]>;
    profile: string[];
    profileStale: boolean;
    lastSeen: number | null;
    archived: boolean;
    members: number[];
    nextSplitTest: number;
    refusedFolds: Array<[number, number]>;
  }>;
  mergedInto: number[];
  merges: DirichletMerge[];
  splits: DirichletSplit[];
  moves: DirichletMove[];
  placedIn: number[];
  /** Stream position → the document's words, for the documents whose words are still kept. */
  bags: Array<[number, Array<[string, number]>]>;
}

interface BatchDocument {
  bag: ReadonlyMap<string, number>;
  length: number;
  cluster: number;
}

interface Cluster {
  /** Documents in the cluster (m_z). */
  documents: number;
  /** Tokens in the cluster (n_z). */
  tokens: number;
  /** Occurrences of each word (n_z^w). */
  words: Map<string, number>;
  /** Its DMM_PROFILE_WORDS most frequent words, most frequent first (the earlier word first on a tie). */
  profile: string[];
  /** Counts fell since the profile was built (refineBatch): rebuilt from all words when next needed. */
  profileStale: boolean;
  /** Newest `at` of its documents (the stream's clock when none was given). */
  lastSeen: number;
  /** Archived for silence: out of the postings, never a candidate again. */
  archived: boolean;
  /** Stream positions of its documents (kept only when splits are on). */
  members: number[];
  /** Documents it must reach before its next split test. */
  nextSplitTest: number;
  /**
   * Live clusters whose fold into this one the split test refused → their summed documents then. The pair is tested
   * again only once it has grown by DMM_SPLIT_GROWTH: the same posterior on nearly the same counts answers the same.
   */
  refusedFolds: Map<number, number>;
}

/** Read-only view of one cluster's counts. */
export interface DirichletClusterCounts {
  documents: number;
  tokens: number;
  words: ReadonlyMap<string, number>;
}

/** One pass over a stream of token lists: each `add` returns the cluster id the document joins (0, 1, 2, ...). */
export class DirichletStream {
  readonly alpha: number;
  readonly newClusterFloor: number;
  readonly beta: number;
  readonly wordPrior: "specificity" | "uniform";
  private readonly mergesOn: boolean;
  private readonly splitsOn: boolean;
  private readonly movesOn: boolean;
  private readonly fixedVocabulary: number | undefined;
  private readonly choice: "argmax" | "sample";
  private readonly exhaustive: boolean;
  private readonly keepBatch: boolean;
  private readonly maxSilence: number | undefined;
  /** The options it was made with, kept for `serialize`. */
  private readonly options: DirichletStreamOptions;
  /** Newest `at` seen so far. */
  private clock = Number.NEGATIVE_INFINITY;
  /** Ids of the clusters neither archived nor folded, swept for silence every DMM_SWEEP_EVERY documents. */
  private readonly active = new Set<number>();
  private readonly random: SeededRandom;
  private readonly clusters: Cluster[] = [];
  /** Cluster id → the id it was folded into (itself while live); followed by `resolve`. */
  private readonly mergedInto: number[] = [];
  private readonly mergeLog: DirichletMerge[] = [];
  private readonly splitLog: DirichletSplit[] = [];
  private readonly moveLog: DirichletMove[] = [];
  /** Stream position → the cluster id the document was last put in (follow `resolve` for merges since). */
  private readonly placedIn: number[] = [];
  /** Stream position → the document's words, while its cluster may still be split (dropped when it is archived). */
  private readonly documentBags: Array<ReadonlyMap<string, number> | undefined> = [];
  /** log((k − 1)!) for k = 1, 2, ...: the Chinese-restaurant prior of a cluster of k documents, grown on demand. */
  private readonly logFactorials: number[] = [0];
  /** word → ids of the live clusters that hold it, ascending. */
  private readonly postings = new Map<string, number[]>();
  /** Σ of the postings' lengths (Σ_v K_v of the specificity prior). */
  private postingTotal = 0;
  private liveClusters = 0;
  private documentCount = 0;
  /** Distinct words seen so far (V when no fixed vocabulary size is given); never shrinks. */
  private readonly seenWords = new Set<string>();
  /** Documents of the current batch, kept only for refineBatch (one-pass use never reads them). */
  private batch: BatchDocument[] = [];

  constructor(options: DirichletStreamOptions = {}) {
    this.alpha = options.alpha ?? DMM_ALPHA;
    this.newClusterFloor = options.newClusterFloor ?? DMM_NEW_CLUSTER_FLOOR;
    this.beta = options.beta ?? DMM_BETA;
    this.wordPrior = options.wordPrior ?? "specificity";
    this.mergesOn = options.merges ?? true;
    this.fixedVocabulary = options.vocabularySize;
    this.choice = options.choice ?? "argmax";
    this.exhaustive = options.exhaustive ?? false;
    this.maxSilence = options.maxSilence;
    this.keepBatch = options.batches ?? false;
    this.splitsOn = (options.splits ?? true) && !this.keepBatch;
    this.movesOn = (options.moves ?? true) && !this.keepBatch;
    this.random = new SeededRandom((options.seed ?? 1) >>> 0);
    this.options = { ...options };
  }

  /** Documents seen so far (D). */
  get documents(): number {
    return this.documentCount;
  }

  /** Live clusters: holding at least one document and not folded into another. */
  get size(): number {
    return this.liveClusters;
  }

  /** Distinct words seen so far. */
  get vocabulary(): number {
    return this.seenWords.size;
  }

  /** Every merge so far, in order. */
  get merges(): readonly DirichletMerge[] {
    return this.mergeLog;
  }

  /** Every split so far, in order. */
  get splits(): readonly DirichletSplit[] {
    return this.splitLog;
  }

  /** Every move so far, in order. */
  get moves(): readonly DirichletMove[] {
    return this.moveLog;
  }

  /** The live cluster the document at this stream position (0-based) is in now, or undefined for an unknown one. */
  clusterOf(document: number): number | undefined {
    const placed = this.placedIn[document];
    return placed === undefined ? undefined : this.resolve(placed);
  }

  /** The live cluster an id stands for now (itself unless merges folded it); undefined for an unknown id. */
  resolve(id: number): number | undefined {
    if (!Number.isInteger(id) || id < 0 || id >= this.mergedInto.length) return undefined;
    let current = id;
    while (this.mergedInto[current] !== current) {
      const next = this.mergedInto[current] as number;
      this.mergedInto[current] = this.mergedInto[next] as number;
      current = next;
    }
    return current;
  }

  /** Counts of the cluster an id stands for now (following merges), or undefined for an unknown id. */
  counts(id: number): DirichletClusterCounts | undefined {
    const live = this.resolve(id);
    return live === undefined ? undefined : this.clusters[live];
  }

  /**
   * The whole state as plain JSON data, so that a stream saved and restored (`DirichletStream.restore`) goes on with
   * exactly the assignments, merges, splits and moves an uninterrupted one would make. Not for a stream made with
   * `batches` (its open batch is not saved).
   */
  serialize(): DirichletSnapshot {
    if (this.keepBatch) throw new Error("Unexpected serialize of a batch stream, expected a one-pass stream");
    const bags: Array<[number, Array<[string, number]>]> = [];
    this.documentBags.forEach((bag, position) => {
      if (bag !== undefined) bags.push([position, [...bag]]);
    });
    return {
      version: 1,
      options: this.options,
      clock: finiteOrNull(this.clock),
      randomState: this.random.state,
      documents: this.documentCount,
      seenWords: [...this.seenWords],
      clusters: this.clusters.map((cluster) => ({
        documents: cluster.documents,
        tokens: cluster.tokens,
        words: [...cluster.words],
        profile: [...cluster.profile],
        profileStale: cluster.profileStale,
        lastSeen: finiteOrNull(cluster.lastSeen),
        archived: cluster.archived,
        members: [...cluster.members],
        nextSplitTest: cluster.nextSplitTest,
        refusedFolds: [...cluster.refusedFolds],
      })),
      mergedInto: [...this.mergedInto],
      merges: [...this.mergeLog],
      splits: this.splitLog.map((split) => ({ ...split, documents: [...split.documents] })),
      moves: [...this.moveLog],
      placedIn: [...this.placedIn],
      bags,
    };
  }

  /** A stream that continues exactly where the serialised one stopped. */
  static restore(snapshot: DirichletSnapshot): DirichletStream {
    if (snapshot.version !== 1)
      throw new Error(`Unexpected short-text model snapshot version ${String(snapshot.version)}, expected 1`);
    const stream = new DirichletStream(snapshot.options);
    stream.clock = snapshot.clock ?? Number.NEGATIVE_INFINITY;
    stream.random.state = snapshot.randomState;
    stream.documentCount = snapshot.documents;
    for (const word of snapshot.seenWords) stream.seenWords.add(word);
    snapshot.clusters.forEach((saved, id) => {
      const cluster: Cluster = {
        documents: saved.documents,
        tokens: saved.tokens,
        words: new Map(saved.words),
        profile: [...saved.profile],
        profileStale: saved.profileStale,
        lastSeen: saved.lastSeen ?? Number.NEGATIVE_INFINITY,
        archived: saved.archived,
        members: [...saved.members],
        nextSplitTest: saved.nextSplitTest,
        refusedFolds: new Map(saved.refusedFolds),
      };
      stream.clusters.push(cluster);
      stream.mergedInto.push(snapshot.mergedInto[id] ?? id);
      // Postings, their total, the live count and the sweep set follow from the clusters, ids ascending as kept.
      if (cluster.documents === 0 || cluster.archived) return;
      stream.liveClusters += 1;
      stream.active.add(id);
      for (const word of cluster.words.keys()) {
        const posting = stream.postings.get(word);
        if (posting === undefined) stream.postings.set(word, [id]);
        else posting.push(id);
        stream.postingTotal += 1;
      }
    });
    // Loops, not push(...list): a long stream's lists are too long to spread into arguments.
    for (const merge of snapshot.merges) stream.mergeLog.push(merge);
    for (const split of snapshot.splits) stream.splitLog.push({ ...split, documents: [...split.documents] });
    for (const move of snapshot.moves) stream.moveLog.push(move);
    for (const cluster of snapshot.placedIn) stream.placedIn.push(cluster);
    stream.documentBags.length = snapshot.placedIn.length;
    for (const [position, bag] of snapshot.bags) stream.documentBags[position] = new Map(bag);
    return stream;
  }

  /**
   * Assigns one document (its tokens, in any order; repeats count) and returns its cluster id after any merge or
   * split. Its stream position is the number of documents added before it (see `clusterOf`).
   */
  add(tokens: readonly string[], at?: number): number {
    const position = this.documentCount;
    this.documentCount += 1;
    if (at !== undefined && at > this.clock) this.clock = at;
    if (this.maxSilence !== undefined && this.documentCount % DMM_SWEEP_EVERY === 0) this.archiveSilent();
    const bag = new Map<string, number>();
    for (const token of tokens) bag.set(token, (bag.get(token) ?? 0) + 1);
    for (const word of bag.keys()) this.seenWords.add(word);
    const { chosen, candidates, scores } = this.choose(bag, tokens.length);
    this.join(chosen, bag, tokens.length);
    this.placedIn.push(chosen);
    if (this.splitsOn || this.movesOn) {
      this.documentBags.push(bag);
      (this.clusters[chosen] as Cluster).members.push(position);
    }
    let id = this.mergesOn ? this.mergeAround(chosen, bag, candidates, scores) : chosen;
    const cluster = this.clusters[id] as Cluster;
    cluster.lastSeen = Math.max(cluster.lastSeen, at ?? this.clock);
    if ((this.splitsOn || this.movesOn) && cluster.documents >= cluster.nextSplitTest) {
      cluster.nextSplitTest = Math.ceil(cluster.documents * DMM_SPLIT_GROWTH);
      if (this.movesOn) this.redecideMembers(id);
      if (this.splitsOn) this.trySplit(id);
      id = this.clusterOf(position) as number;
    }
    if (this.keepBatch) this.batch.push({ bag, length: tokens.length, cluster: id });
    return id;
  }

  /**
   * Decides each document of cluster `id` again (see the file comment): taken out of the cluster, it goes to the
   * candidate sharing a word with it whose join score is highest, the cluster itself included; a tie keeps it where
   * it is. In arrival order, so a move is seen by the documents after it. Never empties the cluster. Cost: the
   * cluster's documents times their candidates.
   */
  private redecideMembers(id: number): void {
    const cluster = this.clusters[id] as Cluster;
    const total = this.priorTotal();
    const priorOf = (word: string) => this.wordPriorCount(word);
    for (const position of [...cluster.members]) {
      if (cluster.documents <= 1) return;
      const bag = this.documentBags[position] as ReadonlyMap<string, number>;
      const length = bagLength(bag);
      this.leave(id, bag, length);
      const stay = joinScore(cluster, bag, priorOf, total);
      let best = id;
      let bestScore = stay;
      for (const other of this.candidates(bag, DMM_MOVE_MAX_POSTING)) {
        if (other === id) continue;
        const score = joinScore(this.clusters[other] as Cluster, bag, priorOf, total);
        if (score > bestScore) {
          best = other;
          bestScore = score;
        }
      }
      this.join(best, bag, length);
      if (best === id) continue;
      cluster.members.splice(cluster.members.indexOf(position), 1);
      (this.clusters[best] as Cluster).members.push(position);
      this.placedIn[position] = best;
      this.moveLog.push({
        document: position,
        from: id,
        into: best,
        atDocument: this.documentCount,
        score: bestScore - stay,
      });
    }
  }

  /**
   * Tests whether cluster `id` holds two stories and, if so, moves the part that does not hold its first document out
   * to a new cluster, recorded in `splits`. For each profile word held by enough of its documents, the documents holding the
   * word seed one part and the rest the other; DMM_SPLIT_ROUNDS rounds then move each document to the part whose
   * posterior (the join score of `choose`) is higher. The best seed's two parts are kept apart when their joint
   * posterior beats the cluster's, that is when
   *
   *   log(α₀ + αD) + log Γ(m₁) + log Γ(m₂) − log Γ(m) + E(part 1) + E(part 2) − E(cluster) > 0
   *
   * with E the cluster's evidence Σ_w Σ_{j<n^w} log(b_w + j) − Σ_{i<n} log(B + i) and the Γ terms the Chinese-restaurant
   * prior that the one-pass choice itself follows (join ∝ m_z, new ∝ α₀ + αD). This is the split move of split-merge
   * samplers for Dirichlet mixtures, taken greedily: a document placed early, when its story's own cluster did not
   * exist yet, pulled a second story in after it, and one pass never lets those documents go again otherwise.
   * Cost: the cluster's tokens per seed tried; a cluster is tested at DMM_SPLIT_MIN_DOCUMENTS documents and then each
   * time it grows by DMM_SPLIT_GROWTH.
   */
  private trySplit(id: number): void {
    const cluster = this.clusters[id] as Cluster;
    if (cluster.documents < DMM_SPLIT_MIN_PART * 2) return;
    const members = cluster.members;
    const bags = members.map((position) => this.documentBags[position] as ReadonlyMap<string, number>);
    const prior = new Map<string, number>();
    const priorOf = (word: string): number => {
      let b = prior.get(word);
      if (b === undefined) {
        b = this.wordPriorCount(word);
        prior.set(word, b);
      }
      return b;
    };
    const total = this.priorTotal();
    const whole = {
      documents: cluster.documents,
      evidence: this.evidence(cluster.words, cluster.tokens, priorOf, total),
    };
    let best: { inSeed: Uint8Array; score: number; seed: string } | undefined;
    for (const seed of freshProfile(cluster).profile) {
      const inSeed = new Uint8Array(members.length);
      let held = 0;
      bags.forEach((bag, index) => {
        if (bag.has(seed)) {
          inSeed[index] = 1;
          held += 1;
        }
      });
      if (held < DMM_SPLIT_MIN_PART || members.length - held < DMM_SPLIT_MIN_PART) continue;
      const parts: [Part, Part] = [emptyPart(), emptyPart()];
      bags.forEach((bag, index) => {
        addToPart(parts[inSeed[index] as 0 | 1], bag, 1);
      });
      for (let round = 0; round < DMM_SPLIT_ROUNDS; round++) {
        bags.forEach((bag, index) => {
          const side = inSeed[index] as 0 | 1;
          const here = parts[side];
          const there = parts[1 - side] as Part;
          addToPart(here, bag, -1);
          const stay = joinScore(here, bag, priorOf, total);
          const move = joinScore(there, bag, priorOf, total);
          if (move > stay) {
            addToPart(there, bag, 1);
            inSeed[index] = 1 - side;
          } else {
            addToPart(here, bag, 1);
          }
        });
      }
      const [rest, seeded] = parts;
      if (rest.documents < DMM_SPLIT_MIN_PART || seeded.documents < DMM_SPLIT_MIN_PART) continue;
      const score = this.splitOdds(seeded, rest, whole, priorOf, total);
      if (score > 0 && (best === undefined || score > best.score)) best = { inSeed, score, seed };
    }
    if (best === undefined) return;
    // The part holding the cluster's first document keeps its id, so the story's id stays put. (A loop, not
    // Math.min(...members): a flood can make a cluster too large to spread into arguments.)
    let first = 0;
    for (let index = 1; index < members.length; index++)
      if ((members[index] as number) < (members[first] as number)) first = index;
    const leaving = 1 - (best.inSeed[first] as number);
    const into = this.open();
    const moved: number[] = [];
    const staying: number[] = [];
    members.forEach((position, index) => {
      if (best.inSeed[index] !== leaving) {
        staying.push(position);
        return;
      }
      const bag = bags[index] as ReadonlyMap<string, number>;
      const length = bagLength(bag);
      this.leave(id, bag, length);
      this.join(into, bag, length);
      this.placedIn[position] = into;
      moved.push(position);
    });
    cluster.members = staying;
    const part = this.clusters[into] as Cluster;
    part.members = moved;
    part.lastSeen = cluster.lastSeen;
    part.nextSplitTest = Math.ceil(moved.length * DMM_SPLIT_GROWTH);
    cluster.nextSplitTest = Math.ceil(staying.length * DMM_SPLIT_GROWTH);
    this.splitLog.push({
      from: id,
      into,
      documents: [...moved],
      atDocument: this.documentCount,
      seed: best.seed,
      score: best.score,
    });
  }

  /** Whether the split test's posterior agrees to fold two clusters, remembering a refusal (see `refusedFolds`). */
  private foldAgrees(a: number, b: number): boolean {
    const [older, younger] = a < b ? [a, b] : [b, a];
    const refusals = (this.clusters[older] as Cluster).refusedFolds;
    const documents = (this.clusters[a] as Cluster).documents + (this.clusters[b] as Cluster).documents;
    const refusedAt = refusals.get(younger);
    if (refusedAt !== undefined && documents < refusedAt * DMM_SPLIT_GROWTH) return false;
    if (this.foldOdds(a, b) > 0) return true;
    refusals.set(younger, documents);
    return false;
  }

  /**
   * Log-odds of two clusters being one rather than two under the same posterior as trySplit's test (its negation):
   * the profile rule folds two clusters only when this agrees, so a split is never undone by the profile rule alone.
   */
  private foldOdds(a: number, b: number): number {
    const left = this.clusters[a] as Cluster;
    const right = this.clusters[b] as Cluster;
    const prior = (word: string) => this.wordPriorCount(word);
    const total = this.priorTotal();
    const union = new Map(left.words);
    for (const [word, count] of right.words) union.set(word, (union.get(word) ?? 0) + count);
    const whole = {
      documents: left.documents + right.documents,
      evidence: this.evidence(union, left.tokens + right.tokens, prior, total),
    };
    return -this.splitOdds(left, right, whole, prior, total);
  }

  /**
   * Log-odds of two parts being two clusters rather than the one they make together (`whole`, with its evidence):
   * log(α₀ + αD) + log Γ(m₁) + log Γ(m₂) − log Γ(m) + E(part 1) + E(part 2) − E(whole), see trySplit.
   */
  private splitOdds(
    one: Readonly<Part>,
    other: Readonly<Part>,
    whole: { documents: number; evidence: number },
    priorOf: (word: string) => number,
    total: number,
  ): number {
    return (
      Math.log(this.newClusterWeight()) +
      this.logFactorial(one.documents) +
      this.logFactorial(other.documents) -
      this.logFactorial(whole.documents) +
      this.evidence(one.words, one.tokens, priorOf, total) +
      this.evidence(other.words, other.tokens, priorOf, total) -
      whole.evidence
    );
  }

  /** Evidence of a cluster's words: Σ_w Σ_{j<n^w} log(b_w + j) − Σ_{i<n} log(B + i) (see trySplit). */
  private evidence(
    words: ReadonlyMap<string, number>,
    tokens: number,
    priorOf: (word: string) => number,
    total: number,
  ): number {
    let sum = 0;
    for (const [word, count] of words) {
      const b = priorOf(word);
      for (let j = 0; j < count; j++) sum += Math.log(b + j);
    }
    for (let i = 0; i < tokens; i++) sum -= Math.log(total + i);
    return sum;
  }

  /** log((k − 1)!), the log Γ(k) of a cluster of k documents. */
  private logFactorial(documents: number): number {
    const table = this.logFactorials;
    while (table.length < documents) table.push((table[table.length - 1] as number) + Math.log(table.length));
    return table[documents - 1] as number;
  }

  /** Archives every cluster silent for longer than `maxSilence` before the newest time seen (see the option). */
  private archiveSilent(): void {
    const horizon = this.clock - (this.maxSilence as number);
    for (const id of this.active) {
      const cluster = this.clusters[id] as Cluster;
      if (this.resolve(id) !== id || cluster.documents === 0) this.active.delete(id);
      else if (cluster.lastSeen < horizon) this.archive(id);
    }
  }

  private archive(id: number): void {
    const cluster = this.clusters[id] as Cluster;
    for (const word of cluster.words.keys()) this.unpost(word, id);
    // An archived cluster is never split again: its documents' words can go.
    for (const position of cluster.members) this.documentBags[position] = undefined;
    cluster.members = [];
    cluster.archived = true;
    this.liveClusters -= 1;
    this.active.delete(id);
  }

  /**
   * Batch variant (MStreamF-style, MULTI-PASS within the batch): re-assigns every document added since the last
   * `closeBatch()`, `iterations` times in arrival order, each time taking it out of its cluster and choosing again
   * given all the others (no merges during re-assignment). Earlier batches stay frozen. Returns the batch's
   * assignments after the last iteration.
   */
  refineBatch(iterations: number): number[] {
    for (let round = 0; round < iterations; round++) {
      for (const doc of this.batch) {
        this.leave(this.resolve(doc.cluster) as number, doc.bag, doc.length);
        doc.cluster = this.choose(doc.bag, doc.length).chosen;
        this.join(doc.cluster, doc.bag, doc.length);
      }
    }
    return this.batch.map((doc) => this.resolve(doc.cluster) as number);
  }

  /** Freezes the current batch (its documents can no longer move) and returns its assignments in arrival order. */
  closeBatch(): number[] {
    const assignments = this.batch.map((doc) => this.resolve(doc.cluster) as number);
    this.batch = [];
    return assignments;
  }

  /** Prior pseudo-count b_w of one word. */
  private wordPriorCount(word: string): number {
    if (this.wordPrior === "uniform") return this.beta;
    const holders = this.postings.get(word)?.length ?? 0;
    return (
      (this.priorTotal() * (holders + DMM_SPECIFICITY_SMOOTHING)) /
      (this.postingTotal + (this.fixedVocabulary ?? this.seenWords.size) * DMM_SPECIFICITY_SMOOTHING)
    );
  }

  /** B = Σ_w b_w = Vβ. */
  private priorTotal(): number {
    return (this.fixedVocabulary ?? this.seenWords.size) * this.beta;
  }

  private newClusterWeight(): number {
    return this.newClusterFloor + this.alpha * this.documentCount;
  }

  /** The option with the best posterior score (or a sampled one), with the scored candidates for the merge step. */
  private choose(
    bag: ReadonlyMap<string, number>,
    length: number,
  ): { chosen: number; candidates: number[]; scores: Float64Array } {
    const total = this.priorTotal();
    const prior = new Map<string, number>();
    for (const word of bag.keys()) prior.set(word, this.wordPriorCount(word));

    // New cluster: log(α₀ + αD) + Σ_w Σ_j log(b_w + j − 1) − Σ_i log(B + i − 1).
    let newScore = Math.log(this.newClusterWeight());
    for (const [word, count] of bag) {
      const b = prior.get(word) as number;
      for (let j = 0; j < count; j++) newScore += Math.log(b + j);
    }
    for (let i = 0; i < length; i++) newScore -= Math.log(total + i);

    const candidates = this.candidates(bag);
    const scores = new Float64Array(candidates.length);
    const priorOf = (word: string) => prior.get(word) as number;
    for (let c = 0; c < candidates.length; c++)
      scores[c] = joinScore(this.clusters[candidates[c] as number] as Cluster, bag, priorOf, total);

    const pick = this.choice === "sample" ? this.sample(scores, newScore) : argmax(scores, newScore);
    const chosen = pick < candidates.length ? (candidates[pick] as number) : this.open();
    return { chosen, candidates, scores };
  }

  /** Live cluster ids sharing a word with the document (or all, when exhaustive), ascending: ties go to the oldest. */
  private candidates(bag: ReadonlyMap<string, number>, maxPosting = DMM_MAX_POSTING): number[] {
    if (this.exhaustive)
      return this.clusters.flatMap((cluster, id) => (cluster.documents > 0 && !cluster.archived ? [id] : []));
    const seen = new Set<number>();
    for (const word of bag.keys()) {
      const posting = this.postings.get(word);
      if (posting !== undefined && posting.length <= maxPosting) for (const id of posting) seen.add(id);
    }
    return [...seen].sort((a, b) => a - b);
  }

  /**
   * Tests the chosen cluster against the best-scoring other candidates that share a word with the document, folding
   * each that passes (see the file comment). Returns the id the document's cluster has at the end.
   */
  private mergeAround(
    chosen: number,
    bag: ReadonlyMap<string, number>,
    candidates: readonly number[],
    scores: Float64Array,
  ): number {
    const order: number[] = [];
    for (let c = 0; c < candidates.length; c++) {
      const id = candidates[c] as number;
      if (id === chosen) continue;
      const cluster = this.clusters[id] as Cluster;
      if (this.exhaustive && ![...bag.keys()].some((word) => cluster.words.has(word))) continue;
      order.push(c);
    }
    // Best score first; on a tie the older cluster, as in the choice itself.
    order.sort((x, y) => (scores[y] as number) - (scores[x] as number) || x - y);
    let id = chosen;
    for (const c of order.slice(0, DMM_MERGE_CANDIDATES)) {
      const other = this.resolve(candidates[c] as number) as number;
      if (other === id) continue;
      const mine = this.clusters[id] as Cluster;
      const theirs = this.clusters[other] as Cluster;
      if (Math.min(mine.documents, theirs.documents) <= DMM_SMALL_CLUSTER) {
        const [larger, smaller] = mine.documents >= theirs.documents ? [id, other] : [other, id];
        const odds = this.absorbOdds(larger, smaller);
        if (odds > 0) id = this.fold(id, other, "small", odds);
      } else {
        const similarity = this.profileSimilarity(id, other);
        if (similarity >= DMM_PROFILE_SIMILARITY && (!this.splitsOn || this.foldAgrees(id, other)))
          id = this.fold(id, other, "profile", similarity);
      }
    }
    return id;
  }

  /**
   * Log-odds of the smaller cluster's documents all being in the larger one rather than on their own: the join
   * posterior of one document, for the pooled words, with each of its documents weighing m_larger against α₀ + αD.
   * Cost: the smaller cluster's tokens, at most DMM_SMALL_CLUSTER documents' worth.
   */
  private absorbOdds(larger: number, smaller: number): number {
    const big = this.clusters[larger] as Cluster;
    const small = this.clusters[smaller] as Cluster;
    let odds = small.documents * (Math.log(big.documents) - Math.log(this.newClusterWeight()));
    for (const [word, count] of small.words) {
      const b = this.wordPriorCount(word);
      const held = big.words.get(word) ?? 0;
      for (let j = 0; j < count; j++) odds += Math.log(held + b + j) - Math.log(b + j);
    }
    const total = this.priorTotal();
    for (let i = 0; i < small.tokens; i++) odds += Math.log(total + i) - Math.log(big.tokens + total + i);
    return odds;
  }

  /**
   * Cosine of two clusters' profiles: each profile word weighs its share of the cluster's documents times
   * log(K / K_w) (K live clusters, K_w of them holding w), so the words that make a story (specific, in most of its
   * documents) decide and words every cluster has count for nothing. Cost: two profiles of DMM_PROFILE_WORDS words.
   */
  private profileSimilarity(a: number, b: number): number {
    const left = freshProfile(this.clusters[a] as Cluster);
    const right = freshProfile(this.clusters[b] as Cluster);
    const specificity = (word: string) => Math.log(this.liveClusters / (this.postings.get(word) as number[]).length);
    const rightWeights = new Map<string, number>();
    let rightNorm = 0;
    for (const word of right.profile) {
      const weight = ((right.words.get(word) as number) / right.documents) * specificity(word);
      rightWeights.set(word, weight);
      rightNorm += weight * weight;
    }
    let dot = 0;
    let leftNorm = 0;
    for (const word of left.profile) {
      const weight = ((left.words.get(word) as number) / left.documents) * specificity(word);
      leftNorm += weight * weight;
      dot += weight * (rightWeights.get(word) ?? 0);
    }
    return leftNorm === 0 || rightNorm === 0 ? 0 : dot / Math.sqrt(leftNorm * rightNorm);
  }

  /** Folds the younger of two live clusters into the older, records it and returns the older id. */
  private fold(a: number, b: number, rule: DirichletMerge["rule"], score: number): number {
    const into = Math.min(a, b);
    const from = Math.max(a, b);
    const keep = this.clusters[into] as Cluster;
    const gone = this.clusters[from] as Cluster;
    keep.documents += gone.documents;
    keep.tokens += gone.tokens;
    for (const [word, count] of gone.words) {
      const before = keep.words.get(word) ?? 0;
      keep.words.set(word, before + count);
      const posting = this.postings.get(word) as number[];
      posting.splice(posting.indexOf(from), 1);
      this.postingTotal -= 1;
      if (before === 0) {
        insertSorted(posting, into);
        this.postingTotal += 1;
      }
    }
    // The merged top words are among the kept profile and the folded cluster's words: any other word of the kept
    // cluster counts no more than the kept profile's last word (unless counts fell since it was built).
    if (keep.profileStale) rebuildProfile(keep, keep.words.keys());
    else rebuildProfile(keep, new Set([...keep.profile, ...gone.words.keys()]));
    keep.lastSeen = Math.max(keep.lastSeen, gone.lastSeen);
    for (const position of gone.members) keep.members.push(position);
    this.clusters[from] = {
      documents: 0,
      tokens: 0,
      words: new Map(),
      profile: [],
      profileStale: false,
      lastSeen: gone.lastSeen,
      archived: false,
      members: [],
      nextSplitTest: DMM_SPLIT_MIN_DOCUMENTS,
      refusedFolds: new Map(),
    };
    this.active.delete(from);
    this.mergedInto[from] = into;
    this.liveClusters -= 1;
    this.mergeLog.push({ into, from, atDocument: this.documentCount, rule, score });
    return into;
  }

  private open(): number {
    this.clusters.push({
      documents: 0,
      tokens: 0,
      words: new Map(),
      profile: [],
      profileStale: false,
      lastSeen: this.clock,
      archived: false,
      members: [],
      nextSplitTest: DMM_SPLIT_MIN_DOCUMENTS,
      refusedFolds: new Map(),
    });
    this.active.add(this.clusters.length - 1);
    this.mergedInto.push(this.clusters.length - 1);
    return this.clusters.length - 1;
  }

  private join(id: number, bag: ReadonlyMap<string, number>, length: number): void {
    const cluster = this.clusters[id] as Cluster;
    if (cluster.documents === 0) this.liveClusters += 1;
    cluster.documents += 1;
    cluster.tokens += length;
    for (const [word, count] of bag) {
      const before = cluster.words.get(word) ?? 0;
      cluster.words.set(word, before + count);
      if (!cluster.profileStale) raiseInProfile(cluster, word);
      if (before === 0) {
        const posting = this.postings.get(word);
        // Ids arrive in no particular order here; keep each posting ascending for deterministic candidate order.
        if (posting === undefined) this.postings.set(word, [id]);
        else insertSorted(posting, id);
        this.postingTotal += 1;
      }
    }
  }

  private leave(id: number, bag: ReadonlyMap<string, number>, length: number): void {
    const cluster = this.clusters[id] as Cluster;
    cluster.documents -= 1;
    cluster.tokens -= length;
    if (cluster.documents === 0) this.liveClusters -= 1;
    for (const [word, count] of bag) {
      const after = (cluster.words.get(word) as number) - count;
      if (after > 0) {
        cluster.words.set(word, after);
        continue;
      }
      cluster.words.delete(word);
      this.unpost(word, id);
    }
    // Counts fell, so a word outside the profile may now belong in it (refineBatch only, never on the one-pass path).
    cluster.profileStale = true;
  }

  /** Takes cluster `id` out of the posting of `word` (a word it holds), dropping a posting left empty. */
  private unpost(word: string, id: number): void {
    const posting = this.postings.get(word) as number[];
    posting.splice(posting.indexOf(id), 1);
    this.postingTotal -= 1;
    if (posting.length === 0) this.postings.delete(word);
  }

  /** Draws an option from the normalised posterior (index = candidates.length means a new cluster). */
  private sample(scores: Float64Array, newScore: number): number {
    let top = newScore;
    for (const s of scores) if (s > top) top = s;
    let total = Math.exp(newScore - top);
    for (const s of scores) total += Math.exp(s - top);
    let r = this.random.next() * total;
    for (let c = 0; c < scores.length; c++) {
      r -= Math.exp((scores[c] as number) - top);
      if (r < 0) return c;
    }
    return scores.length;
  }
}

/** Best option; an existing cluster wins ties against a new one, and the oldest cluster wins ties between clusters. */
function argmax(scores: Float64Array, newScore: number): number {
  let best = scores.length;
  let bestScore = newScore;
  for (let c = 0; c < scores.length; c++) {
    if ((scores[c] as number) >= bestScore && (best === scores.length || (scores[c] as number) > bestScore)) {
      best = c;
      bestScore = scores[c] as number;
    }
  }
  return best;
}

/**
 * Keeps the profile the cluster's most frequent words after one word's count rose: counts only rise on this path, so
 * a word outside the profile can enter only by passing the last one. Cost: the profile's length.
 */
function raiseInProfile(cluster: Cluster, word: string): void {
  const profile = cluster.profile;
  const count = cluster.words.get(word) as number;
  let at = profile.indexOf(word);
  if (at < 0) {
    if (profile.length < DMM_PROFILE_WORDS) {
      profile.push(word);
    } else if (count > (cluster.words.get(profile[profile.length - 1] as string) as number)) {
      profile[profile.length - 1] = word;
    } else {
      return;
    }
    at = profile.length - 1;
  }
  while (at > 0 && (cluster.words.get(profile[at - 1] as string) as number) < count) {
    profile[at] = profile[at - 1] as string;
    at -= 1;
  }
  profile[at] = word;
}

/** Recomputes the profile from the given words (those that can be in it), most frequent first, stable on ties. */
function rebuildProfile(cluster: Cluster, words: Iterable<string>): void {
  cluster.profile = [...words]
    .filter((word) => cluster.words.has(word))
    .sort((a, b) => (cluster.words.get(b) as number) - (cluster.words.get(a) as number))
    .slice(0, DMM_PROFILE_WORDS);
  cluster.profileStale = false;
}

/** The cluster, its profile rebuilt first if counts fell since it was built. */
function freshProfile(cluster: Cluster): Cluster {
  if (cluster.profileStale) rebuildProfile(cluster, cluster.words.keys());
  return cluster;
}

function insertSorted(list: number[], value: number): void {
  let i = list.length;
  while (i > 0 && (list[i - 1] as number) > value) i--;
  list.splice(i, 0, value);
}

/**
 * mulberry32: a small, fast, seedable generator; enough for sampling cluster choices reproducibly. Its whole state is
 * one number, so a serialised stream samples on exactly as it would have.
 */
class SeededRandom {
  constructor(public state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

/** Tokens in a document's bag of words, repeats counted. */
function bagLength(bag: ReadonlyMap<string, number>): number {
  let length = 0;
  for (const count of bag.values()) length += count;
  return length;
}

/** Counts of one side of a split being tested. */
interface Part {
  documents: number;
  tokens: number;
  words: Map<string, number>;
}

function emptyPart(): Part {
  return { documents: 0, tokens: 0, words: new Map() };
}

/** Adds (sign 1) or takes out (sign −1) one document's words. */
function addToPart(part: Part, bag: ReadonlyMap<string, number>, sign: 1 | -1): void {
  part.documents += sign;
  for (const [word, count] of bag) {
    part.tokens += sign * count;
    const after = (part.words.get(word) ?? 0) + sign * count;
    if (after === 0) part.words.delete(word);
    else part.words.set(word, after);
  }
}

/**
 * Log join score of one document in a cluster or a part of one (−∞ when empty): m_z · Π_w Π_j (n_z^w + b_w + j − 1)
 * / Π_i (n_z + B + i − 1), the weight of `choose`, also used by moves and by the split test's rounds.
 */
function joinScore(
  part: Readonly<Part>,
  bag: ReadonlyMap<string, number>,
  priorOf: (word: string) => number,
  total: number,
): number {
  if (part.documents === 0) return Number.NEGATIVE_INFINITY;
  let score = Math.log(part.documents);
  let length = 0;
  for (const [word, count] of bag) {
    const held = (part.words.get(word) ?? 0) + priorOf(word);
    for (let j = 0; j < count; j++) score += Math.log(held + j);
    length += count;
  }
  const base = part.tokens + total;
  for (let i = 0; i < length; i++) score -= Math.log(base + i);
  return score;
}

/** JSON has no infinity: the clocks' "never" is saved as null. */
function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
