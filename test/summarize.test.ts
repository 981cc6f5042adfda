import { describe, expect, it } from "vitest";
import { compareStory } from "../src/compare/index.js";
import { articleLabel, checkSupport } from "../src/summarize/index.js";
import { article } from "./fixtures/compare/make-article.js";

const A = article(
  "a",
  'Police in Velmara detained 2,150 people on Saturday. Ivo Brandt was sentenced to 12 years in prison.\n\n"The port stays open," said Edvin Salo.',
  "2026-05-04T08:00:00Z",
  "Harbor Signal",
);
const B = article(
  "b",
  'Police detained 2,150 people on Saturday in Velmara. Ivo Brandt was sentenced to 12 years in prison.\n\nEdvin Salo said: "The port stays open."',
  "2026-05-04T10:00:00Z",
  "Coastline Daily",
);
const C = article(
  "c",
  "Police detained 2,172 people at the port on Saturday, lawyers said.",
  "2026-05-04T12:00:00Z",
  "Velmara Review",
);

describe("checkSupport", () => {
  it("accepts a sentence whose figures, names and key words are in each cited article", () => {
    expect(checkSupport({ text: "2,150 people were detained.", articleIds: ["a", "b"] }, [A, B, C]).supported).toBe(
      true,
    );
  });

  it("rejects a figure or a name a cited article lacks", () => {
    expect(checkSupport({ text: "2,150 people were detained.", articleIds: ["a", "c"] }, [A, B, C]).supported).toBe(
      false,
    );
    expect(checkSupport({ text: "Mara Vell was sentenced.", articleIds: ["a"] }, [A, B, C]).supported).toBe(false);
  });

  it("scopes inline citations to the value before them", () => {
    const ok =
      "Reported figures for people detained differ: 2,150 (Harbor Signal, Coastline Daily) and 2,172 (Velmara Review).";
    expect(checkSupport({ text: ok, articleIds: ["a", "b", "c"] }, [A, B, C]).supported).toBe(true);
    const swapped = "Reported figures for people detained differ: 2,172 (Harbor Signal) and 2,150 (Velmara Review).";
    expect(checkSupport({ text: swapped, articleIds: ["a", "c"] }, [A, B, C]).supported).toBe(false);
  });

  it("checks dates against each article's own resolved dates", () => {
    const text = "On 2 May 2026: Police detained people.";
    expect(checkSupport({ text, articleIds: ["a", "c"] }, [A, B, C]).supported).toBe(true);
    expect(checkSupport({ text: "On 3 May 2026: Police detained people.", articleIds: ["a"] }, [A]).supported).toBe(
      false,
    );
  });

  it("rejects a sentence without citations", () => {
    expect(checkSupport({ text: "Police detained people.", articleIds: [] }, [A]).supported).toBe(false);
  });
});

describe("brief", () => {
  const r = compareStory({ articles: [A, B, C], entities: [], provenance: [] });

  it("cites every sentence and every sentence is supported by its citations", () => {
    expect(r.brief.length).toBeGreaterThan(0);
    expect(r.brief.length).toBeLessThanOrEqual(10);
    for (const s of r.brief) {
      expect(s.articleIds.length).toBeGreaterThan(0);
      expect(checkSupport(s, [A, B, C])).toEqual({ supported: true, problems: [] });
    }
  });

  it("marks a conflict with both sides and their sources instead of choosing one", () => {
    const conflict = r.brief.find((s) => s.text.includes("differ"));
    expect(conflict?.text).toContain("2,150 (Harbor Signal, Coastline Daily)");
    expect(conflict?.text).toContain("2,172 (Velmara Review)");
    expect(r.brief.some((s) => /^2,150 people were detained/.test(s.text))).toBe(false);
  });

  it("states what several outlets carry", () => {
    expect(r.brief).toContainEqual({ text: "Ivo Brandt was sentenced to 12 years in prison.", articleIds: ["a", "b"] });
    expect(r.brief.some((s) => s.text.includes("The port stays open"))).toBe(true);
  });

  it("stays short for a thin story and never pads", () => {
    const thin = compareStory({ articles: [article("x", "Talks went on.")], entities: [], provenance: [] });
    expect(thin.brief).toEqual([]);
  });
});

describe("brief prose", () => {
  const noOutlet = (id: string, text: string, author: string | null) => ({
    ...article(id, text, "2026-05-04T08:00:00Z"),
    outlet: null,
    author,
    title: "A long headline that must never become a citation label",
  });

  it("labels an article without an outlet by its author, else by a short stand-in, never its title", () => {
    const withAuthor = noOutlet("n", "Text.", "Mira Tolv");
    const without = noOutlet("m", "Text.", null);
    expect(articleLabel(withAuthor)).toBe("Mira Tolv");
    expect(articleLabel(without)).toBe("Unnamed source");
  });

  it("names an outlet once when all its articles are on one side of a conflict", () => {
    const a1 = article("a1", "Police detained 38 dockworkers on Saturday.", "2026-05-04T08:00:00Z", "Harbor Signal");
    const a2 = article("a2", "Police detained 38 dockworkers at the port.", "2026-05-05T08:00:00Z", "Harbor Signal");
    const b = article("b", "Police detained 41 dockworkers on Saturday.", "2026-05-04T09:00:00Z", "Velmara Review");
    const brief = compareStory({ articles: [a1, a2, b], entities: [], provenance: [] }).brief;
    const conflict = brief.find((s) => s.text.includes("differ"));
    expect(conflict?.text).toContain("38 (Harbor Signal)");
    expect(conflict && checkSupport(conflict, [a1, a2, b]).supported).toBe(true);
  });

  it("leaves out dated events that open on a pronoun or a verb without its subject", () => {
    const text = (id: string) =>
      article(
        id,
        "Ivo Brandt leads the union. His family says it has had no word from him since January. Sentenced to two years in July 2025, he appealed.",
        "2026-05-04T08:00:00Z",
        id.toUpperCase(),
      );
    const brief = compareStory({ articles: [text("p"), text("q")], entities: [], provenance: [] }).brief;
    expect(brief.some((s) => /\b(?:His family|Sentenced to)\b/.test(s.text))).toBe(false);
  });

  it("writes a small opening figure as a word and dates events as prose", () => {
    const x = article("x", "Seven dockworkers were charged on Sunday in Velmara.", "2026-05-04T08:00:00Z", "X");
    const y = article("y", "7 dockworkers were charged on Sunday in Velmara.", "2026-05-04T09:00:00Z", "Y");
    const texts = compareStory({ articles: [x, y], entities: [], provenance: [] }).brief.map((s) => s.text);
    expect(texts).toContain("Seven people were charged.");
    expect(texts.some((t) => t.startsWith("On 3 May 2026, "))).toBe(true);
  });
});
