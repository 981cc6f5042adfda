import { describe, expect, it } from "vitest";
import { extractMentions } from "../src/extract/entities/index.js";
import { blankArticle } from "../src/model/blank-article.js";
import type { Article } from "../src/model/index.js";
import { EntityIndex, resolvedName, resolveEntities } from "../src/resolve/index.js";
import { makeMention as mention } from "./helpers/make-mention.js";

function article(id: string, text: string): Article {
  return blankArticle({ id, text, language: "en" });
}

describe("resolveEntities", () => {
  it("merges spellings and scripts across articles, with canonical name, aliases, roles and mentions", () => {
    const articles = [
      article("a", "Former Interior Minister Aliaksei Haurylenka was detained. Haurylenka denies it."),
      article("b", "Alexei Gavrilenko, the former minister, was detained in Minsk."),
      article("c", "Алексей Гавриленко был задержан. Alexei Gavrilenko спокоен."),
    ];
    const mentions = articles.flatMap((a) => extractMentions(a));
    const entities = resolveEntities(articles, mentions);
    const person = entities.find((e) => e.aliases.includes("Aliaksei Haurylenka"));
    expect(person?.type).toBe("person");
    expect(person?.aliases).toEqual(expect.arrayContaining(["Alexei Gavrilenko", "Алексей Гавриленко", "Haurylenka"]));
    expect(person?.name).toBe("Alexei Gavrilenko");
    expect(person?.articleIds.sort()).toEqual(["a", "b", "c"]);
    expect(person?.roles).toContain("Former Interior Minister");
    for (const m of person?.mentions ?? [])
      expect(articles.find((a) => a.id === m.articleId)?.text.slice(m.start, m.end)).toBe(m.text);
    expect(entities.find((e) => e.name === "Minsk")?.type).toBe("place");
  });

  it("keeps a husband and his wife apart, and a look-alike", () => {
    const ms = [
      mention("a", "Alexei Dravny"),
      mention("a", "Yulia Dravnaya"),
      mention("b", "Алексей Дравный"),
      mention("b", "Юлия Дравная"),
      mention("c", "Alexander Lukashenko"),
      mention("c", "Alexander Lukashev"),
    ];
    const entities = resolveEntities([], ms);
    const group = (name: string) => entities.find((e) => e.aliases.includes(name))?.id;
    expect(group("Alexei Dravny")).toBe(group("Алексей Дравный"));
    expect(group("Yulia Dravnaya")).toBe(group("Юлия Дравная"));
    expect(group("Alexei Dravny")).not.toBe(group("Yulia Dravnaya"));
    expect(group("Alexander Lukashenko")).not.toBe(group("Alexander Lukashev"));
  });

  it("uses complete linkage: an initial fitting two people does not chain them", () => {
    const ms = [
      mention("a", "Alexei Dravny"),
      mention("b", "Anton Dravny"),
      mention("c", "A. Dravny"),
      mention("d", "A. Dravny"),
    ];
    const entities = resolveEntities([], ms);
    const group = (name: string) => entities.find((e) => e.aliases.includes(name))?.id;
    expect(group("Alexei Dravny")).not.toBe(group("Anton Dravny"));
    expect(
      entities.filter((e) => e.aliases.includes("Alexei Dravny") && e.aliases.includes("Anton Dravny")),
    ).toHaveLength(0);
  });

  it("joins a short bare name across scripts only when its letters agree, Cyrillic х read as h", () => {
    const entities = resolveEntities([], [mention("a", "Rahal"), mention("b", "Рахал"), mention("c", "Rehal")]);
    const group = (name: string) => entities.find((e) => e.aliases.includes(name))?.id;
    expect(group("Rahal")).toBe(group("Рахал"));
    expect(group("Rehal")).not.toBe(group("Rahal"));
  });

  it("never merges a country with a person of the same spelling", () => {
    const entities = resolveEntities(
      [],
      [mention("a", "Georgia", "place"), mention("b", "Georgia", "person"), mention("c", "Georgia", "place")],
    );
    expect(entities).toHaveLength(2);
    expect(entities.find((e) => e.type === "place")?.mentions).toHaveLength(2);
  });

  it("gives stable ids derived from the key, whatever the order of input", () => {
    const ms = [
      mention("a", "Taras Hrynkevich"),
      mention("b", "Тарас Гринкевич"),
      mention("c", "Open Lens", "organization"),
    ];
    const one = resolveEntities([], ms)
      .map((e) => e.id)
      .sort();
    const two = resolveEntities([], [...ms].reverse())
      .map((e) => e.id)
      .sort();
    expect(one).toEqual(two);
  });

  it("does not resolve a mention that names a generation under an antecedent of another generation", () => {
    const father = mention("a", "Taras Hrynkevich");
    const son = { ...mention("a", "Taras mlajši"), refersTo: 0 };
    const plain = { ...mention("a", "Hrynkevich"), refersTo: 0 };
    expect(resolvedName(son, [father, son, plain])).toBe("Taras mlajši");
    expect(resolvedName(plain, [father, son, plain])).toBe("Taras Hrynkevich");
    const entities = resolveEntities([], [father, son, plain]);
    const entityOf = (text: string) => entities.find((e) => e.mentions?.some((m) => m.text === text))?.id;
    expect(entityOf("Taras mlajši")).not.toBe(entityOf("Taras Hrynkevich"));
    expect(entityOf("Hrynkevich")).toBe(entityOf("Taras Hrynkevich"));
  });

  it("adds an article incrementally to an EntityIndex", () => {
    const index = new EntityIndex();
    const first = index.add({
      type: "person",
      name: "Taras Hrynkevich",
      mention: { articleId: "a", start: 0, end: 16, text: "Taras Hrynkevich" },
    });
    const second = index.add({
      type: "person",
      name: "Тарас Гринкевич",
      mention: { articleId: "b", start: 0, end: 15, text: "Тарас Гринкевич" },
    });
    const wife = index.add({
      type: "person",
      name: "Volha Hrynkevich",
      mention: { articleId: "b", start: 20, end: 36, text: "Volha Hrynkevich" },
    });
    expect(second).toBe(first);
    expect(wife).not.toBe(first);
    expect(index.size).toBe(2);
  });
});
