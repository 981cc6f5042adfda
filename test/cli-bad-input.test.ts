import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { EXIT_FATAL, EXIT_OK, EXIT_SOME_FAILED, runCli } from "../src/cli/index.js";
import { openStore } from "../src/store/index.js";
import { captureIo } from "./helpers/capture-io.js";

const GOOD_TEXT = `Title: Ferry service resumes on Lake Marrow
Outlet: Marrow Herald
Date: 2026-02-02

The ferry between Oskel and Brin resumed on Monday after ice closed the crossing for six weeks.
Operators said 1,200 passengers booked the first day.`;

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "parallax-bad-input-"));
  writeFileSync(join(dir, "good.txt"), GOOD_TEXT);
});

async function analyze(...paths: string[]) {
  const io = captureIo(dir);
  const code = await runCli(["analyze", ...paths, "--db", "db.sqlite", "--out", "out", "--quiet"], io);
  return { code, err: io.err(), out: io.out() };
}

async function storedCount(): Promise<number> {
  const store = await openStore(join(dir, "db.sqlite"));
  try {
    return await store.countArticles();
  } finally {
    await store.close();
  }
}

describe("parallax analyze on bad input", () => {
  const cases: Array<[string, () => string, RegExp]> = [
    ["a missing path", () => "missing.txt", /^missing\.txt: Unexpected missing path/m],
    [
      "an empty file",
      () => {
        writeFileSync(join(dir, "empty.txt"), "");
        return "empty.txt";
      },
      /^empty\.txt: Unexpected empty/m,
    ],
    [
      "a binary file",
      () => {
        writeFileSync(
          join(dir, "photo.txt"),
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3, 0, 0, 0]),
        );
        return "photo.txt";
      },
      /^photo\.txt: Unexpected binary/m,
    ],
    [
      "an oversized file",
      () => {
        writeFileSync(join(dir, "huge.txt"), "");
        truncateSync(join(dir, "huge.txt"), 21 * 1024 * 1024);
        return "huge.txt";
      },
      /^huge\.txt: Unexpected file size 21\.0 MB, expected at most 20\.0 MB/m,
    ],
    [
      "malformed front matter",
      () => {
        writeFileSync(
          join(dir, "bad.md"),
          "---\ntitle: [unclosed\ndate: 2026-01-01\n---\n\nBody text of the article.\n",
        );
        return "bad.md";
      },
      /^bad\.md: .*front matter.*line \d/im,
    ],
    [
      "malformed JSON",
      () => {
        writeFileSync(join(dir, "bad.json"), '{ "title": "Broken", "text": "No end');
        return "bad.json";
      },
      /^bad\.json: Unexpected .*JSON/m,
    ],
    [
      "a dangling link (unreadable file)",
      () => {
        symlinkSync(join(dir, "nowhere.txt"), join(dir, "dangling.txt"));
        return "dangling.txt";
      },
      /^dangling\.txt: Unexpected missing path/m,
    ],
  ];

  it.each(cases)(
    "reports %s on one line naming the file, and goes on with the batch",
    async (_name, make, expected) => {
      const bad = make();
      const { code, err } = await analyze(bad, "good.txt");
      expect(code).toBe(EXIT_SOME_FAILED);
      expect(err).toMatch(expected);
      expect(err).toMatch(/1 new articles, 0 already stored, 1 failed/);
      expect(await storedCount()).toBe(1);
    },
  );

  it("reports each bad JSON Lines line with its line number and keeps the good lines", async () => {
    writeFileSync(
      join(dir, "feed.jsonl"),
      [
        JSON.stringify({
          title: "Bridge reopens in Tallow",
          text: "The Tallow bridge reopened after repairs costing 4 million.",
        }),
        "{ not json",
        JSON.stringify({ title: "No body here" }),
      ].join("\n"),
    );
    const { code, err } = await analyze("feed.jsonl");
    expect(code).toBe(EXIT_SOME_FAILED);
    expect(err).toMatch(/^feed\.jsonl:2: Unexpected/m);
    expect(err).toMatch(/^feed\.jsonl:3: Unexpected/m);
    expect(await storedCount()).toBe(1);
  });

  it("keeps invalid UTF-8 as text, decoded with a detected charset and a diagnostic", async () => {
    // "Café Örn" in windows-1252: bytes that are not valid UTF-8.
    const latin = Buffer.concat([
      Buffer.from("Title: Caf"),
      Buffer.from([0xe9]),
      Buffer.from(" Orn opens in Velde\n\nThe caf"),
      Buffer.from([0xe9]),
      Buffer.from(" on the square in Velde opened on Friday, its owner said, with forty seats and a garden.\n"),
    ]);
    writeFileSync(join(dir, "latin.txt"), latin);
    const io = captureIo(dir);
    const code = await runCli(["extract", "latin.txt"], io);
    expect(code).toBe(EXIT_OK);
    const article = JSON.parse(io.out().trim());
    expect(article.text).toContain("The café on the square");
    expect(article.diagnostics.map((d: { source: string }) => d.source).join(" ")).toMatch(/charset|encoding/);
  });

  it("keeps what is already stored when a later batch has failures", async () => {
    expect((await analyze("good.txt")).code).toBe(EXIT_OK);
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "other.txt"), GOOD_TEXT.replace("Ferry", "Bus").replace("ferry", "bus"));
    const { code } = await analyze("empty.txt", "other.txt", "missing");
    expect(code).toBe(EXIT_SOME_FAILED);
    expect(await storedCount()).toBe(2);
  });

  it("takes absolute paths as they are", async () => {
    const { code, err } = await analyze(join(dir, "good.txt"));
    expect(code).toBe(EXIT_OK);
    expect(err).toMatch(/Analysed 1 inputs: 1 new articles/);
  });

  it("reads folders recursively and skips hidden files", async () => {
    mkdirSync(join(dir, "corpus", "nested"), { recursive: true });
    mkdirSync(join(dir, "corpus", ".git"));
    writeFileSync(join(dir, "corpus", "nested", "one.txt"), GOOD_TEXT);
    writeFileSync(join(dir, "corpus", ".git", "HEAD"), "ref: refs/heads/main");
    writeFileSync(join(dir, "corpus", ".hidden.txt"), GOOD_TEXT);
    const { code, err } = await analyze("corpus");
    expect(code).toBe(EXIT_OK);
    expect(err).toMatch(/Analysed 1 inputs: 1 new articles/);
  });

  it("fails with exit code 2 and one line when the database cannot be opened", async () => {
    writeFileSync(join(dir, "not-a-db"), "plain text, not SQLite");
    const io = captureIo(dir);
    const code = await runCli(["analyze", "good.txt", "--db", "not-a-db", "--quiet"], io);
    expect(code).toBe(EXIT_FATAL);
    expect(io.err()).toMatch(/^parallax: Cannot open SQLite store at .*not-a-db/m);
  });

  it("answers misuse with exit code 2", async () => {
    const io = captureIo(dir);
    expect(await runCli(["analyze"], io)).toBe(EXIT_FATAL);
    expect(io.err()).toMatch(/missing required argument/);
    expect(await runCli(["no-such-command"], captureIo(dir))).toBe(EXIT_FATAL);
  });
});

describe("parallax analyze --enqueue", () => {
  it("refuses an embedded database: workers share PostgreSQL", async () => {
    const io = captureIo(dir);
    const code = await runCli(["analyze", "--enqueue", "good.txt", "--db", "db.sqlite"], io);
    expect(code).toBe(EXIT_FATAL);
    expect(io.err()).toMatch(/--enqueue needs a PostgreSQL database/);
    expect(await storedCount().catch(() => 0)).toBe(0);
  });
});
