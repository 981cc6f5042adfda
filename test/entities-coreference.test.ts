import { describe, expect, it } from "vitest";
import { extractMentions, type Mention } from "../src/extract/entities/index.js";
import { blankArticle } from "../src/model/blank-article.js";
import type { Article } from "../src/model/index.js";

function article(text: string): Article {
  return blankArticle({ id: "c1", text, language: "en" });
}

function target(mentions: readonly Mention[], m: Mention | undefined): string | undefined {
  return m?.refersTo === undefined ? undefined : mentions[m.refersTo]?.text;
}

describe("in-document coreference", () => {
  it("links a bare surname to the full name, including at a sentence start and with a possessive", () => {
    const mentions = extractMentions(
      article(
        "Opposition leader Taras Hrynkevich was detained. Hrynkevich denies the charges. His lawyer met Hrynkevich's family.",
      ),
    );
    const bare = mentions.filter((m) => m.text === "Hrynkevich");
    expect(bare).toHaveLength(2);
    for (const m of bare) expect(target(mentions, m)).toBe("Taras Hrynkevich");
  });

  it("does not guess when two people share the surname", () => {
    const mentions = extractMentions(article("Taras Hrynkevich and Olena Hrynkevich arrived. Later Hrynkevich spoke."));
    const bare = mentions.find((m) => m.text === "Hrynkevich");
    expect(bare?.type).toBe("person");
    expect(bare?.refersTo).toBeUndefined();
  });

  it("marks 'his wife, X' as a spouse relation, not the same person", () => {
    const text =
      "Former minister Taras Hrynkevich was jailed in May. His wife, Volha Hrynkevich, said she would appeal.";
    const mentions = extractMentions(article(text));
    const wife = mentions.find((m) => m.text === "Volha Hrynkevich");
    expect(wife?.refersTo).toBeUndefined();
    expect(wife?.relation?.kind).toBe("spouse");
    expect(mentions[wife?.relation?.of ?? -1]?.text).toBe("Taras Hrynkevich");
  });

  it("marks 'X's husband Y' too", () => {
    const mentions = extractMentions(
      article("Olena Varuk spoke first. Olena Varuk's husband, Ihar Varuk, stayed home."),
    );
    const husband = mentions.find((m) => m.text === "Ihar Varuk");
    expect(mentions[husband?.relation?.of ?? -1]?.text).toBe("Olena Varuk");
  });

  it("links a role-only mention when exactly one person holds a fitting role", () => {
    const text =
      "Interior Minister Alexei Dravko defended the police. Critics said the minister had ignored the courts.";
    const mentions = extractMentions(article(text));
    const nominal = mentions.find((m) => m.nominal);
    expect(nominal?.text).toBe("minister");
    expect(target(mentions, nominal)).toBe("Alexei Dravko");
  });

  it("links 'the Belarusian leader' to the one leader named, and leaves it when two fit", () => {
    const one = extractMentions(
      article("President Ales Mirovich spoke on Monday. The speech by the Belarusian leader lasted an hour."),
    );
    expect(
      target(
        one,
        one.find((m) => m.nominal),
      ),
    ).toBe("Ales Mirovich");
    const two = extractMentions(article("President Ales Mirovich met President Anna Kolt. Later the president left."));
    expect(two.find((m) => m.nominal)).toBeUndefined();
  });
});
