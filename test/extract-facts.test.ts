import { describe, expect, it } from "vitest";
import { extractFacts } from "../src/extract/facts/index.js";
import { findNumbers, parseNumber } from "../src/extract/facts/numbers.js";
import { article } from "./fixtures/compare/make-article.js";

describe("number normalisation", () => {
  it.each([
    ["seven", 7, 7],
    ["2.5", 2.5, 2.5],
    ["2,150", 2150, 2150],
    ["a dozen", 12, 12],
    ["forty-two", 42, 42],
    ["two thousand", 2000, 2000],
    ["3 million", 3_000_000, 3_000_000],
    ["tens of thousands", 20_000, 99_999],
  ])("%s", (raw, low, high) => {
    const n = parseNumber(raw);
    expect(n?.low).toBe(low);
    expect(n?.high).toBe(high);
  });

  it("does not read numbers inside words", () => {
    expect(findNumbers("someone often")).toEqual([]);
  });
});

describe("quantities", () => {
  const facts = (text: string) => extractFacts(article("a", text)).filter((f) => f.kind === "quantity");

  it("keeps qualifiers and what is counted", () => {
    const [f] = facts("Police said more than 2,000 detainees were still held.");
    expect(f).toMatchObject({ subject: "detained", value: "more than 2,000" });
    expect(f?.low).toBeGreaterThan(2000);
    expect(f?.high).toBe(Number.POSITIVE_INFINITY);
  });

  it("counts the named person in 'X and 6 others'", () => {
    const [f] = facts("Union leader Marta Kovren and 6 others were charged with blocking a road.");
    expect(f).toMatchObject({ subject: "charged", value: "7", low: 7, high: 7 });
  });

  it("counts the named person in 'X and six other <noun>'", () => {
    const [f] = facts("Union leader Marta Kovren and six other dockworkers were charged on Sunday.");
    expect(f).toMatchObject({ subject: "charged", value: "7" });
  });

  it("does not read the month March as a march, nor a berth number as a figure", () => {
    expect(facts("Six faults were logged in March.").map((f) => f.subject)).toEqual(["faults"]);
    expect(facts("The union complained about berth four last September.")).toEqual([]);
  });

  it("reads 'around' as a tolerance and 'at least' as an open bound", () => {
    const [a] = facts("Around 40,000 people joined the protest.");
    expect(a?.low).toBeCloseTo(36_000);
    expect(a?.subject).toBe("protesters");
    const [b] = facts("At least 6 others were injured.");
    expect(b).toMatchObject({ subject: "injured", low: 6 });
  });

  it("extracts prison terms for the sentenced person, not other durations", () => {
    const all = extractFacts(
      article("a", "Ivo Brandt was sentenced to 12 years in prison, four months after his arrest."),
    );
    const terms = all.filter((f) => f.property === "prison-sentence");
    expect(terms).toHaveLength(1);
    expect(terms[0]).toMatchObject({ subject: "Ivo Brandt", value: "12 years" });
  });

  it("ignores years, days of months, ages and table rows", () => {
    const text =
      "Ivo Brandt, 49, was arrested on March 14 in 2025.\n\n| Year | Arrests |\n| 2024 | 310 |\n| 2025 | 2,150 |";
    expect(facts(text)).toEqual([]);
  });

  it("gives offsets into the article text", () => {
    const text = "Intro.\n\nPolice detained 38 dockworkers on Saturday.";
    const [f] = facts(text);
    expect(text.slice(f?.start, f?.end)).toBe(f?.text);
    expect(f?.sentence.text).toBe("Police detained 38 dockworkers on Saturday.");
  });

  it("finds nothing in an article without figures", () => {
    expect(facts("The talks went on late into the night.")).toEqual([]);
  });
});

describe("roles and relations", () => {
  it("tells 'former minister' from 'minister'", () => {
    const roles = extractFacts(
      article("a", "Transport Minister Edvin Salo spoke. Later Mara Vell, the former finance minister, spoke too."),
    ).filter((f) => f.kind === "role");
    expect(roles.map((r) => [r.subjectLabel, r.value])).toEqual([
      ["Edvin Salo", "transport minister"],
      ["Mara Vell", "former finance minister"],
    ]);
  });

  it("finds who was detained and who was elected", () => {
    const rel = extractFacts(
      article("a", "Ivo Brandt was arrested at his home. Mara Vell was elected mayor in 2024."),
    ).filter((f) => f.kind === "relation");
    expect(rel.map((r) => [r.subjectLabel, r.property])).toEqual([
      ["Ivo Brandt", "detained"],
      ["Mara Vell", "elected"],
    ]);
  });
});
