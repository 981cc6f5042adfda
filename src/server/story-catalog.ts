import { countIndependentSources } from "../fingerprint/index.js";
import type { Article } from "../model/article.js";
import type { Story } from "../model/story.js";
import type { Store } from "../store/store.js";
import { CATALOG_ARTICLE_PAGE } from "./limits.js";
import type { StoryQuery } from "./schemas.js";

/** What the story list shows and searches; the full story is read from the store when it is opened. */
export interface StorySummary {
  id: string;
  title: string;
  articleCount: number;
  outletCount: number;
  independentSources: number;
  outlets: string[];
  firstSeen: string | null;
  lastSeen: string | null;
}

interface Entry {
  /** Place in the list order; the key of every index below. */
  position: number;
  summary: StorySummary;
  firstMs: number | null;
  lastMs: number | null;
}

export interface StoryPage {
  items: StorySummary[];
  page: number;
  pageSize: number;
  total: number;
}

interface Catalog {
  entries: Entry[];
  /** Word → positions (ascending) of the stories whose title or articles contain it. */
  postings: Map<string, Uint32Array>;
  /**
   * Distinct lower-cased outlet names and entity spellings → story positions. There are far fewer distinct names
   * than stories, so a substring filter tests each name once instead of once per story.
   */
  outlets: Map<string, number[]>;
  names: Map<string, number[]>;
}

/** Positions of the stories carrying a name that contains `part`. */
function havingName(names: ReadonlyMap<string, number[]>, part: string): Set<number> {
  const positions = new Set<number>();
  for (const [name, list] of names) if (name.includes(part)) for (const position of list) positions.add(position);
  return positions;
}

function addName(names: Map<string, number[]>, name: string, position: number): void {
  const key = name.toLowerCase();
  const list = names.get(key);
  if (list === undefined) names.set(key, [position]);
  else if (list.at(-1) !== position) list.push(position);
}

/** Anything but printable ASCII and ordinary white space; control characters take the slow path too, harmlessly. */
const NON_ASCII = /[^\t\n\r -~]/;
/** Typographic quotes, dashes, ellipsis and no-break space: the usual non-ASCII in English news, never in a word. */
const TYPOGRAPHY = /[\u00a0\u2010-\u2015\u2018-\u201f\u2026\u2032\u2033]/g;

/**
 * Words shorter than this are not indexed (nor searched): they are mostly function words and would make up a third
 * of the index while narrowing no search. Digits count as words at any length below this too, so "2,150" finds by 150.
 */
const MIN_WORD_CHARS = 3;

/** The commonest English words of three letters or more; they match nearly every story, so they are not indexed. */
const STOPWORDS = new Set(
  "the and for that with said was were has have had from are this his her they their them but not will its who been after also more than one two about into which would when there what some could over other our out new any can may all she him you yes".split(
    " ",
  ),
);

/**
 * Words as search sees them: lower case, accents dropped, split at anything that is not a letter or digit, without
 * short words and stopwords. Most news text is ASCII, which takes a fast path: Unicode normalisation costs more
 * than the rest of indexing.
 */
export function searchWords(text: string): string[] {
  const plain = text.replace(TYPOGRAPHY, " ");
  const words = NON_ASCII.test(plain)
    ? plain
        .normalize("NFKD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu)
    : plain.toLowerCase().match(/[a-z0-9]+/g);
  return (words ?? []).filter((word) => word.length >= MIN_WORD_CHARS && !STOPWORDS.has(word));
}

/**
 * The store keeps stories as whole documents and has no search, so the server keeps one in-memory catalog of
 * summaries and an inverted word index, built on first use and rebuilt after an ingest changes the stories. The
 * index holds no text (only word → story positions), so 100,000 articles cost tens of MB, and a query reads only
 * the posting lists of its words instead of scanning every text.
 */
export class StoryCatalog {
  readonly #store: Store;
  #catalog: Promise<Catalog> | undefined;

  constructor(store: Store) {
    this.#store = store;
  }

  /** Drops the catalog; the next request rebuilds it from the store. */
  invalidate(): void {
    this.#catalog = undefined;
  }

  /** Starts building the catalog now (at server start), so the first search does not wait for it. */
  warm(onError: (error: unknown) => void): void {
    this.#load().catch(onError);
  }

  async search(query: StoryQuery): Promise<StoryPage> {
    const catalog = await this.#load();
    const { entries, postings } = catalog;
    const withEntity = query.entity === undefined ? undefined : havingName(catalog.names, query.entity.toLowerCase());
    const withOutlet = query.outlet === undefined ? undefined : havingName(catalog.outlets, query.outlet.toLowerCase());
    const candidates = query.q === undefined ? entries : withAllWords(entries, postings, searchWords(query.q));
    const unfiltered = [withEntity, withOutlet, query.from, query.to].every((filter) => filter === undefined);
    const matches = unfiltered
      ? candidates
      : candidates.filter(
          (entry) =>
            (withEntity === undefined || withEntity.has(entry.position)) &&
            (withOutlet === undefined || withOutlet.has(entry.position)) &&
            (query.from === undefined || (entry.lastMs !== null && entry.lastMs >= query.from)) &&
            (query.to === undefined || (entry.firstMs !== null && entry.firstMs <= query.to)),
        );
    const start = (query.page - 1) * query.pageSize;
    return {
      items: matches.slice(start, start + query.pageSize).map((entry) => entry.summary),
      page: query.page,
      pageSize: query.pageSize,
      total: matches.length,
    };
  }

  #load(): Promise<Catalog> {
    if (this.#catalog === undefined) {
      const loading = buildCatalog(this.#store);
      this.#catalog = loading;
      // A failed build must not stick: the next request tries again.
      loading.catch(() => {
        if (this.#catalog === loading) this.#catalog = undefined;
      });
    }
    return this.#catalog;
  }
}

/** Stories (in list order) that contain every word: intersect posting lists, rarest first. */
function withAllWords(entries: readonly Entry[], postings: ReadonlyMap<string, Uint32Array>, words: string[]): Entry[] {
  if (words.length === 0) return [...entries];
  const lists = [...new Set(words)].map((word) => postings.get(word) ?? new Uint32Array());
  lists.sort((a, b) => a.length - b.length);
  const [rarest, ...others] = lists;
  const sets = others.map((list) => new Set(list));
  const result: Entry[] = [];
  for (const position of rarest ?? []) {
    if (sets.every((set) => set.has(position))) {
      const entry = entries[position];
      if (entry !== undefined) result.push(entry);
    }
  }
  return result;
}

async function buildCatalog(store: Store): Promise<Catalog> {
  const stories = await store.listStories();
  // Analysis puts an article in one story, but nothing in the store enforces it, so an article may serve several.
  const storiesOf = new Map<string, number[]>();
  stories.forEach((story, index) => {
    for (const id of story.articleIds) storiesOf.set(id, [...(storiesOf.get(id) ?? []), index]);
  });
  const lists = new Map<string, number[]>();
  // Called with one article's words at a time, so checking the last position is enough to skip repeats.
  const index = (words: Iterable<string>, position: number) => {
    for (const word of words) {
      const list = lists.get(word);
      if (list === undefined) lists.set(word, [position]);
      else if (list.at(-1) !== position) list.push(position);
    }
  };
  stories.forEach((story, position) => {
    index(searchWords(story.title), position);
  });
  const members: Article[][] = stories.map(() => []);
  for (let offset = 0; ; offset += CATALOG_ARTICLE_PAGE) {
    const page = await store.listArticles({ limit: CATALOG_ARTICLE_PAGE, offset });
    for (const article of page) {
      const positions = storiesOf.get(article.id);
      if (positions === undefined) continue;
      const words = searchWords(`${article.title}\n${article.text}`);
      // Only what counting independent sources reads is kept: the catalog holds no article text.
      const member: Article = { ...article, text: "", metadata: { fieldSources: {} }, diagnostics: [] };
      for (const position of positions) {
        index(words, position);
        members[position]?.push(member);
      }
    }
    if (page.length < CATALOG_ARTICLE_PAGE) break;
    // Indexing is CPU work; yielding between pages keeps story pages and the API answering while it runs.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const postings = new Map<string, Uint32Array>();
  // A story's articles need not be stored next to each other, so a list may repeat or run out of order.
  for (const [word, list] of lists) postings.set(word, Uint32Array.from(new Set(list)).sort());
  const outlets = new Map<string, number[]>();
  const names = new Map<string, number[]>();
  stories.forEach((story, position) => {
    for (const outlet of story.outlets) addName(outlets, outlet, position);
    for (const entity of story.entities)
      for (const name of [entity.name, ...entity.aliases]) addName(names, name, position);
  });
  const entries = stories.map((story, position) => toEntry(story, position, members[position] ?? []));
  return { entries, postings, outlets, names };
}

function toEntry(story: Story, position: number, members: Article[]): Entry {
  return {
    position,
    summary: summarize(story, members),
    firstMs: toMs(story.firstSeen),
    lastMs: toMs(story.lastSeen),
  };
}

export function summarize(story: Story, members: readonly Article[]): StorySummary {
  return {
    id: story.id,
    title: story.title,
    articleCount: story.articleIds.length,
    outletCount: story.outlets.length,
    independentSources: independentSources(story, members),
    outlets: story.outlets,
    firstSeen: story.firstSeen,
    lastSeen: story.lastSeen,
  };
}

/** Outlets after collapsing copies; without provenance (or articles) every outlet counts. */
export function independentSources(story: Story, members: readonly Article[]): number {
  if (story.provenance.length === 0 || members.length === 0) return story.outlets.length;
  return countIndependentSources(members, story.provenance);
}

function toMs(date: string | null): number | null {
  if (date === null) return null;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? null : ms;
}
