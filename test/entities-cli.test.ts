import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerEntitiesCommands } from "../src/cli/commands/entities.js";
import type { Entity, Story } from "../src/model/index.js";
import { openStore } from "../src/store/index.js";
import { captureIo } from "./helpers/capture-io.js";

// Invented people, outlets and places; the two stories share one person under one id.
const dravny: Entity = {
  id: "person-0000aaaa",
  type: "person",
  name: "Alexei Dravny",
  aliases: ["Alexei Dravny", "Дравный"],
  articleIds: ["a1", "a2"],
  roles: ["opposition leader"],
  mentions: [
    { articleId: "a1", start: 0, end: 13, text: "Alexei Dravny" },
    { articleId: "a2", start: 40, end: 47, text: "Дравный" },
  ],
};

function story(id: string, title: string, entities: Entity[]): Story {
  return {
    id,
    title,
    articleIds: [...new Set(entities.flatMap((e) => e.articleIds))],
    firstSeen: null,
    lastSeen: null,
    outlets: [],
    entities,
    provenance: [],
    claims: [],
    quotes: [],
    timeline: [],
    brief: [],
  };
}

const stories: Story[] = [
  story("story-1", "Arrests in Lipovy Square", [
    dravny,
    {
      id: "place-0000bbbb",
      type: "place",
      name: "Lipovy Square",
      aliases: ["Lipovy Square"],
      articleIds: ["a1"],
      mentions: [{ articleId: "a1", start: 60, end: 73, text: "Lipovy Square" }],
    },
  ]),
  story("story-2", "Dravny appeal rejected", [
    {
      ...dravny,
      aliases: ["Alexei Dravny", "Aliaksei Dravny"],
      articleIds: ["a3"],
      roles: ["defendant"],
      mentions: [{ articleId: "a3", start: 5, end: 20, text: "Aliaksei Dravny" }],
    },
    {
      id: "organization-0000cccc",
      type: "organization",
      name: "Vestnik Zarechia",
      aliases: ["Vestnik Zarechia"],
      articleIds: ["a3"],
      mentions: [{ articleId: "a3", start: 80, end: 96, text: "Vestnik Zarechia" }],
    },
  ]),
];

let work: string;
let db: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "parallax-entities-cli-"));
  db = join(work, "test.db");
  const store = await openStore(db);
  await store.replaceStories(stories);
  await store.close();
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(work);
  let code = 0;
  const program = new Command().exitOverride().configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
  });
  registerEntitiesCommands(program, io, (exit) => {
    code = exit;
  });
  await program.parseAsync(args, { from: "user" });
  return { code, out: io.out(), err: io.err() };
}

describe("parallax entities", () => {
  it("lists the entities of all stories, merged by entity id", async () => {
    const { code, out } = await run(["entities", "--db", db]);
    expect(code).toBe(0);
    const lines = out.trim().split("\n");
    expect(lines[0]).toMatch(/^ID\s+NAME\s+TYPE\s+ARTICLES\s+ALIASES\s+ROLES$/);
    const row = lines.find((line) => line.startsWith("person-0000aaaa"));
    expect(row).toMatch(/Alexei Dravny\s+person\s+3\s+Дравный, Aliaksei Dravny\s+opposition leader, defendant/);
    expect(lines.filter((line) => line.includes("person-0000aaaa"))).toHaveLength(1);
    expect(out).toContain("Lipovy Square");
    expect(out).toContain("Vestnik Zarechia");
  });

  it("lists one story's entities with --story, as JSON with --json", async () => {
    const { code, out } = await run(["entities", "--story", "story-2", "--db", db, "--json"]);
    expect(code).toBe(0);
    const entities = JSON.parse(out) as Array<{ id: string; articleIds: string[]; storyIds: string[] }>;
    expect(entities.map((e) => e.id).sort()).toEqual(["organization-0000cccc", "person-0000aaaa"]);
    expect(entities.find((e) => e.id === "person-0000aaaa")?.articleIds).toEqual(["a3"]);
  });

  it("says so in one line and exits 1 for an unknown story", async () => {
    const { code, out, err } = await run(["entities", "--story", "nope", "--db", db]);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain('no story with id "nope"');
  });

  it("prints a hint, not an empty table, when nothing is stored", async () => {
    const { code, out } = await run(["entities", "--db", join(work, "empty.db")]);
    expect(code).toBe(0);
    expect(out).toContain("No entities stored yet");
  });
});

describe("parallax entity", () => {
  it("shows one entity with aliases, roles, mentions with offsets and its stories", async () => {
    const { code, out } = await run(["entity", "person-0000aaaa", "--db", db]);
    expect(code).toBe(0);
    expect(out).toContain("Alexei Dravny (person, person-0000aaaa)");
    expect(out).toContain("aliases: Alexei Dravny, Дравный, Aliaksei Dravny");
    expect(out).toContain("roles: opposition leader, defendant");
    expect(out).toMatch(/story-1\s+Arrests in Lipovy Square/);
    expect(out).toMatch(/story-2\s+Dravny appeal rejected/);
    expect(out).toMatch(/a2\s+40-47\s+"Дравный"/);
    expect(out).toContain("mentions (3):");
  });

  it("prints the entity as JSON with --json", async () => {
    const { code, out } = await run(["entity", "person-0000aaaa", "--db", db, "--json"]);
    expect(code).toBe(0);
    const entity = JSON.parse(out) as { mentions: unknown[]; stories: Array<{ id: string; title: string }> };
    expect(entity.mentions).toHaveLength(3);
    expect(entity.stories.map((s) => s.id)).toEqual(["story-1", "story-2"]);
  });

  it("says so in one line and exits 1 for an unknown id", async () => {
    const { code, out, err } = await run(["entity", "person-ffffffff", "--db", db]);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain('no entity with id "person-ffffffff"');
  });
});
