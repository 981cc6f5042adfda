import type { Command } from "commander";
import type { Story } from "../../model/story.js";
import { type CliIo, EXIT_FATAL, EXIT_OK, EXIT_SOME_FAILED, printLine } from "../cli-io.js";
import { DEFAULT_DB, openCliStore } from "../open-cli-store.js";

export interface StoriesOptions {
  db?: string;
  json: boolean;
}

const DB_HELP = `database: a SQLite file, or postgres://… (default: $PARALLAX_DB or ${DEFAULT_DB})`;

/** Adds `parallax stories` and `parallax story ID` to the program; the lead wires this into run-cli.ts. */
export function registerStoriesCommands(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("stories")
    .description("list the stored stories: articles, outlets, first and last seen")
    .option("--db <file>", DB_HELP)
    .option("--json", "one JSON array instead of a table", false)
    .action(async (options: StoriesOptions) => {
      setExitCode(await storiesCommand(options, io));
    });

  program
    .command("story")
    .description("show one stored story (its id, or a unique prefix of it)")
    .argument("<id>", "story id, e.g. story-1a2b3c4d5e6f")
    .option("--db <file>", DB_HELP)
    .option("--json", "the whole story as JSON", false)
    .action(async (id: string, options: StoriesOptions) => {
      setExitCode(await storyCommand(id, options, io));
    });
}

/** `parallax stories`: one line per story, biggest first (the stored order). */
export async function storiesCommand(options: StoriesOptions, io: CliIo): Promise<number> {
  const store = await openCliStore(options.db, io.cwd, io.env);
  try {
    const stories = await store.listStories();
    if (options.json) {
      const rows = stories.map((story) => ({
        id: story.id,
        title: story.title,
        articles: story.articleIds.length,
        outlets: story.outlets,
        firstSeen: story.firstSeen,
        lastSeen: story.lastSeen,
      }));
      printLine(io.stdout, JSON.stringify(rows, null, 2));
      return EXIT_OK;
    }
    if (stories.length === 0) {
      printLine(io.stderr, "No stories stored yet: run `parallax analyze PATH...` first.");
      return EXIT_OK;
    }
    for (const story of stories) {
      printLine(
        io.stdout,
        `${story.id}  ${plural(story.articleIds.length, "article")}  ${plural(story.outlets.length, "outlet")}  ` +
          `${day(story.firstSeen)} – ${day(story.lastSeen)}  ${story.title}`,
      );
      if (story.outlets.length > 0) printLine(io.stdout, `    ${story.outlets.join(", ")}`);
    }
    return EXIT_OK;
  } finally {
    await store.close();
  }
}

/** `parallax story ID`: the story as text (title, dates, outlets, articles) or as JSON. */
export async function storyCommand(id: string, options: StoriesOptions, io: CliIo): Promise<number> {
  const store = await openCliStore(options.db, io.cwd, io.env);
  try {
    let story = await store.getStory(id);
    if (story === null) {
      // A short prefix is what people copy from the list; accept it when it names exactly one story.
      const matches = (await store.listStories()).filter((candidate) => candidate.id.startsWith(id));
      if (matches.length > 1) {
        printLine(io.stderr, `parallax: story id "${id}" is ambiguous: ${matches.map((s) => s.id).join(", ")}`);
        return EXIT_FATAL;
      }
      story = matches[0] ?? null;
    }
    if (story === null) {
      printLine(io.stderr, `parallax: no story "${id}"; \`parallax stories\` lists them`);
      return EXIT_SOME_FAILED;
    }
    if (options.json) printLine(io.stdout, JSON.stringify(story, null, 2));
    else for (const line of describeStory(story)) printLine(io.stdout, line);
    return EXIT_OK;
  } finally {
    await store.close();
  }
}

function describeStory(story: Story): string[] {
  const lines = [
    story.title,
    "",
    `id:         ${story.id}`,
    `articles:   ${story.articleIds.length}`,
    `first seen: ${story.firstSeen ?? "unknown"}`,
    `last seen:  ${story.lastSeen ?? "unknown"}`,
    `outlets:    ${story.outlets.length > 0 ? story.outlets.join(", ") : "none named"}`,
    "",
    "Articles:",
    ...story.articleIds.map((articleId, index) => `  ${index + 1}. ${articleId}`),
  ];
  if (story.entities.length > 0) lines.push("", `Entities: ${story.entities.map((e) => e.name).join(", ")}`);
  return lines;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function day(iso: string | null): string {
  return iso === null ? "?" : iso.slice(0, 10);
}
