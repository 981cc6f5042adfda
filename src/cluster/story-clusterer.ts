import { createHash } from "node:crypto";
import type { Article } from "../model/article.js";
import { collectArticleTerms } from "./article-terms.js";
import {
  ARCHIVE_AFTER_MS,
  ARCHIVE_SWEEP_EVERY,
  CENTROID_WEIGHT_CAP,
  CROSS_LANGUAGE_ENTITY_OVERLAP,
  CROSS_LANGUAGE_MIN_SHARED_ENTITIES,
  DUPLICATE_CENTROID_CAP,
  ENTITY_BACKED_JOIN_SIMILARITY,
  ENTITY_JOIN_MIN_SHARED,
  ENTITY_JOIN_OVERLAP,
  JOIN_SIMILARITY,
  MAX_ARTICLE_TERMS,
  MAX_CANDIDATES,
  MAX_CENTROID_TERMS,
  MAX_POSTINGS_SCANNED,
  MAX_QUERY_TERMS,
  MERGE_SIMILARITY,
  NORM_REFRESH_GROWTH,
  SAME_HEADLINE_MIN_TOKENS,
  SAME_HEADLINE_SIMILARITY,
  SHORT_JOIN_SIMILARITY,
  SHORT_MERGE_SIMILARITY,
  VOCABULARY_SOFT_CAP,
} from "./cluster-params.js";
import type { ClustererSnapshot, MergeRecord, MoveRecord, StorySnapshot } from "./clusterer-snapshot.js";
import { effectiveTime } from "./effective-time.js";
import { requiredSimilarity } from "./story-aging.js";
import { CENTROID_BLOCK, StoryIndex } from "./story-index.js";
import { ArticleTermIds, TermStatistics } from "./term-statistics.js";
import { textHash } from "./text-hash.js";

/** What the caller knows about an article beyond its fields. */
export interface ArticleFeatures {
  /** Entity keys from the entities stage (resolved ids or normalised names); replace the capitalised-word fallback. */
  entities?: readonly string[];
  /** When the stream delivered the article (ISO or epoch ms); default: the clusterer's clock. */
  arrivedAt?: string | number;
}

export interface Assignment {
  storyId: string;
  created: boolean;
  /** Stories folded into `storyId` because this article showed they are one. */
  mergedStoryIds?: string[];
  /** Why the article went where it went, in words. */
  reason: string;
  /** Cosine to the story joined (1 for an identical copy, 0 for a new story). */
  similarity: number;
  /** Problems with the article's input that the clusterer worked around (a missing or future date). */
  notes: string[];
}

export interface StorySummary {
  id: string;
  articleIds: string[];
  firstSeen: string;
  lastSeen: string;
  outlets: string[];
  archived: boolean;
}

export interface ClustererOptions {
  /** Arrival time of an article without `arrivedAt`, in epoch ms. Default: Date.now. */
  now?: () => number;
  /** Overrides of the similarity bars, for experiments (eval sweeps); defaults in cluster-params.ts. */
  thresholds?: Partial<Thresholds>;
}

export interface Thresholds {
  join: number;
  shortJoin: number;
  merge: number;
  shortMerge: number;
  /** Cosine and entity overlap coefficient of the entity-backed join (ENTITY_BACKED_JOIN_SIMILARITY, ENTITY_JOIN_OVERLAP). */
  entityJoin: number;
  entityOverlap: number;
  /** Shared entity terms the entity-backed join needs at least (ENTITY_JOIN_MIN_SHARED). */
  entityMinShared: number;
}

interface StoryState {
  seq: number;
  id: string;
  /** Article ids of a live or merged story; an archived story keeps them in `packed` instead. */
  articleIds: string[];
  /** An archived story's article ids joined by ID_SEPARATOR: one string instead of one per article. */
  packed: string | null;
  /**
   * The story's centroid block in the index while it is live (-1 after): term id → mass, a capped moving sum of unit
   * article vectors (IDF applied at comparison time).
   */
  block: number;
  /** Articles counted into the centroid, at most CENTROID_WEIGHT_CAP. */
  weight: number;
  firstSeen: number;
  lastSeen: number;
  language: string | null;
  outlets: string[];
  /** Text hash → copies seen, for the flood rule; dropped when the story leaves the index. */
  hashes: Map<string, number>;
  /** Articles with a body (not one-liners): a story of headlines merges at the headline bar. */
  fullArticles: number;
  /** Headline keys this story owns in the same-headline table. */
  titles: string[];
  live: boolean;
  mergedInto: string | null;
  /** Centroid norm under the IDF of `normAt` documents; recomputed when stale (-1: never). */
  norm: number;
  normAt: number;
}

/**
 * An article's weighted terms as parallel arrays (term ids, unit weights), in the order the sums run; the first
 * `size` entries count. One is reused for every article: nothing of it outlives `add()`.
 */
interface TermVector {
  size: number;
  ids: Int32Array;
  weights: Float64Array;
  /** IDF of each term when the vector was made: candidate search reads it instead of taking the log again. */
  idfs: Float64Array;
}

/** Numbers per 64-byte cache line: small integers take 4 bytes in a V8 array (pointer compression), doubles 8. */
const TERMS_PER_LINE = 16;
const MASSES_PER_LINE = 8;

/** Archived and merged stories never change again: they share these instead of holding empty ones of their own. */
const NO_HASHES: Map<string, number> = new Map();
const NO_IDS: string[] = Object.freeze([]) as unknown as string[];

/** Joins an archived story's article ids; cannot occur in an id (ids are hashes or file names). */
const ID_SEPARATOR = "\u0000";

interface Candidate {
  story: StoryState;
  similarity: number;
  margin: number;
}

/**
 * Online story clustering: each article joins the most similar live story (TF-IDF cosine against capped story
 * centroids, found through an inverted index) or starts one. Deterministic: the same articles in the same order
 * give the same stories, also across serialize()/restore(). See docs/stories.md.
 */
export class StoryClusterer {
  readonly #now: () => number;
  readonly #thresholds: Thresholds;
  #stats = new TermStatistics();
  /** The terms of the article being added, as interned ids: reused. */
  #articleTerms = new ArticleTermIds(this.#stats);
  #index = new StoryIndex();
  #stories: StoryState[] = [];
  /** Seqs of live stories, in creation order: the archive sweep reads these, not every story ever made. */
  #live: number[] = [];
  #byId = new Map<string, StoryState>();
  /**
   * Article id → story seq (current story, after merges) for articles of live stories only. An archived story's
   * articles leave this map (its ids stay packed in the story) and only a 64-bit fingerprint of each id stays, in
   * `#archivedIds`, so the map is bounded by the live window and not by the corpus.
   */
  #assignments = new Map<string, number>();
  #archivedIds = new IdFingerprints();
  /** Text hash → story seq of the first copy, for live stories. */
  #hashOwner = new Map<string, number>();
  /** Normalised headline → story seq of its first article, for live stories (syndicated headlines). */
  #titleOwner = new Map<string, number>();
  #merges: MergeRecord[] = [];
  /** Partial dot per centroid block during one candidate search; all zero between searches. */
  #scratch = new Float64Array(1024);
  /** Blocks touched by one candidate search, and weight × IDF² per query term: reused, never reallocated. */
  #touched: number[] = [];
  #queryScaled = new Float64Array(MAX_ARTICLE_TERMS);
  /** The best partial dots of one search (seq and dot, best first), and the query terms searched: reused. */
  #topSeqs = new Int32Array(MAX_CANDIDATES);
  #topDots = new Float64Array(MAX_CANDIDATES);
  #searchable = new Int32Array(MAX_QUERY_TERMS);
  #vector: TermVector = {
    size: 0,
    ids: new Int32Array(MAX_ARTICLE_TERMS),
    weights: new Float64Array(MAX_ARTICLE_TERMS),
    idfs: new Float64Array(MAX_ARTICLE_TERMS),
  };
  /** Every term of one article (1 + ln tf, IDF, their product) before the heaviest are kept; grown on demand. */
  #articleWeights = new Float64Array(256);
  #articleIdfs = new Float64Array(256);
  #articleScaled = new Float64Array(256);
  #kept = new Int32Array(Math.max(MAX_ARTICLE_TERMS, MAX_CENTROID_TERMS));
  /** Query terms marked in one candidate search: the centroid mass met for each, and whether one was met. */
  #matchedMass = new Float64Array(MAX_ARTICLE_TERMS);
  #matched = new Uint8Array(MAX_ARTICLE_TERMS);
  /** 1 where a query term is an entity: read per matched term instead of the vocabulary-wide table. */
  #queryEntity = new Uint8Array(MAX_ARTICLE_TERMS);
  /** Centroid positions dropped by one prune, and the ranking of its terms: reused. */
  #dropped = new Uint8Array(MAX_CENTROID_TERMS + MAX_ARTICLE_TERMS);
  #rankKeys = new Float64Array(MAX_CENTROID_TERMS + MAX_ARTICLE_TERMS);
  #moves: MoveRecord[] = [];
  #added = 0;
  /** The newest effective time seen: the stream's "now" for archiving. */
  #clock = Number.NEGATIVE_INFINITY;

  constructor(options: ClustererOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#thresholds = {
      join: JOIN_SIMILARITY,
      shortJoin: SHORT_JOIN_SIMILARITY,
      merge: MERGE_SIMILARITY,
      shortMerge: SHORT_MERGE_SIMILARITY,
      entityJoin: ENTITY_BACKED_JOIN_SIMILARITY,
      entityOverlap: ENTITY_JOIN_OVERLAP,
      entityMinShared: ENTITY_JOIN_MIN_SHARED,
      ...options.thresholds,
    };
  }

  add(article: Article, features: ArticleFeatures = {}): Assignment {
    const known = this.storyOf(article.id);
    if (known !== null) return { storyId: known, created: false, reason: "already added", similarity: 1, notes: [] };
    this.#added++;
    const arrivedAt = parseArrival(features.arrivedAt) ?? this.#now();
    const { time, note } = effectiveTime(article.publishedAt, arrivedAt);
    const notes = note === null ? [] : [note];
    this.#clock = Math.max(this.#clock, time);
    const terms = this.#articleTerms;
    terms.reset();
    const oneLiner = collectArticleTerms(article, features.entities, terms);
    const vector = this.#unitVector(terms);
    const title = this.#titleKey(terms.titleIds);
    const hash = terms.count === 0 ? null : textHash(article.title, article.text);

    let assignment: Assignment;
    const copyOf = hash === null ? undefined : this.#hashOwner.get(hash);
    if (copyOf !== undefined && hash !== null) {
      const story = this.#stories[copyOf] as StoryState;
      const copies = (story.hashes.get(hash) ?? 0) + 1;
      story.hashes.set(hash, copies);
      this.#attach(story, article, time, copies <= DUPLICATE_CENTROID_CAP ? vector : null, oneLiner, title);
      assignment = {
        storyId: story.id,
        created: false,
        reason:
          copies <= DUPLICATE_CENTROID_CAP
            ? "identical text to an article of this story"
            : `identical text to an article of this story (copy ${copies}: not counted in the centroid)`,
        similarity: 1,
        notes,
      };
    } else {
      const base = oneLiner ? this.#thresholds.shortJoin : this.#thresholds.join;
      const sameTitle = title === null || oneLiner ? undefined : this.#titleOwner.get(title);
      const candidates = this.#bestCandidates(
        vector,
        time,
        base,
        article.language,
        MAX_QUERY_TERMS,
        sameTitle,
        oneLiner ? null : this.#thresholds.entityJoin,
      );
      const best = candidates[0];
      if (best === undefined) {
        const story = this.#createStory(article, time);
        if (hash !== null) this.#remember(story, hash);
        this.#attach(story, article, time, vector, oneLiner, title);
        assignment = {
          storyId: story.id,
          created: true,
          reason: vector.size === 0 ? "no content words: a story of its own" : "no live story similar enough",
          similarity: 0,
          notes,
        };
      } else {
        const story = best.story;
        if (hash !== null) this.#remember(story, hash);
        this.#attach(story, article, time, vector, oneLiner, title);
        const merged = this.#mergeBridged(
          story,
          candidates.slice(1).map((candidate) => candidate.story),
        );
        const target = this.#resolve(story);
        assignment = {
          storyId: target.id,
          created: false,
          reason: `cosine ${best.similarity.toFixed(3)} to the story centroid (needed ${(best.similarity - best.margin).toFixed(3)}${oneLiner ? ", one-line article" : ""})`,
          similarity: best.similarity,
          notes,
          ...(merged.length > 0 ? { mergedStoryIds: merged } : {}),
        };
      }
    }
    if (this.#added % ARCHIVE_SWEEP_EVERY === 0) {
      this.#archiveStale();
      if (this.#stats.size > VOCABULARY_SOFT_CAP) this.#stats.forgetSingletons((id) => this.#index.has(id));
    }
    return assignment;
  }

  /** The story an article is in now (after merges), or null when it was never added. */
  storyOf(articleId: string): string | null {
    const seq = this.#assignments.get(articleId);
    if (seq !== undefined) return (this.#stories[seq] as StoryState).id;
    if (!this.#archivedIds.has(articleId)) return null;
    // Rare (a re-sent old article, or a hash collision): a scan of the packed archive is cheap enough.
    const needle = ID_SEPARATOR + articleId + ID_SEPARATOR;
    for (const story of this.#stories) if (story.packed?.includes(needle)) return story.id;
    return null;
  }

  /** Every story that holds articles now (merged-away stories are gone), in creation order. */
  stories(): StorySummary[] {
    return this.#stories.filter((story) => story.mergedInto === null).map(summarise);
  }

  story(id: string): StorySummary | null {
    const story = this.#byId.get(id);
    return story === undefined ? null : summarise(this.#resolve(story));
  }

  get merges(): readonly MergeRecord[] {
    return this.#merges;
  }

  get moves(): readonly MoveRecord[] {
    return this.#moves;
  }

  /** Sizes that show the state stays bounded: live stories and indexed terms. */
  stats(): { articles: number; stories: number; liveStories: number; indexedTerms: number; vocabulary: number } {
    return {
      articles: this.#added,
      stories: this.#stories.filter((story) => story.mergedInto === null).length,
      liveStories: this.#stories.filter((story) => story.live).length,
      indexedTerms: this.#index.terms,
      vocabulary: this.#stats.size,
    };
  }

  serialize(): ClustererSnapshot {
    return {
      version: 1,
      added: this.#added,
      clock: Number.isFinite(this.#clock) ? this.#clock : null,
      documents: this.#stats.documents,
      df: this.#stats.entries(),
      stories: this.#stories.map(
        (story): StorySnapshot => ({
          id: story.id,
          articleIds: articleIdsOf(story),
          centroid: this.#centroidEntries(story),
          weight: story.weight,
          firstSeen: story.firstSeen,
          lastSeen: story.lastSeen,
          language: story.language,
          outlets: story.outlets,
          hashes: [...story.hashes],
          fullArticles: story.fullArticles,
          titles: story.titles,
          live: story.live,
          mergedInto: story.mergedInto,
          norm: story.norm,
          normAt: story.normAt,
        }),
      ),
      merges: this.#merges,
      moves: this.#moves,
    };
  }

  /** A clusterer that continues exactly where the serialised one stopped. */
  static restore(snapshot: ClustererSnapshot, options: ClustererOptions = {}): StoryClusterer {
    if (snapshot.version !== 1)
      throw new Error(`Unexpected clusterer snapshot version ${snapshot.version}, expected 1`);
    const clusterer = new StoryClusterer(options);
    clusterer.#added = snapshot.added;
    clusterer.#clock = snapshot.clock ?? Number.NEGATIVE_INFINITY;
    clusterer.#stats.documents = snapshot.documents;
    for (const [term, df] of snapshot.df) clusterer.#stats.load(term, df);
    snapshot.stories.forEach((saved, seq) => {
      const story: StoryState = {
        seq,
        id: saved.id,
        articleIds: [...saved.articleIds],
        packed: null,
        block: -1,
        weight: saved.weight,
        firstSeen: saved.firstSeen,
        lastSeen: saved.lastSeen,
        language: saved.language,
        outlets: [...saved.outlets],
        hashes: new Map(saved.hashes),
        fullArticles: saved.fullArticles,
        titles: [...saved.titles],
        live: saved.live,
        mergedInto: saved.mergedInto,
        norm: saved.norm,
        normAt: saved.normAt,
      };
      const terms = saved.centroid.map(([term]) => clusterer.#stats.intern(term));
      const masses = saved.centroid.map(([, mass]) => mass);
      // Only live stories hold a centroid (archived and merged ones are saved with none).
      if (story.live) {
        if (terms.length > CENTROID_BLOCK)
          throw new Error(`Unexpected centroid of ${terms.length} terms, expected at most ${CENTROID_BLOCK}`);
        story.block = clusterer.#index.open(seq);
        clusterer.#index.accumulate(story.block, terms, masses);
        clusterer.#live.push(seq);
      }
      clusterer.#stories.push(story);
      clusterer.#byId.set(story.id, story);
      if (!story.live && story.mergedInto === null) clusterer.#pack(story);
      else if (story.mergedInto === null) for (const id of story.articleIds) clusterer.#assignments.set(id, seq);
      if (story.live) {
        for (const hash of story.hashes.keys()) clusterer.#hashOwner.set(hash, seq);
        for (const title of story.titles) clusterer.#titleOwner.set(title, seq);
      }
    });
    clusterer.#merges = [...snapshot.merges];
    clusterer.#moves = [...snapshot.moves];
    return clusterer;
  }

  /** Weights (1 + ln tf), scaled so the article has length 1 under the current IDF. Counts the document in df. */
  #unitVector(terms: ArticleTermIds): TermVector {
    const stats = this.#stats;
    const count = terms.count;
    if (this.#articleWeights.length < count) {
      this.#articleWeights = new Float64Array(count * 2);
      this.#articleIdfs = new Float64Array(count * 2);
      this.#articleScaled = new Float64Array(count * 2);
    }
    const all = terms.ids;
    stats.addDocument(all, count);
    const weight = this.#articleWeights;
    const idf = this.#articleIdfs;
    const scaled = this.#articleScaled;
    for (let i = 0; i < count; i++) {
      const w = 1 + Math.log(terms.weights[i] as number);
      const termIdf = stats.idf(all[i] as number);
      weight[i] = w;
      idf[i] = termIdf;
      scaled[i] = w * termIdf;
    }
    // Only the heaviest terms (weight × IDF): the tail of a long article adds cost to every comparison, not meaning.
    // An article within the limit keeps its terms in first-seen order; a longer one, heaviest first.
    const order = this.#kept;
    let size = count;
    if (count > MAX_ARTICLE_TERMS) size = stats.heaviestFirst(scaled, all, count, MAX_ARTICLE_TERMS, order);
    else for (let k = 0; k < count; k++) order[k] = k;
    let norm = 0;
    for (let k = 0; k < size; k++) norm += (scaled[order[k] as number] as number) ** 2;
    norm = Math.sqrt(norm);
    const vector = this.#vector;
    vector.size = size;
    for (let k = 0; k < size; k++) {
      const index = order[k] as number;
      vector.ids[k] = all[index] as number;
      vector.weights[k] = norm > 0 ? (weight[index] as number) / norm : (weight[index] as number);
      vector.idfs[k] = idf[index] as number;
    }
    return vector;
  }

  /**
   * Live stories the query vector may join, best margin first. Reads the posting lists of the query's heaviest
   * terms only, skipping lists so long that the term is a stop word for this stream: cost is bounded per article.
   */
  #bestCandidates(
    query: TermVector,
    time: number,
    base: number,
    language: string | null,
    queryTerms: number,
    sameHeadline?: number,
    entityBar: number | null = null,
  ): Candidate[] {
    const stats = this.#stats;
    const size = query.size;
    // weight × IDF² per query term, in reused scratch (a query has at most MAX_ARTICLE_TERMS terms): the exact
    // cosines below read it once per candidate, and nothing is allocated per term.
    const queryScaled = this.#queryScaled;
    const searchable = this.#searchable;
    const queryEntity = this.#queryEntity;
    let searched = 0;
    let queryNorm = 0;
    let queryEntities = 0;
    for (let i = 0; i < size; i++) {
      const id = query.ids[i] as number;
      const weight = query.weights[i] as number;
      const squared = (query.idfs[i] as number) ** 2;
      queryScaled[i] = weight * squared;
      queryNorm += weight * weight * squared;
      const entity = stats.isEntity(id);
      queryEntity[i] = entity ? 1 : 0;
      if (entity) queryEntities++;
      // A term seen in one document only (this one) has no postings: skip it instead of wasting a query slot.
      // The heaviest `queryTerms` are kept, best first (ties: term order), by insertion into a short sorted list.
      if (stats.df(id) > 1)
        searched = insertSearchable(searchable, searched, queryTerms, i, query.ids, queryScaled, stats);
    }
    queryNorm = Math.sqrt(queryNorm);
    if (queryNorm === 0) return [];
    // Dense scratch indexed by centroid block (a few thousand live stories): much cheaper than a Map for the
    // thousands of postings read, and small enough to stay in cache.
    const index = this.#index;
    if (this.#scratch.length < index.blocks) this.#scratch = new Float64Array(index.blocks * 2);
    const dots = this.#scratch;
    const touched = this.#touched;
    touched.length = 0;
    const blocks = index.postingBlocks;
    const masses = index.postingMasses;
    for (let k = 0; k < searched; k++) {
      const i = searchable[k] as number;
      const term = query.ids[i] as number;
      const length = index.runLength(term);
      if (length === 0 || length > MAX_POSTINGS_SCANNED) continue;
      const weight = queryScaled[i] as number;
      const start = index.runStart(term);
      for (let entry = start; entry < start + length; entry++) {
        const block = blocks[entry] as number;
        const dot = dots[block] as number;
        if (dot === 0) touched.push(block);
        dots[block] = dot + weight * (masses[entry] as number);
      }
    }
    const topSeqs = this.#topSeqs;
    const found = topByDot(dots, touched, this.#topDots, topSeqs, index);
    for (let k = 0; k < touched.length; k++) dots[touched[k] as number] = 0;
    // The partial dot (heaviest terms only) picks the candidates; the exact cosine over all terms decides.
    const shortlist: number[] = [];
    for (let k = 0; k < found; k++) shortlist.push(topSeqs[k] as number);
    if (sameHeadline !== undefined && !shortlist.includes(sameHeadline)) shortlist.push(sameHeadline);
    const candidates: Candidate[] = [];
    this.#touchCentroids(shortlist);
    // The query's terms are marked once; each candidate's centroid is then read in order against the marks.
    index.mark(query.ids, size);
    const centroidTerms = index.centroidTerms;
    const centroidMasses = index.centroidMasses;
    const matchedMass = this.#matchedMass;
    const matched = this.#matched;
    for (const seq of shortlist) {
      const story = this.#stories[seq] as StoryState;
      if (!story.live) continue;
      let shared = 0;
      const first = story.block * CENTROID_BLOCK;
      const end = first + (index.centroidSizes[story.block] as number);
      for (let at = first; at < end; at++) {
        const i = index.positionOf(centroidTerms[at] as number);
        if (i < 0) continue;
        matched[i] = 1;
        matchedMass[i] = centroidMasses[at] as number;
        shared += queryEntity[i] as number;
      }
      // Summed in query order, as looking each query term up in the centroid would.
      let dot = 0;
      for (let i = 0; i < size; i++) {
        if (matched[i] === 0) continue;
        dot += (queryScaled[i] as number) * (matchedMass[i] as number);
        matched[i] = 0;
      }
      const similarity = dot / (queryNorm * this.#norm(story));
      if (language !== null && story.language !== null && language !== story.language) {
        // Words do not match across languages but names do: only strong entity overlap counts.
        if (shared < CROSS_LANGUAGE_MIN_SHARED_ENTITIES) continue;
        const overlap = this.#entityOverlap(shared, queryEntities, story);
        const needed = requiredSimilarity(CROSS_LANGUAGE_ENTITY_OVERLAP, time, story.firstSeen, story.lastSeen);
        if (overlap < needed) continue;
        candidates.push({ story, similarity: overlap, margin: overlap - needed });
        continue;
      }
      // The same headline is strong evidence (syndication, one wire story): a low bar guards only against
      // generic headlines ("Live updates") over unrelated texts.
      const bar = seq === sameHeadline ? Math.min(base, SAME_HEADLINE_SIMILARITY) : base;
      let needed = requiredSimilarity(bar, time, story.firstSeen, story.lastSeen);
      if (similarity < needed && entityBar !== null) {
        // Reports of one event in different words still name the same people and places.
        const lower = requiredSimilarity(entityBar, time, story.firstSeen, story.lastSeen);
        if (
          similarity >= lower &&
          this.#entityOverlap(shared, queryEntities, story) >= this.#thresholds.entityOverlap &&
          shared >= this.#thresholds.entityMinShared
        )
          needed = lower;
      }
      if (similarity < needed) continue;
      candidates.push({ story, similarity, margin: similarity - needed });
    }
    index.unmark(query.ids, size);
    return candidates.sort((a, b) => b.margin - a.margin || a.story.seq - b.story.seq);
  }

  /**
   * Reads one number per cache line of each shortlisted centroid before any is scored. The reads do not depend on
   * one another, so the processor fetches the centroids from memory in parallel; scored one after another, each
   * centroid's misses were waited out in turn (the scoring loop was most of the cost of candidate search).
   */
  #touchCentroids(shortlist: readonly number[]): number {
    const index = this.#index;
    let sum = 0;
    for (const seq of shortlist) {
      const block = (this.#stories[seq] as StoryState).block;
      if (block < 0) continue;
      const base = block * CENTROID_BLOCK;
      const end = base + (index.centroidSizes[block] as number);
      for (let at = base; at < end; at += TERMS_PER_LINE) sum += index.centroidTerms[at] as number;
      for (let at = base; at < end; at += MASSES_PER_LINE) sum += index.centroidMasses[at] as number;
    }
    return sum;
  }

  /** The story's centroid as [term, mass] pairs, in order (empty once it left search). */
  #centroidEntries(story: StoryState): Array<[string, number]> {
    const entries: Array<[string, number]> = [];
    if (story.block < 0) return entries;
    const base = story.block * CENTROID_BLOCK;
    const size = this.#index.centroidSizes[story.block] as number;
    for (let at = base; at < base + size; at++)
      entries.push([
        this.#stats.term(this.#index.centroidTerms[at] as number),
        this.#index.centroidMasses[at] as number,
      ]);
    return entries;
  }

  /**
   * Entity overlap between an article and a story, given the entity terms they share and the article's: shared over
   * the entity terms of the smaller side (overlap coefficient). Not a cosine: German capitalises every noun, so an
   * article's "entities" in another language include words the story can never have; what matters is that the names
   * it does share are most of them.
   */
  #entityOverlap(shared: number, queryEntities: number, story: StoryState): number {
    if (shared === 0) return 0;
    let storyEntities = 0;
    const base = story.block * CENTROID_BLOCK;
    const end = base + (this.#index.centroidSizes[story.block] as number);
    for (let at = base; at < end; at++)
      if (this.#stats.isEntity(this.#index.centroidTerms[at] as number)) storyEntities++;
    return shared / Math.min(queryEntities, storyEntities);
  }

  #norm(story: StoryState): number {
    if (story.normAt < 0 || this.#stats.documents > story.normAt * NORM_REFRESH_GROWTH) {
      let norm = 0;
      if (story.block >= 0) {
        const { centroidTerms, centroidMasses } = this.#index;
        const base = story.block * CENTROID_BLOCK;
        const end = base + (this.#index.centroidSizes[story.block] as number);
        for (let at = base; at < end; at++)
          norm += ((centroidMasses[at] as number) * this.#stats.idf(centroidTerms[at] as number)) ** 2;
      }
      story.norm = Math.sqrt(norm) || 1;
      story.normAt = this.#stats.documents;
    }
    return story.norm;
  }

  #createStory(article: Article, time: number): StoryState {
    const seq = this.#stories.length;
    const story: StoryState = {
      seq,
      id: storyIdFor(article.id),
      articleIds: [],
      packed: null,
      block: this.#index.open(seq),
      weight: 0,
      firstSeen: time,
      lastSeen: time,
      language: article.language,
      outlets: [],
      hashes: new Map(),
      fullArticles: 0,
      titles: [],
      live: true,
      mergedInto: null,
      norm: 1,
      normAt: -1,
    };
    this.#stories.push(story);
    this.#live.push(seq);
    this.#byId.set(story.id, story);
    return story;
  }

  #remember(story: StoryState, hash: string): void {
    story.hashes.set(hash, (story.hashes.get(hash) ?? 0) + 1);
    this.#hashOwner.set(hash, story.seq);
  }

  /** Adds the article to the story; `vector` null leaves the centroid as it is (a flood copy past the cap). */
  #attach(
    story: StoryState,
    article: Article,
    time: number,
    vector: TermVector | null,
    oneLiner: boolean,
    title: string | null,
  ): void {
    story.articleIds.push(article.id);
    if (!oneLiner) story.fullArticles++;
    if (title !== null && !this.#titleOwner.has(title)) {
      this.#titleOwner.set(title, story.seq);
      story.titles.push(title);
    }
    this.#assignments.set(article.id, story.seq);
    story.firstSeen = Math.min(story.firstSeen, time);
    story.lastSeen = Math.max(story.lastSeen, time);
    if (article.outlet !== null && !story.outlets.includes(article.outlet)) story.outlets.push(article.outlet);
    if (vector === null || vector.size === 0) return;
    // Moving sum: below the cap the centroid is the plain sum; at the cap old mass fades by 1/cap per article.
    if (story.weight >= CENTROID_WEIGHT_CAP) this.#index.scale(story.block, 1 - 1 / CENTROID_WEIGHT_CAP);
    story.weight = Math.min(CENTROID_WEIGHT_CAP, story.weight + 1);
    // Staged first, so the terms the cap drops straight away never enter the index.
    const size = this.#index.stage(story.block, vector.ids, vector.weights, vector.size);
    this.#index.commit(story.block, this.#drops(this.#index.stagedTerms, this.#index.stagedMasses, size));
    story.normAt = -1;
  }

  /** Keeps the heaviest MAX_CENTROID_TERMS terms, so a story's vector (and its postings) cannot grow without bound. */
  #prune(story: StoryState): void {
    const { centroidTerms, centroidMasses, centroidSizes } = this.#index;
    const base = story.block * CENTROID_BLOCK;
    const size = centroidSizes[story.block] as number;
    const drops = this.#drops(
      centroidTerms.subarray(base, base + size),
      centroidMasses.subarray(base, base + size),
      size,
    );
    if (drops !== null) this.#index.drop(story.block, drops);
  }

  /**
   * Which of `size` centroid entries to drop (1) to keep the heaviest MAX_CENTROID_TERMS, or null when all fit.
   * Ranked by weight as compared (mass × IDF): frequent filler words go before the names and figures of the story.
   */
  #drops(terms: ArrayLike<number>, masses: ArrayLike<number>, size: number): Uint8Array | null {
    if (size <= MAX_CENTROID_TERMS) return null;
    const keys = this.#rankKeys;
    for (let position = 0; position < size; position++)
      keys[position] = (masses[position] as number) * this.#stats.idf(terms[position] as number);
    const kept = this.#kept;
    const count = this.#stats.heaviestFirst(keys, terms, size, MAX_CENTROID_TERMS, kept);
    const dropped = this.#dropped;
    dropped.fill(1, 0, size);
    for (let rank = 0; rank < count; rank++) dropped[kept[rank] as number] = 0;
    return dropped;
  }

  /**
   * An article that cleared the bar of several stories is evidence that they are one story that started twice (two
   * outlets broke it in different words). Each such pair merges when their centroids agree as well; the younger is
   * folded into the older (its id stays stable for readers) and the merge and every moved article are logged.
   * Checking only these pairs keeps merging as cheap as the candidate search that found them.
   */
  #mergeBridged(story: StoryState, others: readonly StoryState[]): string[] {
    const merged: string[] = [];
    let current = story;
    for (const other of others) {
      if (!other.live || other === current) continue;
      const headlines =
        (current.fullArticles + other.fullArticles) * 2 < current.articleIds.length + other.articleIds.length;
      const bar = headlines ? this.#thresholds.shortMerge : this.#thresholds.merge;
      const similarity = this.#centroidCosine(current, other);
      const time = Math.max(current.lastSeen, other.lastSeen);
      if (similarity < requiredSimilarity(bar, time, other.firstSeen, other.lastSeen)) continue;
      if (current.language !== null && other.language !== null && current.language !== other.language) continue;
      const [into, from] = other.seq < current.seq ? [other, current] : [current, other];
      this.#merge(into, from, similarity, bar);
      merged.push(from.id);
      current = into;
    }
    return merged;
  }

  #centroidCosine(a: StoryState, b: StoryState): number {
    const index = this.#index;
    const sizes = index.centroidSizes;
    const [small, large] = (sizes[a.block] as number) <= (sizes[b.block] as number) ? [a, b] : [b, a];
    const { centroidTerms, centroidMasses } = index;
    const smallBase = small.block * CENTROID_BLOCK;
    const largeBase = large.block * CENTROID_BLOCK;
    let dot = 0;
    index.markCentroid(large.block);
    for (let at = smallBase; at < smallBase + (sizes[small.block] as number); at++) {
      const id = centroidTerms[at] as number;
      const position = index.positionOf(id);
      if (position >= 0)
        dot +=
          (centroidMasses[at] as number) * (centroidMasses[largeBase + position] as number) * this.#stats.idf(id) ** 2;
    }
    index.unmarkCentroid(large.block);
    return dot / (this.#norm(a) * this.#norm(b));
  }

  #merge(into: StoryState, from: StoryState, similarity: number, bar: number): void {
    const at = this.#added;
    const reason = `story centroids reached cosine ${similarity.toFixed(3)} (merge bar ${bar})`;
    this.#merges.push({ at, into: into.id, from: from.id, similarity, reason, movedArticles: from.articleIds.length });
    for (const articleId of from.articleIds) {
      this.#moves.push({ at, articleId, from: from.id, to: into.id, reason: `merge: ${reason}` });
      this.#assignments.set(articleId, into.seq);
      into.articleIds.push(articleId);
    }
    const total = into.weight + from.weight;
    const scale = total > CENTROID_WEIGHT_CAP ? CENTROID_WEIGHT_CAP / total : 1;
    const fromBase = from.block * CENTROID_BLOCK;
    const fromSize = this.#index.centroidSizes[from.block] as number;
    this.#index.accumulate(
      into.block,
      this.#index.centroidTerms.subarray(fromBase, fromBase + fromSize),
      this.#index.centroidMasses.subarray(fromBase, fromBase + fromSize),
    );
    if (scale !== 1) this.#index.scale(into.block, scale);
    into.weight = Math.min(CENTROID_WEIGHT_CAP, total);
    this.#prune(into);
    into.normAt = -1;
    into.fullArticles += from.fullArticles;
    into.firstSeen = Math.min(into.firstSeen, from.firstSeen);
    into.lastSeen = Math.max(into.lastSeen, from.lastSeen);
    for (const outlet of from.outlets) if (!into.outlets.includes(outlet)) into.outlets.push(outlet);
    for (const title of from.titles) {
      this.#titleOwner.set(title, into.seq);
      into.titles.push(title);
    }
    from.titles = NO_IDS;
    for (const [hash, copies] of from.hashes) {
      into.hashes.set(hash, (into.hashes.get(hash) ?? 0) + copies);
      this.#hashOwner.set(hash, into.seq);
    }
    this.#unindex(from);
    from.articleIds = NO_IDS;
    from.hashes = NO_HASHES;
    from.mergedInto = into.id;
  }

  /** Takes a story out of search: its centroid terms leave the index and its hashes the flood table. */
  #unindex(story: StoryState): void {
    this.#index.close(story.block);
    story.block = -1;
    for (const hash of story.hashes.keys()) if (this.#hashOwner.get(hash) === story.seq) this.#hashOwner.delete(hash);
    for (const title of story.titles) if (this.#titleOwner.get(title) === story.seq) this.#titleOwner.delete(title);
    story.titles = NO_IDS;
    story.live = false;
  }

  #archiveStale(): void {
    let kept = 0;
    for (const seq of this.#live) {
      const story = this.#stories[seq] as StoryState;
      if (!story.live) continue;
      if (this.#clock - story.lastSeen > ARCHIVE_AFTER_MS) {
        this.#unindex(story);
        story.hashes = NO_HASHES;
        this.#pack(story);
        continue;
      }
      this.#live[kept++] = seq;
    }
    this.#live.length = kept;
  }

  /**
   * An archived story never changes again: its article ids move out of the assignment map into one packed string
   * (about a third of the memory of an array of strings plus map entries), with a 64-bit fingerprint each for
   * `storyOf`.
   */
  #pack(story: StoryState): void {
    for (const id of story.articleIds) {
      this.#assignments.delete(id);
      this.#archivedIds.add(id);
    }
    // One join: a single flat string, not a concatenation of three that would be kept as a tree of strings.
    story.packed =
      story.articleIds.length === 0 ? ID_SEPARATOR + ID_SEPARATOR : ["", ...story.articleIds, ""].join(ID_SEPARATOR);
    story.articleIds = NO_IDS;
    story.hashes = NO_HASHES;
  }
  /** Headlines of at least SAME_HEADLINE_MIN_TOKENS content words, normalised; shorter ones are too generic. */
  #titleKey(ids: readonly number[]): string | null {
    return ids.length < SAME_HEADLINE_MIN_TOKENS ? null : ids.map((id) => this.#stats.term(id)).join(" ");
  }

  #resolve(story: StoryState): StoryState {
    let current = story;
    while (current.mergedInto !== null) current = this.#byId.get(current.mergedInto) as StoryState;
    return current;
  }
}

function articleIdsOf(story: StoryState): string[] {
  if (story.packed === null) return [...story.articleIds];
  return story.packed.length <= 2 * ID_SEPARATOR.length ? [] : story.packed.slice(1, -1).split(ID_SEPARATOR);
}

/**
 * The article ids of archived stories as 64-bit fingerprints (two 32-bit hashes of the id) in an open-addressing
 * table of typed arrays: 16 bytes per id at most, no object per id, and a false match (which costs a scan of the
 * packed archive) about once in 10^13 lookups at a million ids, where a set of 32-bit hashes matched one new article
 * in a few thousand once the archive held a million ids.
 */
class IdFingerprints {
  #first = new Int32Array(FINGERPRINT_SLOTS);
  #second = new Int32Array(FINGERPRINT_SLOTS);
  #size = 0;

  add(id: string): void {
    if (this.#size * 2 >= this.#first.length) this.#grow();
    const [first, second] = fingerprint(id);
    const slot = this.#find(first, second);
    if (this.#first[slot] === 0 && this.#second[slot] === 0) {
      this.#first[slot] = first;
      this.#second[slot] = second;
      this.#size++;
    }
  }

  has(id: string): boolean {
    const [first, second] = fingerprint(id);
    const slot = this.#find(first, second);
    return this.#first[slot] !== 0 || this.#second[slot] !== 0;
  }

  /** The slot holding the fingerprint, or the empty slot where it would go (both halves 0 means empty). */
  #find(first: number, second: number): number {
    const mask = this.#first.length - 1;
    let slot = Math.imul(first, 0x9e3779b1) & mask;
    for (;;) {
      const a = this.#first[slot] as number;
      const b = this.#second[slot] as number;
      if ((a === first && b === second) || (a === 0 && b === 0)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  #grow(): void {
    const first = this.#first;
    const second = this.#second;
    this.#first = new Int32Array(first.length * 2);
    this.#second = new Int32Array(first.length * 2);
    for (let slot = 0; slot < first.length; slot++) {
      const a = first[slot] as number;
      const b = second[slot] as number;
      if (a === 0 && b === 0) continue;
      const at = this.#find(a, b);
      this.#first[at] = a;
      this.#second[at] = b;
    }
  }
}

/** Slots the fingerprint table starts with (it doubles, kept at most half full). */
const FINGERPRINT_SLOTS = 4096;

/** Two independent 32-bit FNV-1a hashes of the id (different offsets and primes); never both 0 (the empty mark). */
function fingerprint(id: string): [number, number] {
  let first = 0x811c9dc5;
  let second = 0x050c5d1f;
  for (let i = 0; i < id.length; i++) {
    const unit = id.charCodeAt(i);
    first = Math.imul(first ^ unit, 0x01000193);
    second = Math.imul(second ^ unit, 0x01000197);
  }
  return [first, second === 0 && first === 0 ? 1 : second];
}

function summarise(story: StoryState): StorySummary {
  return {
    id: story.id,
    articleIds: articleIdsOf(story),
    firstSeen: new Date(story.firstSeen).toISOString(),
    lastSeen: new Date(story.lastSeen).toISOString(),
    outlets: [...story.outlets].sort(),
    archived: !story.live,
  };
}

/**
 * The stories with the largest partial dot (ties: older story first), best first, into `topDots`/`topSeqs` (their
 * seqs, as many as they hold; `touched` and `dots` are by centroid block); returns how many were found. A bounded insertion: no sort of every touched story, no allocation.
 */
function topByDot(
  dots: Float64Array,
  touched: readonly number[],
  topDots: Float64Array,
  topSeqs: Int32Array,
  index: StoryIndex,
): number {
  const count = topSeqs.length;
  let size = 0;
  for (let k = 0; k < touched.length; k++) {
    const block = touched[k] as number;
    const dot = dots[block] as number;
    const seq = index.seqOf(block);
    if (size === count && !isBetter(dot, seq, topDots[count - 1] as number, topSeqs[count - 1] as number)) continue;
    let at = size === count ? count - 1 : size++;
    while (at > 0 && isBetter(dot, seq, topDots[at - 1] as number, topSeqs[at - 1] as number)) {
      topDots[at] = topDots[at - 1] as number;
      topSeqs[at] = topSeqs[at - 1] as number;
      at--;
    }
    topDots[at] = dot;
    topSeqs[at] = seq;
  }
  return size;
}

function isBetter(dot: number, seq: number, otherDot: number, otherSeq: number): boolean {
  return dot > otherDot || (dot === otherDot && seq < otherSeq);
}

/**
 * Inserts query term `i` into `list` (the `size` heaviest so far, by weight × IDF², ties by term), keeping at most
 * `limit`; returns the new size. Same order as sorting every term and keeping the first `limit`, without the sort.
 */
function insertSearchable(
  list: Int32Array,
  size: number,
  limit: number,
  i: number,
  ids: Int32Array,
  scaled: Float64Array,
  stats: TermStatistics,
): number {
  if (size === limit && !isHeavier(i, list[limit - 1] as number, ids, scaled, stats)) return size;
  let at = size === limit ? limit - 1 : size++;
  while (at > 0 && isHeavier(i, list[at - 1] as number, ids, scaled, stats)) {
    list[at] = list[at - 1] as number;
    at--;
  }
  list[at] = i;
  return size;
}

function isHeavier(a: number, b: number, ids: Int32Array, scaled: Float64Array, stats: TermStatistics): boolean {
  const difference = (scaled[b] as number) - (scaled[a] as number);
  return difference < 0 || (difference === 0 && stats.term(ids[a] as number) < stats.term(ids[b] as number));
}

/** Same form as the pipeline's story ids: derived from the first article, so re-running gives the same ids. */
export function storyIdFor(firstArticleId: string): string {
  return `story-${createHash("sha256").update(firstArticleId).digest("hex").slice(0, 12)}`;
}

function parseArrival(arrivedAt: string | number | undefined): number | null {
  if (arrivedAt === undefined) return null;
  const time = typeof arrivedAt === "number" ? arrivedAt : Date.parse(arrivedAt);
  return Number.isFinite(time) ? time : null;
}
