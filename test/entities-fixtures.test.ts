import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractMentions } from "../src/extract/entities/index.js";
import { blankArticle } from "../src/model/blank-article.js";
import type { Article } from "../src/model/index.js";

interface Expected {
  present: Array<{ text: string; type: string; role?: string }>;
  absent: string[];
  /** No mention may be longer than this many words (runaway spans). */
  maxWords?: number;
  maxMentions?: number;
}

const root = join(import.meta.dirname, "fixtures", "entities");

function article(text: string, id = "a1"): Article {
  return blankArticle({ id, text, language: "en" });
}

describe("extractMentions on fixtures", () => {
  for (const name of readdirSync(root).sort()) {
    it(name, () => {
      const text = readFileSync(join(root, name, "article.txt"), "utf8");
      const expected = JSON.parse(readFileSync(join(root, name, "expected.json"), "utf8")) as Expected;
      const mentions = extractMentions(article(text));
      for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
      const named = mentions.filter((m) => !m.nominal);
      for (const want of expected.present) {
        const hit = named.find((m) => m.text === want.text && m.type === want.type);
        expect(
          hit,
          `${want.type} "${want.text}" in ${JSON.stringify(named.map((m) => [m.text, m.type]))}`,
        ).toBeDefined();
        if (want.role) expect(hit?.role).toBe(want.role);
      }
      for (const text of expected.absent) expect(named.map((m) => m.text)).not.toContain(text);
      if (expected.maxWords)
        for (const m of named) expect(m.text.split(/\s+/).length).toBeLessThanOrEqual(expected.maxWords);
      if (expected.maxMentions !== undefined) expect(named).toHaveLength(expected.maxMentions);
    });
  }
});
