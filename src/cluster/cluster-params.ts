/**
 * Tuning constants of the online story clusterer, in one place so docs/stories.md can explain each. Values marked
 * "MStream" were chosen on the MStream News headlines (eval/stories.eval.ts) by sweeping a few values and keeping
 * the round one that scored best overall; the rest on the demo corpus and the generated labelled corpus.
 */

/** Title words say what an article is about more densely than body words; they count this many times. */
export const TITLE_WEIGHT = 3;

/** The lead paragraph states the event (who, what, where); its words count this many times. */
export const LEAD_WEIGHT = 2;

/**
 * Body words read: the first this many content words. Reports of one event share their top (inverted pyramid);
 * their tails are background and quotes that differ between outlets, and reading them costs time per article.
 */
export const BODY_TOKENS_READ = 120;

/** Characters of the body tokenised: comfortably more than BODY_TOKENS_READ words need, so long texts cost no more. */
export const BODY_CHARS_READ = 2_000;

/** Figures (340 residents, 4.2%) identify an event better than common words; a number counts this many times. */
export const NUMBER_WEIGHT = 2;

/**
 * Entity keys (from the entities stage, or capitalised words as a fallback) are added as extra terms with this
 * weight: names are what two reports of one event share even when their wording differs.
 */
export const ENTITY_WEIGHT = 2;

/**
 * Cosine (TF-IDF, article against story centroid) at or above which a full article joins a story on words alone.
 * High, because generated stories that share a template (same kind of event, another town) score up to 0.3 against
 * each other; the entity-backed and same-headline bars below let real rewrites in.
 */
export const JOIN_SIMILARITY = 0.35;

/**
 * A full article that names mostly the same people, organisations and places as a story joins it on a much lower
 * word bar: reports of one event in other words (or another romanisation: Liubrava/Lyubrava) still name the same
 * actors. "Mostly" is a majority: at least half of the smaller side's entity terms shared (overlap coefficient
 * ENTITY_JOIN_OVERLAP), and at least ENTITY_JOIN_MIN_SHARED of them, because two stories of one kind in one country
 * share a place or two (the capital, the ministry) but not three actors of one event. The cosine bar then only keeps
 * an article that shares names but no words at all out. With resolved entity keys (the pipeline passes them) the
 * demo's rewrites in another romanisation have overlap 0.5-0.6 and cosine 0.096-0.14; generated corpus (capitalised
 * words as entities) B-cubed F1 0.967, unchanged over cosine bars 0.02-0.085 and minimum shared 1-5.
 */
export const ENTITY_BACKED_JOIN_SIMILARITY = 0.05;
export const ENTITY_JOIN_OVERLAP = 0.5;
export const ENTITY_JOIN_MIN_SHARED = 3;

/**
 * The bar for a one-line article (title only, or a body of a few words): one or two shared words give a short text a
 * high cosine by chance, so it must clear more. MStream: all 11,109 headlines are one-liners;
 * 0.2 scored best (sweep 0.2-0.3: higher splits stories into fragments, B-cubed recall falls faster than precision rises).
 */
export const SHORT_JOIN_SIMILARITY = 0.2;

/**
 * An article whose headline equals (in content words) the headline of a live story's article is a copy or a
 * rewrite of one wire story; it joins at this lower bar, which only keeps a generic headline from pulling in an
 * unrelated text. Generated corpus: same-story articles with different bodies score 0.15-0.3.
 */
export const SAME_HEADLINE_SIMILARITY = 0.1;

/** Headlines shorter than this many content words ("Live updates", "Briefing") are too generic to match on. */
export const SAME_HEADLINE_MIN_TOKENS = 5;

/** A body with fewer content words than this is a one-liner (a headline, a teaser, a caption). */
export const ONE_LINER_MAX_BODY_TOKENS = 12;

/**
 * Two stories whose centroids reach this cosine are one story that started twice (two outlets broke it in different
 * words before the centroids met). For stories of full articles: high, as generated stories that share a template
 * reach 0.3-0.5 against each other (a lower bar cost B-cubed precision there).
 */
export const MERGE_SIMILARITY = 0.6;

/** The merge bar for stories of headlines. MStream: 0.15 (sweep 0.15-0.3); higher leaves more fragments. */
export const SHORT_MERGE_SIMILARITY = 0.15;

/**
 * A centroid keeps at most this many terms (the heaviest). Bounds memory and the cost of one comparison; a story's
 * identity lives in its top terms, the tail is typos and one-off details.
 */
export const MAX_CENTROID_TERMS = 96;

/**
 * A centroid is a moving sum: once a story has this many articles, each new one adds its vector while the old mass
 * decays by 1/this. The mass stays bounded (a flood cannot grow it without bound) and a new article always moves
 * it by at least 1/this (a big story does not stall while it drifts).
 */
export const CENTROID_WEIGHT_CAP = 64;

/** Identical copies (same text hash) after this many count for nothing in the centroid: a flood must not bias it. */
export const DUPLICATE_CENTROID_CAP = 2;

/**
 * An article vector keeps its heaviest terms (weight × IDF) only. Its tail (one-off words deep in the body) adds
 * cost to every comparison and every centroid, and almost nothing to a cosine dominated by the head.
 */
export const MAX_ARTICLE_TERMS = 96;

/** Query terms of an article used for candidate search (the heaviest first): bounds the posting lists read. */
export const MAX_QUERY_TERMS = 16;

/** Stories (best partial dot first) whose exact cosine is computed: the true best is among them in practice. */
export const MAX_CANDIDATES = 24;

/**
 * Posting lists longer than this are skipped in candidate search: a term that many live stories share is a stop
 * word for this stream and finds no useful candidate; reading it would make search cost grow with the corpus.
 */
export const MAX_POSTINGS_SCANNED = 300;

const DAY_MS = 86_400_000;

/** Within this gap from a story's last article, time costs nothing: follow-ups come within days. */
export const AGING_GRACE_MS = 3 * DAY_MS;

/** Over this span past the grace, the bar rises linearly from the join bar to AGED_JOIN_SIMILARITY. */
export const AGING_RAMP_MS = 27 * DAY_MS;

/** An article months later about the same people is a new story unless it is this close: a clear continuation. */
export const AGED_JOIN_SIMILARITY = 0.6;

/**
 * Stories silent this long (grace + ramp: the bar is at its top by then) leave the index and no article can join
 * them: a month-old story is over for a newsroom, and live stories (so search cost and memory) stay bounded by a
 * month of stream instead of growing with the corpus.
 */
export const ARCHIVE_AFTER_MS = 30 * DAY_MS;

/** Every this many articles, stories past ARCHIVE_AFTER_MS are archived in one sweep. */
export const ARCHIVE_SWEEP_EVERY = 5_000;

/**
 * An article in another language than a story joins it only when most of its entity terms are the story's (overlap
 * coefficient at least this) and they share at least CROSS_LANGUAGE_MIN_SHARED_ENTITIES: words do not match across
 * languages, names do. "Very strong" on purpose: a wrong cross-language join mixes two stories for every reader.
 */
export const CROSS_LANGUAGE_ENTITY_OVERLAP = 0.6;
export const CROSS_LANGUAGE_MIN_SHARED_ENTITIES = 2;

/** A cached centroid norm is recomputed once the corpus grew by this factor (IDF moves slowly with the corpus). */
export const NORM_REFRESH_GROWTH = 1.05;

/**
 * Past this many distinct terms, each archive sweep forgets terms seen in one article only that no live story holds:
 * a stream's vocabulary grows without end (names, figures, typos), mostly with such one-off terms, and df must not
 * grow with the corpus. Below it nothing is forgotten, so small corpora (MStream's 8k words) score exactly as
 * before. About 100 bytes per term: 250,000 terms are ~25 MB.
 */
export const VOCABULARY_SOFT_CAP = 250_000;
