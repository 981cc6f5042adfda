import { describe, expect, it } from "vitest";
import { extractMentions } from "../src/extract/entities/index.js";
import { blankArticle } from "../src/model/blank-article.js";
import type { Article } from "../src/model/index.js";

function article(text: string): Article {
  return blankArticle({ id: "r1", text });
}

describe("extractMentions on bad input", () => {
  it("returns nothing for empty or name-free text", () => {
    expect(extractMentions(article(""))).toEqual([]);
    expect(extractMentions(article("  \n\n 12,3 — ... ??? 🙂 "))).toEqual([]);
  });

  it("caps a huge run of capitalised words instead of returning one runaway entity", () => {
    const words = Array.from({ length: 5000 }, (_, i) => `Word${String.fromCharCode(65 + (i % 26))}x`).join(" ");
    const text = `${words} Taras Hrynkevich Said Minsk ${words}`;
    const started = performance.now();
    const mentions = extractMentions(article(text));
    expect(performance.now() - started).toBeLessThan(2000);
    for (const m of mentions) expect(m.text.split(/\s+/).length).toBeLessThanOrEqual(8);
    expect(mentions.map((m) => m.text)).toContain("Minsk");
  });

  it("keeps offsets exact around astral characters and CRLF line ends", () => {
    const text = "🙂🙂 Police said.\r\n\r\nFormer minister Taras Hrynkevich 🙂 spoke in Minsk.";
    const mentions = extractMentions(article(text));
    expect(mentions.map((m) => m.text)).toEqual(["Taras Hrynkevich", "Minsk"]);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
