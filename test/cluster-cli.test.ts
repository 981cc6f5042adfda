import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { Command } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIo } from "../src/cli/cli-io.js";
import { registerStoriesCommands, storiesCommand, storyCommand } from "../src/cli/commands/stories.js";
import { groupStories, outlineStory, storyIdFor } from "../src/cluster/index.js";
import type { Article } from "../src/model/article.js";
import type { Story } from "../src/model/story.js";
import { openStore } from "../src/store/index.js";
import { makeArticle } from "./helpers/make-article.js";

function fakeIo(cwd: string): CliIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  return {
    stdout: sink((text) => {
      out += text;
    }),
    stderr: sink((text) => {
      err += text;
    }),
    cwd,
    env: {},
    out: () => out,
    err: () => err,
  };
}

const ferry = (id: string, outlet: string, publishedAt: string, title: string): Article =>
  makeArticle({
    id,
    outlet,
    publishedAt,
    title,
    text: "The ferry Kestrel ran aground off Tamsby with 212 passengers on board. Coastguard boats from Tamsby took everyone ashore and nobody was hurt, the operator Bellmar Lines said.",
  });

function storyOf(articles: Article[]): Story {
  const outline = outlineStory(articles);
  return {
    id: storyIdFor(articles[0]?.id as string),
    title: outline.title,
    articleIds: outline.articleIds,
    firstSeen: outline.firstSeen,
    lastSeen: outline.lastSeen,
    outlets: outline.outlets,
    entities: [],
    provenance: [],
    claims: [],
    quotes: [],
    timeline: [],
    brief: [],
  };
}

const folder = await mkdtemp(join(tmpdir(), "parallax-stories-cli-"));
afterAll(() => rm(folder, { recursive: true, force: true }));

describe("parallax stories / story", async () => {
  const db = join(folder, "cli.db");
  const articles = [
    ferry("f1", "Harbour Post", "2026-04-02T08:00:00Z", "Ferry Kestrel runs aground off Tamsby"),
    ferry("f2", "Coast Daily", "2026-04-03T09:00:00Z", "Kestrel ferry aground near Tamsby, 212 rescued"),
  ];
  const groups = groupStories(articles);
  const story = storyOf(articles);
  const store = await openStore(db);
  await store.replaceStories([story]);
  await store.close();

  it("groups the two reports into one story", () => {
    expect(groups.map((group) => [...group.articleIds].sort())).toEqual([["f1", "f2"]]);
  });

  it("lists stories with counts, outlets and dates", async () => {
    const io = fakeIo(folder);
    expect(await storiesCommand({ db, json: false }, io)).toBe(0);
    expect(io.out()).toContain(story.id);
    expect(io.out()).toContain("2 articles  2 outlets  2026-04-02 – 2026-04-03");
    expect(io.out()).toContain("Coast Daily, Harbour Post");
    const json = fakeIo(folder);
    await storiesCommand({ db, json: true }, json);
    expect(JSON.parse(json.out())).toEqual([
      {
        id: story.id,
        title: story.title,
        articles: 2,
        outlets: ["Coast Daily", "Harbour Post"],
        firstSeen: "2026-04-02T08:00:00.000Z",
        lastSeen: "2026-04-03T09:00:00.000Z",
      },
    ]);
  });

  it("shows one story as text or JSON, by id or unique prefix", async () => {
    const io = fakeIo(folder);
    expect(await storyCommand(story.id.slice(0, 10), { db, json: false }, io)).toBe(0);
    expect(io.out()).toContain(`id:         ${story.id}`);
    expect(io.out()).toMatch(/1\. f[12]\n {2}2\. f[12]/);
    const json = fakeIo(folder);
    expect(await storyCommand(story.id, { db, json: true }, json)).toBe(0);
    expect(JSON.parse(json.out())).toEqual(story);
  });

  it("says so for an unknown story and exits with 1", async () => {
    const io = fakeIo(folder);
    expect(await storyCommand("story-nope", { db, json: false }, io)).toBe(1);
    expect(io.err()).toMatch(/no story "story-nope"/);
  });

  it("registers both commands on a commander program", async () => {
    const io = fakeIo(folder);
    let code = -1;
    const program = new Command().exitOverride();
    registerStoriesCommands(program, io, (exit) => {
      code = exit;
    });
    await program.parseAsync(["stories", "--db", db, "--json"], { from: "user" });
    expect(code).toBe(0);
    expect(JSON.parse(io.out())).toHaveLength(1);
  });
});
