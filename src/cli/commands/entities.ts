import type { Command } from "commander";
import type { Entity, EntityMention, Story } from "../../model/index.js";
import { type CliIo, EXIT_OK, EXIT_SOME_FAILED, printLine } from "../cli-io.js";
import { DEFAULT_DB, openCliStore } from "../open-cli-store.js";

const DB_HELP = `database: a SQLite file, or postgres://… (default: $PARALLAX_DB or ${DEFAULT_DB})`;
// Table cells longer than this are cut with an ellipsis: a person with forty spellings should not push the article
// count off the screen. --json has everything.
const MAX_CELL = 48;

/** One entity over every story it appears in. */
export interface StoredEntity extends Entity {
  storyIds: string[];
}

interface ListOptions {
  story?: string;
  db?: string;
  json?: boolean;
}

interface ShowOptions {
  db?: string;
  json?: boolean;
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

function mentionKey(m: EntityMention): string {
  return `${m.articleId}\u0000${m.start}\u0000${m.end}`;
}

/**
 * Entities of the given stories merged by id: ids come from the name key, so one person found in two stories is
 * one row. The name is taken from the story where the entity has the most mentions.
 */
export function mergeStoryEntities(stories: readonly Story[]): StoredEntity[] {
  const merged = new Map<string, { entity: StoredEntity; best: number }>();
  for (const story of stories) {
    for (const entity of story.entities) {
      const weight = entity.mentions?.length ?? entity.articleIds.length;
      const seen = merged.get(entity.id);
      if (!seen) {
        merged.set(entity.id, {
          entity: { ...entity, aliases: [...entity.aliases], articleIds: [...entity.articleIds], storyIds: [story.id] },
          best: weight,
        });
        continue;
      }
      const into = seen.entity;
      if (weight > seen.best) {
        into.name = entity.name;
        seen.best = weight;
      }
      into.aliases = union(into.aliases, entity.aliases);
      into.articleIds = union(into.articleIds, entity.articleIds);
      into.storyIds = union(into.storyIds, [story.id]);
      if (entity.roles) into.roles = union(into.roles ?? [], entity.roles);
      if (entity.mentions) {
        const known = new Set((into.mentions ?? []).map(mentionKey));
        into.mentions = [...(into.mentions ?? []), ...entity.mentions.filter((m) => !known.has(mentionKey(m)))];
      }
    }
  }
  return [...merged.values()]
    .map(({ entity }) => entity)
    .sort(
      (a, b) =>
        b.articleIds.length - a.articleIds.length ||
        (b.mentions?.length ?? 0) - (a.mentions?.length ?? 0) ||
        a.name.localeCompare(b.name),
    );
}

function cell(text: string): string {
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

function formatTable(rows: readonly string[][]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows.map((row) =>
    row
      .map((value, column) => (column === row.length - 1 ? value : value.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
}

/** `parallax entities [--story ID]`: one row per entity of one story, or of all stories merged by entity id. */
export async function entitiesCommand(options: ListOptions, io: CliIo): Promise<number> {
  const store = await openCliStore(options.db, io.cwd, io.env);
  try {
    let stories: Story[];
    if (options.story !== undefined) {
      const story = await store.getStory(options.story);
      if (!story) {
        printLine(io.stderr, `parallax entities: no story with id ${JSON.stringify(options.story)}`);
        return EXIT_SOME_FAILED;
      }
      stories = [story];
    } else stories = await store.listStories();
    const entities = mergeStoryEntities(stories);
    if (options.json) {
      printLine(io.stdout, JSON.stringify(entities.map(({ mentions: _mentions, ...rest }) => rest)));
      return EXIT_OK;
    }
    if (entities.length === 0) {
      printLine(io.stdout, "No entities stored yet: run `parallax analyze` on some articles first.");
      return EXIT_OK;
    }
    const rows = [["ID", "NAME", "TYPE", "ARTICLES", "ALIASES", "ROLES"]];
    for (const entity of entities) {
      rows.push([
        entity.id,
        cell(entity.name),
        entity.type,
        String(entity.articleIds.length),
        cell(entity.aliases.filter((alias) => alias !== entity.name).join(", ")),
        cell((entity.roles ?? []).join(", ")),
      ]);
    }
    for (const line of formatTable(rows)) printLine(io.stdout, line);
    return EXIT_OK;
  } finally {
    await store.close();
  }
}

/** `parallax entity ID`: one entity with its spellings, roles, mentions (article and offsets) and stories. */
export async function entityCommand(id: string, options: ShowOptions, io: CliIo): Promise<number> {
  const store = await openCliStore(options.db, io.cwd, io.env);
  try {
    const stories = await store.listStories();
    const entity = mergeStoryEntities(stories).find((candidate) => candidate.id === id);
    if (!entity) {
      printLine(
        io.stderr,
        `parallax entity: no entity with id ${JSON.stringify(id)} (list them with \`parallax entities\`)`,
      );
      return EXIT_SOME_FAILED;
    }
    const inStories = stories
      .filter((story) => entity.storyIds.includes(story.id))
      .map((story) => ({ id: story.id, title: story.title }));
    const mentions = [...(entity.mentions ?? [])].sort(
      (a, b) => a.articleId.localeCompare(b.articleId) || a.start - b.start,
    );
    if (options.json) {
      const { storyIds: _storyIds, ...rest } = entity;
      printLine(io.stdout, JSON.stringify({ ...rest, mentions, stories: inStories }));
      return EXIT_OK;
    }
    printLine(io.stdout, `${entity.name} (${entity.type}, ${entity.id})`);
    printLine(io.stdout, `aliases: ${entity.aliases.join(", ") || "-"}`);
    printLine(io.stdout, `roles: ${(entity.roles ?? []).join(", ") || "-"}`);
    printLine(io.stdout, `articles: ${entity.articleIds.length}`);
    printLine(io.stdout, "stories:");
    for (const story of inStories) printLine(io.stdout, `  ${story.id}  ${story.title}`);
    printLine(io.stdout, `mentions (${mentions.length}):`);
    for (const m of mentions) printLine(io.stdout, `  ${m.articleId}  ${m.start}-${m.end}  ${JSON.stringify(m.text)}`);
    return EXIT_OK;
  } finally {
    await store.close();
  }
}

/** `parallax entities` and `parallax entity ID`. Wired into the program by run-cli.ts. */
export function registerEntitiesCommands(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("entities")
    .description("list the people, organisations and places of the stored stories (merged by entity id)")
    .option("--story <id>", "only the entities of this story")
    .option("--db <file>", DB_HELP)
    .option("--json", "print JSON instead of a table", false)
    .action(async (options: ListOptions) => {
      setExitCode(await entitiesCommand(options, io));
    });

  program
    .command("entity")
    .description("show one entity: spellings, roles, mentions with offsets, and the stories it appears in")
    .argument("<id>", "entity id, as `parallax entities` lists it")
    .option("--db <file>", DB_HELP)
    .option("--json", "print JSON instead of text", false)
    .action(async (id: string, options: ShowOptions) => {
      setExitCode(await entityCommand(id, options, io));
    });
}
