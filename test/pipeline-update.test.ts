import { describe, expect, it } from "vitest";
import type { Article } from "../src/model/article.js";
import { analyzeCorpus, type PriorAnalysis, updateCorpus } from "../src/pipeline/index.js";
import { makeArticle } from "./helpers/make-article.js";

/** One article of an invented story: the story's title and text, with a sentence of its own at the end. */
const reporter =
  (title: string, hour: string, text: string) => (id: string, day: number, outlet: string, extra: string) =>
    makeArticle({ id, outlet, title, publishedAt: `2026-03-0${day}T${hour}:00:00Z`, text: `${text} ${extra}` });

const strike = reporter(
  "Dock workers in Rookwater strike over pension changes",
  "09",
  "ROOKWATER — Dock workers at the port of Rookwater walked out on Monday over pension changes, the Dockers' " +
    "Union said. Union leader Marta Velen said 1,200 workers joined the strike.\n\nThe changes would raise the " +
    "pension age for port staff by three years and cut the payments of those who retire early, the union said. " +
    "The port authority has not said when talks will resume.",
);
const recount = reporter(
  "Ostrevin assembly orders a recount of the harbour referendum",
  "15",
  "OSTREVIN — The provincial assembly of Ostrevin ordered a recount of the harbour referendum after a margin of " +
    "312 votes, returning officer Tobias Renn said.\n\nThe referendum asked voters whether the old harbour should " +
    "be sold to a developer who plans flats and a marina; both camps said they would accept the recount. " +
    "Ballot boxes are kept at the assembly building under guard.",
);

/** Two invented stories; the first three articles arrive in one batch, the other three later. */
const early: Article[] = [
  strike("s1", 1, "Harbour Herald", "Ships queued outside the port."),
  recount("r1", 1, "Ostrevin Courier", "The count starts on Thursday."),
  strike("s2", 2, "Coastal Times", "The port authority called the walkout unlawful."),
];
const late: Article[] = [
  strike("s3", 3, "Northern Ledger", "Talks resume on Friday, Marta Velen said."),
  strike("s4", 4, "Harbour Herald", "A second strike day closed the container terminal."),
  recount("r2", 5, "Daily Compass", "Observers from both camps will watch the recount."),
];

const priorOf = (update: { stories: PriorAnalysis["stories"]; state: string }): PriorAnalysis => ({
  stories: update.stories,
  state: update.state,
});
const storyOf = (stories: PriorAnalysis["stories"], articleId: string) =>
  stories.find((story) => story.articleIds.includes(articleId));

describe("updateCorpus", () => {
  it("continues an earlier analysis: places only new articles and gives what one analysis of everything gives", () => {
    const first = updateCorpus(early);
    expect(first.placed).toBe(3);
    expect(first.analysed).toBe(2);
    const second = updateCorpus([...early, ...late], priorOf(first));
    expect(second.mode).toBe("full-text");
    expect(second.placed).toBe(3);
    expect(second.restarted).toBeNull();
    expect(second.changed).toBe(true);
    // The later articles arrive after the earlier ones, as a stream: the result is the batch analysis of all six.
    expect(second.stories).toEqual(analyzeCorpus([...early, ...late]));
    expect(second.stories.map((story) => [...story.articleIds].sort())).toEqual([
      ["s1", "s2", "s3", "s4"],
      ["r1", "r2"],
    ]);
  });

  it("reuses a story no new article touched, and analyses only the story that changed", () => {
    const first = updateCorpus(early);
    const recountBefore = storyOf(first.stories, "r1");
    const withMoreStrike = updateCorpus([...early, late[0] as Article, late[1] as Article], priorOf(first));
    expect(withMoreStrike.analysed).toBe(1);
    expect(withMoreStrike.reused).toBe(1);
    // The very object stored before: not analysed again.
    expect(storyOf(withMoreStrike.stories, "r1")).toBe(recountBefore);
    expect(storyOf(withMoreStrike.stories, "s3")?.articleIds).toHaveLength(4);
    expect(storyOf(withMoreStrike.stories, "s3")?.revision).not.toBe(storyOf(first.stories, "s1")?.revision);
  });

  it("keeps a story's id when an article dated before its first one joins it later", () => {
    const first = updateCorpus(early);
    const strikeId = storyOf(first.stories, "s1")?.id;
    // Same day and hour as s1, and an id that sorts first: the earliest member of the grown story.
    const lateButEarlier = strike("s0", 1, "Port Gazette", "Crews left the cranes idle.");
    const update = updateCorpus([...early, lateButEarlier], priorOf(first));
    expect(storyOf(update.stories, "s0")?.id).toBe(strikeId);
    // Grouped from nothing the same articles arrive in publication order, and the story is named after s0.
    expect(storyOf(analyzeCorpus([...early, lateButEarlier]), "s0")?.id).not.toBe(strikeId);
  });

  it("changes nothing when nothing is new, so the edges can skip writing", () => {
    const first = updateCorpus(early);
    const again = updateCorpus(early, priorOf(first));
    expect(again.changed).toBe(false);
    expect(again.placed).toBe(0);
    expect(again.analysed).toBe(0);
    expect(again.state).toBe(first.state);
    for (const [index, story] of again.stories.entries()) expect(story).toBe(first.stories[index]);
  });

  it("analyses again the story of an article stored anew with other content", () => {
    const first = updateCorpus(early);
    const corrected = { ...(early[2] as Article), text: `${(early[2] as Article).text} Correction: 1,250 workers.` };
    const update = updateCorpus([early[0] as Article, early[1] as Article, corrected], priorOf(first));
    expect(update.placed).toBe(0);
    expect(update.analysed).toBe(1);
    expect(update.changed).toBe(true);
    const story = storyOf(update.stories, "s2");
    expect(story).not.toBe(storyOf(first.stories, "s2"));
    expect(JSON.stringify(story?.claims)).toContain("1,250");
    expect(storyOf(update.stories, "r1")).toBe(storyOf(first.stories, "r1"));
  });

  it("analyses every story again under another analyser version", () => {
    const first = updateCorpus(early, undefined, { analyzerVersion: "1.0.0" });
    const upgraded = updateCorpus(early, priorOf(first), { analyzerVersion: "1.1.0" });
    expect(upgraded.analysed).toBe(2);
    expect(upgraded.placed).toBe(0);
    expect(upgraded.stories.map((story) => story.revision)).not.toEqual(first.stories.map((story) => story.revision));
  });

  it("starts the grouping over, saying why, from a state it cannot read, and keeps the stored stories it can", () => {
    const first = updateCorpus(early);
    for (const state of [
      "{not json",
      JSON.stringify({ format: 9 }),
      JSON.stringify({ format: 1, mode: "full-text" }),
    ]) {
      const update = updateCorpus(early, { stories: first.stories, state });
      expect(update.restarted).toEqual(expect.any(String));
      expect(update.placed).toBe(3);
      // Same articles, same order: the same groups, so every stored story is still good.
      expect(update.analysed).toBe(0);
      expect(update.stories).toEqual(first.stories);
    }
  });

  it("continues a headline stream with the short-text model's saved state, and never switches model silently", () => {
    const headlines = [...early, ...late].map((article) => ({ ...article, text: article.title }));
    const first = updateCorpus(headlines.slice(0, 3));
    expect(first.mode).toBe("short-text");
    expect(JSON.parse(first.state)).toMatchObject({ format: 1, mode: "short-text", clusterer: null });
    const second = updateCorpus(headlines, priorOf(first));
    expect(second.restarted).toBeNull();
    expect(second.placed).toBe(3);
    // Continued, not regrouped: the same stories as one pass over all six, under the same ids as before.
    expect(second.stories).toEqual(analyzeCorpus(headlines));
    expect(storyOf(second.stories, "s3")?.id).toBe(storyOf(first.stories, "s1")?.id);
    const again = updateCorpus(headlines, priorOf(second));
    expect(again.placed).toBe(0);
    expect(again.changed).toBe(false);
    // A full-text batch cannot continue a short-text grouping: it starts over and says so.
    const full = updateCorpus([...early, ...late], priorOf(second));
    expect(full.mode).toBe("full-text");
    expect(full.restarted).toContain("short-text");
  });
});
