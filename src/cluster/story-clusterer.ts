import { createHash } from "node:crypto";
import type { Article } from "../model/article.js";
import { articleTerms } from "./article-terms.js";
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
import { StoryIndex } from "./story-index.js";
import { TermStatistics } from "./term-statistics.js";
import { textHash } from "./text-hash.js";
import { contentTokens } from "./tokenize.js";

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
  /** Term id → mass: a capped moving sum of unit article vectors (IDF applied at comparison time). */
  centroid: Map<number, number>;
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

/** An article's weighted terms as parallel arrays (term ids, unit weights), in the order the sums run. */
interface TermVector {
  ids: number[];
  weights: number[];
}

/** Archived stories never change again: they share these instead of holding empty maps of their own. */
const NO_TERMS: Map<number, number> = new Map();
const NO_HASHES: Map<string, number> = new Map();

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
  #index = new StoryIndex();
  #stories: StoryState[] = [];
  #byId = new Map<string, StoryState>();
  /**
   * Article id → story seq (current story, after merges) for articles of live stories only. An archived story's
   * articles leave this map (its ids stay packed in the story) and only a 32-bit hash of each id stays, in
   * `#archivedIds`, so the map is bounded by the live window and not by the corpus.
   */
  #assignments = new Map<string, number>();
  #archivedIds = new Set<number>();
  /** Text hash → story seq of the first copy, for live stories. */
  #hashOwner = new Map<string, number>();
  /** Normalised headline → story seq of its first article, for live stories (syndicated headlines). */
  #titleOwner = new Map<string, number>();
  #merges: MergeRecord[] = [];
  /** Partial dot per story seq during one candidate search; all zero between searches. */
  #scratch = new Float64Array(1024);
  /** Stories touched by one candidate search, and weight × IDF² per query term: reused, never reallocated. */
  #touched: number[] = [];
  #queryScaled = new Float64Array(MAX_ARTICLE_TERMS);
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
    const { counts, oneLiner } = articleTerms(article, features.entities);
    const vector = this.#unitVector(counts);
    const hash = counts.size === 0 ? null : textHash(article.title, article.text);

    let assignment: Assignment;
    const copyOf = hash === null ? undefined : this.#hashOwner.get(hash);
    if (copyOf !== undefined && hash !== null) {
      const story = this.#stories[copyOf] as StoryState;
      const copies = (story.hashes.get(hash) ?? 0) + 1;
      story.hashes.set(hash, copies);
      this.#attach(story, article, time, copies <= DUPLICATE_CENTROID_CAP ? vector : null, oneLiner);
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
      const title = oneLiner ? null : titleKey(article.title);
      const sameTitle = title === null ? undefined : this.#titleOwner.get(title);
      const candidates = this.#bestCandidates(
        vector,
        time,
        base,
        article.language,
        null,
        MAX_QUERY_TERMS,
        sameTitle,
        oneLiner ? null : this.#thresholds.entityJoin,
      );
      const best = candidates[0];
      if (best === undefined) {
        const story = this.#createStory(article, time);
        if (hash !== null) this.#remember(story, hash);
        this.#attach(story, article, time, vector, oneLiner);
        assignment = {
          storyId: story.id,
          created: true,
          reason: vector.ids.length === 0 ? "no content words: a story of its own" : "no live story similar enough",
          similarity: 0,
          notes,
        };
      } else {
        const story = best.story;
        if (hash !== null) this.#remember(story, hash);
        this.#attach(story, article, time, vector, oneLiner);
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
    if (!this.#archivedIds.has(idHash(articleId))) return null;
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
          centroid: [...story.centroid].map(([id, mass]): [string, number] => [this.#stats.term(id), mass]),
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
        centroid: new Map(saved.centroid.map(([term, mass]) => [clusterer.#stats.intern(term), mass])),
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
      clusterer.#stories.push(story);
      clusterer.#byId.set(story.id, story);
      if (!story.live && story.mergedInto === null) clusterer.#pack(story);
      else if (story.mergedInto === null) for (const id of story.articleIds) clusterer.#assignments.set(id, seq);
      if (story.live) {
        for (const [term, mass] of story.centroid) clusterer.#index.set(term, seq, mass);
        for (const hash of story.hashes.keys()) clusterer.#hashOwner.set(hash, seq);
        for (const title of story.titles) clusterer.#titleOwner.set(title, seq);
      }
    });
    clusterer.#merges = [...snapshot.merges];
    clusterer.#moves = [...snapshot.moves];
    return clusterer;
  }

  /** Weights (1 + ln tf), scaled so the article has length 1 under the current IDF. Counts the document in df. */
  #unitVector(counts: Map<string, number>): TermVector {
    const all: number[] = [];
    for (const term of counts.keys()) all.push(this.#stats.intern(term));
    this.#stats.addDocument(all);
    const weight: number[] = [];
    const scaled: number[] = [];
    let i = 0;
    for (const count of counts.values()) {
      const w = 1 + Math.log(count);
      weight.push(w);
      scaled.push(w * this.#stats.idf(all[i++] as number));
    }
    // Only the heaviest terms (weight × IDF): the tail of a long article adds cost to every comparison, not meaning.
    let order = all.map((_, index) => index);
    if (order.length > MAX_ARTICLE_TERMS) {
      order.sort(
        (a, b) =>
          (scaled[b] as number) - (scaled[a] as number) ||
          (this.#stats.term(all[a] as number) < this.#stats.term(all[b] as number) ? -1 : 1),
      );
      order = order.slice(0, MAX_ARTICLE_TERMS);
    }
    let norm = 0;
    for (const index of order) norm += (scaled[index] as number) ** 2;
    norm = Math.sqrt(norm);
    const ids = order.map((index) => all[index] as number);
    const weights = order.map((index) => (norm > 0 ? (weight[index] as number) / norm : (weight[index] as number)));
    return { ids, weights };
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
    exclude: StoryState | null,
    queryTerms: number,
    sameHeadline?: number,
    entityBar: number | null = null,
  ): Candidate[] {
    const size = query.ids.length;
    // weight × IDF² per query term, in reused scratch (a query has at most MAX_ARTICLE_TERMS terms): the exact
    // cosines below read it once per candidate, and nothing is allocated per term.
    const queryScaled = this.#queryScaled;
    const searchable: number[] = [];
    let queryNorm = 0;
    for (let i = 0; i < size; i++) {
      const id = query.ids[i] as number;
      const weight = query.weights[i] as number;
      const squared = this.#stats.idf(id) ** 2;
      queryScaled[i] = weight * squared;
      queryNorm += weight * weight * squared;
      // A term seen in one document only (this one) has no postings: skip it instead of wasting a query slot.
      if (this.#stats.df(id) > 1) searchable.push(i);
    }
    queryNorm = Math.sqrt(queryNorm);
    if (queryNorm === 0) return [];
    searchable.sort(
      (a, b) =>
        (queryScaled[b] as number) - (queryScaled[a] as number) ||
        (this.#stats.term(query.ids[a] as number) < this.#stats.term(query.ids[b] as number) ? -1 : 1),
    );
    if (searchable.length > queryTerms) searchable.length = queryTerms;
    // Dense scratch arrays indexed by story seq: much cheaper than a Map for the thousands of postings read.
    if (this.#scratch.length < this.#stories.length) this.#scratch = new Float64Array(this.#stories.length * 2);
    const dots = this.#scratch;
    const touched = this.#touched;
    touched.length = 0;
    for (const i of searchable) {
      const stories = this.#index.get(query.ids[i] as number);
      if (stories === undefined || stories.size > MAX_POSTINGS_SCANNED) continue;
      const weight = queryScaled[i] as number;
      for (const [seq, mass] of stories) {
        if (dots[seq] === 0) touched.push(seq);
        dots[seq] = (dots[seq] as number) + weight * mass;
      }
    }
    const shortlist = topByDot(dots, touched, exclude?.seq ?? -1, MAX_CANDIDATES);
    for (const seq of touched) dots[seq] = 0;
    // The partial dot (heaviest terms only) picks the candidates; the exact cosine over all terms decides.
    if (sameHeadline !== undefined && !shortlist.some(([seq]) => seq === sameHeadline))
      shortlist.push([sameHeadline, 0]);
    const candidates: Candidate[] = [];
    for (const [seq] of shortlist) {
      const story = this.#stories[seq] as StoryState;
      if (!story.live) continue;
      let dot = 0;
      const centroid = story.centroid;
      for (let i = 0; i < size; i++) {
        const mass = centroid.get(query.ids[i] as number);
        if (mass !== undefined) dot += (queryScaled[i] as number) * mass;
      }
      const similarity = dot / (queryNorm * this.#norm(story));
      if (language !== null && story.language !== null && language !== story.language) {
        // Words do not match across languages but names do: only strong entity overlap counts.
        const entities = this.#entityOverlap(query, story);
        if (entities.shared < CROSS_LANGUAGE_MIN_SHARED_ENTITIES) continue;
        const needed = requiredSimilarity(CROSS_LANGUAGE_ENTITY_OVERLAP, time, story.firstSeen, story.lastSeen);
        if (entities.overlap < needed) continue;
        candidates.push({ story, similarity: entities.overlap, margin: entities.overlap - needed });
        continue;
      }
      // The same headline is strong evidence (syndication, one wire story): a low bar guards only against
      // generic headlines ("Live updates") over unrelated texts.
      const bar = seq === sameHeadline ? Math.min(base, SAME_HEADLINE_SIMILARITY) : base;
      let needed = requiredSimilarity(bar, time, story.firstSeen, story.lastSeen);
      if (similarity < needed && entityBar !== null) {
        // Reports of one event in different words still name the same people and places.
        const lower = requiredSimilarity(entityBar, time, story.firstSeen, story.lastSeen);
        if (similarity >= lower) {
          const entities = this.#entityOverlap(query, story);
          if (entities.overlap >= this.#thresholds.entityOverlap && entities.shared >= this.#thresholds.entityMinShared)
            needed = lower;
        }
      }
      if (similarity < needed) continue;
      candidates.push({ story, similarity, margin: similarity - needed });
    }
    return candidates.sort((a, b) => b.margin - a.margin || a.story.seq - b.story.seq);
  }

  /**
   * Entity overlap between an article and a story: shared entity terms over the entity terms of the smaller side
   * (overlap coefficient). Not a cosine: German capitalises every noun, so an article's "entities" in another
   * language include words the story can never have; what matters is that the names it does share are most of them.
   */
  #entityOverlap(query: TermVector, story: StoryState): { shared: number; overlap: number } {
    let shared = 0;
    let queryEntities = 0;
    for (const id of query.ids) {
      if (!this.#stats.isEntity(id)) continue;
      queryEntities++;
      if (story.centroid.has(id)) shared++;
    }
    if (shared === 0) return { shared, overlap: 0 };
    let storyEntities = 0;
    for (const id of story.centroid.keys()) if (this.#stats.isEntity(id)) storyEntities++;
    return { shared, overlap: shared / Math.min(queryEntities, storyEntities) };
  }

  #norm(story: StoryState): number {
    if (story.normAt < 0 || this.#stats.documents > story.normAt * NORM_REFRESH_GROWTH) {
      let norm = 0;
      for (const [id, mass] of story.centroid) norm += (mass * this.#stats.idf(id)) ** 2;
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
      centroid: new Map(),
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
    this.#byId.set(story.id, story);
    return story;
  }

  #remember(story: StoryState, hash: string): void {
    story.hashes.set(hash, (story.hashes.get(hash) ?? 0) + 1);
    this.#hashOwner.set(hash, story.seq);
  }

  /** Adds the article to the story; `vector` null leaves the centroid as it is (a flood copy past the cap). */
  #attach(story: StoryState, article: Article, time: number, vector: TermVector | null, oneLiner: boolean): void {
    story.articleIds.push(article.id);
    if (!oneLiner) story.fullArticles++;
    const title = titleKey(article.title);
    if (title !== null && !this.#titleOwner.has(title)) {
      this.#titleOwner.set(title, story.seq);
      story.titles.push(title);
    }
    this.#assignments.set(article.id, story.seq);
    story.firstSeen = Math.min(story.firstSeen, time);
    story.lastSeen = Math.max(story.lastSeen, time);
    if (article.outlet !== null && !story.outlets.includes(article.outlet)) story.outlets.push(article.outlet);
    if (vector === null || vector.ids.length === 0) return;
    // Moving sum: below the cap the centroid is the plain sum; at the cap old mass fades by 1/cap per article.
    const fade = story.weight >= CENTROID_WEIGHT_CAP ? 1 - 1 / CENTROID_WEIGHT_CAP : 1;
    if (fade !== 1) for (const [id, mass] of story.centroid) this.#setMass(story, id, mass * fade);
    story.weight = Math.min(CENTROID_WEIGHT_CAP, story.weight + 1);
    for (let i = 0; i < vector.ids.length; i++) {
      const id = vector.ids[i] as number;
      this.#setMass(story, id, (story.centroid.get(id) ?? 0) + (vector.weights[i] as number));
    }
    this.#prune(story);
    story.normAt = -1;
  }

  /** Every centroid change goes through here, so the index's mirrored masses never go stale. */
  #setMass(story: StoryState, id: number, mass: number): void {
    story.centroid.set(id, mass);
    this.#index.set(id, story.seq, mass);
  }

  /** Keeps the heaviest MAX_CENTROID_TERMS terms, so a story's vector (and its postings) cannot grow without bound. */
  #prune(story: StoryState): void {
    if (story.centroid.size <= MAX_CENTROID_TERMS) return;
    // Rank by weight as compared (mass × IDF): frequent filler words go before the names and figures of the story.
    const ranked = [...story.centroid]
      .map(([id, mass]): [number, number] => [id, mass * this.#stats.idf(id)])
      .sort((a, b) => b[1] - a[1] || (this.#stats.term(a[0]) < this.#stats.term(b[0]) ? -1 : 1));
    for (let i = MAX_CENTROID_TERMS; i < ranked.length; i++) {
      const id = (ranked[i] as [number, number])[0];
      story.centroid.delete(id);
      this.#index.remove(id, story.seq);
    }
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
    const [small, large] = a.centroid.size <= b.centroid.size ? [a, b] : [b, a];
    let dot = 0;
    for (const [id, mass] of small.centroid) {
      const other = large.centroid.get(id);
      if (other !== undefined) dot += mass * other * this.#stats.idf(id) ** 2;
    }
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
    for (const [id, mass] of from.centroid) {
      this.#setMass(into, id, (into.centroid.get(id) ?? 0) + mass);
    }
    if (scale !== 1) for (const [id, mass] of into.centroid) this.#setMass(into, id, mass * scale);
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
    from.titles = [];
    for (const [hash, copies] of from.hashes) {
      into.hashes.set(hash, (into.hashes.get(hash) ?? 0) + copies);
      this.#hashOwner.set(hash, into.seq);
    }
    this.#unindex(from);
    from.articleIds = [];
    from.hashes = NO_HASHES;
    from.mergedInto = into.id;
  }

  /** Takes a story out of search: its centroid terms leave the index and its hashes the flood table. */
  #unindex(story: StoryState): void {
    for (const id of story.centroid.keys()) this.#index.remove(id, story.seq);
    for (const hash of story.hashes.keys()) if (this.#hashOwner.get(hash) === story.seq) this.#hashOwner.delete(hash);
    for (const title of story.titles) if (this.#titleOwner.get(title) === story.seq) this.#titleOwner.delete(title);
    story.titles = [];
    story.centroid = NO_TERMS;
    story.live = false;
  }

  #archiveStale(): void {
    for (const story of this.#stories) {
      if (story.live && this.#clock - story.lastSeen > ARCHIVE_AFTER_MS) {
        this.#unindex(story);
        story.hashes = NO_HASHES;
        this.#pack(story);
      }
    }
  }

  /**
   * An archived story never changes again: its article ids move out of the assignment map into one packed string
   * (about a third of the memory of an array of strings plus map entries), with a 32-bit hash each for `storyOf`.
   */
  #pack(story: StoryState): void {
    for (const id of story.articleIds) {
      this.#assignments.delete(id);
      this.#archivedIds.add(idHash(id));
    }
    story.packed = ID_SEPARATOR + story.articleIds.join(ID_SEPARATOR) + ID_SEPARATOR;
    story.articleIds = [];
    story.centroid = NO_TERMS;
    story.hashes = NO_HASHES;
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

/** FNV-1a over the id's UTF-16 units: a compact stand-in for an archived article id (collisions are checked). */
function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash | 0;
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

/** The `count` entries with the largest partial dot (ties: older story first), without sorting every entry. */
function topByDot(
  dots: Float64Array,
  touched: readonly number[],
  exclude: number,
  count: number,
): Array<[number, number]> {
  const top: Array<[number, number]> = [];
  const better = (a: [number, number], b: [number, number]) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
  for (const seq of touched) {
    if (seq === exclude) continue;
    const entry: [number, number] = [seq, dots[seq] as number];
    if (top.length === count && !better(entry, top[count - 1] as [number, number])) continue;
    let at = top.length === count ? count - 1 : top.length;
    while (at > 0 && better(entry, top[at - 1] as [number, number])) {
      top[at] = top[at - 1] as [number, number];
      at--;
    }
    top[at] = entry;
  }
  return top;
}

/** Same form as the pipeline's story ids: derived from the first article, so re-running gives the same ids. */
export function storyIdFor(firstArticleId: string): string {
  return `story-${createHash("sha256").update(firstArticleId).digest("hex").slice(0, 12)}`;
}

/** Headlines of at least SAME_HEADLINE_MIN_TOKENS content words, normalised; shorter ones are too generic. */
function titleKey(title: string): string | null {
  const tokens = contentTokens(title);
  return tokens.length < SAME_HEADLINE_MIN_TOKENS ? null : tokens.join(" ");
}

function parseArrival(arrivedAt: string | number | undefined): number | null {
  if (arrivedAt === undefined) return null;
  const time = typeof arrivedAt === "number" ? arrivedAt : Date.parse(arrivedAt);
  return Number.isFinite(time) ? time : null;
}
