import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CENTROID_WEIGHT_CAP } from "../src/cluster/cluster-params.js";
import { StoryClusterer } from "../src/cluster/index.js";
import type { Article } from "../src/model/article.js";
import { makeArticle } from "./helpers/make-article.js";

const NOW = Date.parse("2026-11-01T00:00:00Z");
const clusterer = () => new StoryClusterer({ now: () => NOW });

function fixture(name: string): Article[] {
  const url = new URL(`./fixtures/cluster/${name}/articles.json`, import.meta.url);
  const rows = JSON.parse(readFileSync(url, "utf8")) as Array<Partial<Article> & { id: string }>;
  return rows.map((row) => makeArticle(row));
}

function addAll(target: StoryClusterer, articles: readonly Article[]) {
  return articles.map((article) => target.add(article));
}

const flood = (id: string, extra = "") =>
  makeArticle({
    id,
    publishedAt: "2026-06-01T10:00:00Z",
    title: "Wildfire near Brask forces evacuation of 3,400 residents",
    text: `A wildfire in the hills above Brask forced the evacuation of 3,400 residents on Sunday, fire chief Lena Moor said. Water bombers from Kastel joined the fight over Brask in the afternoon. ${extra}`,
  });

describe("StoryClusterer", () => {
  it("joins a report of the same event and starts a new story for another event", () => {
    const [ferry1, ferry2, budget] = addAll(clusterer(), fixture("join-vs-new"));
    expect(ferry1?.created).toBe(true);
    expect(ferry2?.created).toBe(false);
    expect(ferry2?.storyId).toBe(ferry1?.storyId);
    expect(ferry2?.reason).toMatch(/cosine/);
    expect(budget?.created).toBe(true);
    expect(budget?.storyId).not.toBe(ferry1?.storyId);
  });

  it("starts a new story for the same people months later", () => {
    const [march, followUp, september] = addAll(clusterer(), fixture("aging"));
    expect(followUp?.storyId).toBe(march?.storyId);
    expect(september?.created).toBe(true);
  });

  it("lets an article in another language join only on strong entity overlap", () => {
    const [english, german, unrelated] = addAll(clusterer(), fixture("other-language"));
    expect(german?.storyId).toBe(english?.storyId);
    expect(unrelated?.created).toBe(true);
    // Without shared names, the same words in another language are not enough.
    const other = clusterer();
    other.add(makeArticle({ ...flood("fire-en"), language: "en" }));
    const translated = other.add(
      makeArticle({
        id: "fire-fr",
        language: "fr",
        publishedAt: "2026-06-01T11:00:00Z",
        title: "Un incendie force l'évacuation de 3,400 habitants",
        text: "Un incendie dans les collines a forcé l'évacuation de 3,400 habitants dimanche, selon les pompiers. Des avions sont arrivés dans l'après-midi pour combattre le feu.",
      }),
    );
    expect(translated.created).toBe(true);
  });

  it("holds a one-line article to a higher bar than a full article", () => {
    const target = clusterer();
    const full = target.add(flood("fire"));
    // Shares the place and one word with the story: enough for a cosine, not for the one-liner bar.
    const oneLiner = target.add(
      makeArticle({ id: "teaser", publishedAt: "2026-06-01T12:00:00Z", title: "Brask market reopens" }),
    );
    expect(oneLiner.created).toBe(true);
    expect(oneLiner.storyId).not.toBe(full.storyId);
    const strong = target.add(
      makeArticle({
        id: "headline",
        publishedAt: "2026-06-01T12:30:00Z",
        title: "Brask wildfire evacuation: 3,400 residents leave",
      }),
    );
    expect(strong.storyId).toBe(full.storyId);
    expect(strong.reason).toMatch(/one-line/);
  });

  it("sends identical copies to the first copy's story without letting them grow its centroid", () => {
    const target = clusterer();
    const first = target.add(flood("copy-0"));
    for (let i = 1; i < 500; i++) {
      const copy = target.add(flood(`copy-${i}`));
      expect(copy.storyId).toBe(first.storyId);
      expect(copy.reason).toMatch(/identical text/);
    }
    const state = target.serialize().stories[0];
    expect(state?.articleIds).toHaveLength(500);
    expect(state?.weight).toBeLessThanOrEqual(2);
    // A different report still joins: the flood did not stall the story.
    const other = target.add(flood("report", "Roads to Kastel were closed."));
    expect(other.storyId).toBe(first.storyId);
    expect(other.reason).toMatch(/cosine/);
  });

  it("caps a story's centroid: its mass stays bounded however many articles join", () => {
    const target = clusterer();
    for (let i = 0; i < 300; i++) target.add(flood(`f-${i}`, `Update number ${i} from the Brask fire line.`));
    const [story] = target.serialize().stories;
    expect(story?.articleIds).toHaveLength(300);
    expect(story?.weight).toBe(CENTROID_WEIGHT_CAP);
    expect(story?.centroid.length).toBeLessThanOrEqual(96);
    const mass = story?.centroid.reduce((sum, [, weight]) => sum + weight, 0) ?? 0;
    expect(mass).toBeLessThan(CENTROID_WEIGHT_CAP * 10);
  });

  it("uses the arrival time for an article without a date and clamps a future date", () => {
    const target = clusterer();
    const undated = target.add(makeArticle({ ...flood("undated"), publishedAt: null }));
    expect(undated.notes.join(" ")).toMatch(/missing date/);
    expect(target.story(undated.storyId)?.firstSeen).toBe(new Date(NOW).toISOString());
    const future = target.add(
      makeArticle({ ...flood("future", "Later report."), publishedAt: "2031-01-01T00:00:00Z" }),
    );
    expect(future.notes.join(" ")).toMatch(/clamped to arrival/);
    expect(future.storyId).toBe(undated.storyId);
    expect(target.story(future.storyId)?.lastSeen).toBe(new Date(NOW).toISOString());
  });

  it("merges two stories that turn out to be one, and records the merge and every move", () => {
    // Headlines only: two starts of one story in different words, then reports that use both wordings.
    const target = new StoryClusterer({ now: () => NOW, thresholds: { shortMerge: 0.15 } });
    const headlines = [
      "tessel motor plant closure announced",
      "tessel plant closure workers",
      "carmaker quits harnby factory",
      "carmaker harnby factory jobs",
      "tessel carmaker plant harnby closure",
      "tessel harnby plant closure jobs",
      "tessel harnby factory closure carmaker",
    ];
    const results = headlines.map((title, i) => target.add(makeArticle({ id: `h${i}`, title })));
    expect(target.merges.length).toBeGreaterThan(0);
    const merge = target.merges[0];
    expect(merge?.reason).toMatch(/centroids reached cosine/);
    const moved = target.moves.filter((move) => move.from === merge?.from);
    expect(moved.length).toBe(merge?.movedArticles);
    expect(results.some((result) => (result.mergedStoryIds ?? []).length > 0)).toBe(true);
    // Every article now reports its current story, and the merged-away story is gone from the list.
    const ids = new Set(target.stories().map((story) => story.id));
    expect(ids.has(merge?.from as string)).toBe(false);
    for (const move of target.moves) expect(ids.has(target.storyOf(move.articleId) as string)).toBe(true);
  });

  it("is deterministic: the same stream gives the same stories", () => {
    const stream = [...fixture("join-vs-new"), ...fixture("aging"), ...fixture("other-language")];
    const run = () => {
      const target = clusterer();
      return addAll(target, stream).map((result) => result.storyId);
    };
    expect(run()).toEqual(run());
  });

  it("gives an article with no words a story of its own", () => {
    const target = clusterer();
    target.add(makeArticle({ id: "empty-1", title: "", text: "" }));
    const second = target.add(makeArticle({ id: "empty-2", title: "", text: "" }));
    expect(second.created).toBe(true);
    expect(second.reason).toMatch(/no content words/);
  });

  it("returns the existing assignment when the same article comes again", () => {
    const target = clusterer();
    const first = target.add(flood("same"));
    const again = target.add(flood("same"));
    expect(again.storyId).toBe(first.storyId);
    expect(again.reason).toBe("already added");
    expect(target.stats().articles).toBe(1);
  });
});
