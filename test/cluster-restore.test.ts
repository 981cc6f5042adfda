import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type ClustererSnapshot, StoryClusterer } from "../src/cluster/index.js";
import type { Article } from "../src/model/article.js";
import { openStore } from "../src/store/index.js";
import { makeArticle } from "./helpers/make-article.js";

const NOW = Date.parse("2026-11-01T00:00:00Z");
const PLACES = ["Brask", "Tamsby", "Orlen", "Pellan", "Kastel", "Varnholm"];
const EVENTS = ["wildfire forces evacuation", "ferry runs aground", "council freezes budget", "dockers strike"];

/** An invented stream: a few events per place, reported several times in different words, interleaved. */
function stream(count: number): Article[] {
  return Array.from({ length: count }, (_, i) => {
    const place = PLACES[(i * 7) % PLACES.length] as string;
    const event = EVENTS[(i * 3) % EVENTS.length] as string;
    return makeArticle({
      id: `a${i}`,
      outlet: `Outlet ${i % 5}`,
      publishedAt: new Date(Date.parse("2026-06-01T00:00:00Z") + i * 3_600_000).toISOString(),
      title: `${place}: ${event}`,
      text: `In ${place}, officials said the ${event} story developed on day ${Math.floor(i / 10)}. Report ${i % 4} from ${place} adds details about the ${event} and its effects on residents of ${place}.`,
    });
  });
}

const folder = await mkdtemp(join(tmpdir(), "parallax-cluster-restore-"));
afterAll(() => rm(folder, { recursive: true, force: true }));

describe("StoryClusterer serialize/restore", () => {
  it("continues after a restore from the store exactly as an uninterrupted run", async () => {
    const articles = stream(160);
    const uninterrupted = new StoryClusterer({ now: () => NOW });
    const expected = articles.map((article) => uninterrupted.add(article).storyId);

    const location = join(folder, "restore.db");
    const first = new StoryClusterer({ now: () => NOW });
    for (const article of articles.slice(0, 90)) first.add(article);
    const store = await openStore(location);
    await store.saveClusterState("stories", JSON.stringify(first.serialize()));
    await store.close();

    const reopened = await openStore(location);
    const body = await reopened.loadClusterState("stories");
    await reopened.close();
    const restored = StoryClusterer.restore(JSON.parse(body as string) as ClustererSnapshot, { now: () => NOW });
    for (const article of articles.slice(90)) restored.add(article);

    expect(articles.map((article) => restored.storyOf(article.id))).toEqual(
      articles.map((article) => uninterrupted.storyOf(article.id)),
    );
    expect(restored.serialize()).toEqual(uninterrupted.serialize());
    expect(expected).toHaveLength(160);
  });

  it("packs archived stories' articles yet still finds, lists, dedupes and restores them exactly", () => {
    // June reports, then a full archive sweep of September articles: the June stories are archived by then.
    const old = stream(40);
    const later = Array.from({ length: 5_000 }, (_, i) =>
      makeArticle({
        id: `m${i}`,
        publishedAt: new Date(Date.parse("2026-09-01T00:00:00Z") + i * 60_000).toISOString(),
        title: `Harbour report ${i % 50}`,
        text: `Harbour ${i % 50} cargo volumes were counted at terminal ${i % 50} this morning.`,
      }),
    );
    const clusterer = new StoryClusterer({ now: () => NOW });
    const assigned = new Map(old.map((article) => [article.id, clusterer.add(article).storyId]));
    for (const article of later) clusterer.add(article);

    const first = old[0] as Article;
    const story = clusterer.story(clusterer.storyOf(first.id) as string);
    expect(story?.archived).toBe(true);
    expect(story?.articleIds).toContain(first.id);
    for (const article of old) expect(clusterer.storyOf(article.id)).toBe(assigned.get(article.id));
    expect(clusterer.storyOf("never-added")).toBeNull();
    expect(clusterer.add(first).reason).toBe("already added");

    const restored = StoryClusterer.restore(clusterer.serialize(), { now: () => NOW });
    expect(restored.serialize()).toEqual(clusterer.serialize());
    for (const article of old) expect(restored.storyOf(article.id)).toBe(assigned.get(article.id));
    expect(restored.stories()).toEqual(clusterer.stories());
  });

  it("refuses a snapshot of another version", () => {
    const snapshot = { ...new StoryClusterer().serialize(), version: 2 } as unknown as ClustererSnapshot;
    expect(() => StoryClusterer.restore(snapshot)).toThrow(/version/);
  });
});
