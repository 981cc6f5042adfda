import { describe, expect, it } from "vitest";
import { extractDates, findDates, mergeTimeline, referenceDay } from "../src/extract/dates/index.js";
import { article } from "./fixtures/compare/make-article.js";

// Monday 4 May 2026, 08:00 UTC.
const MONDAY = "2026-05-04T08:00:00Z";
const resolve = (sentence: string, publishedAt: string | null = MONDAY) =>
  findDates(sentence, referenceDay(publishedAt)).mentions.map((m) => [m.date, m.precision]);

describe("date resolution against publication", () => {
  it.each([
    ["Police moved in on Saturday.", "2026-05-02", "day"],
    ["Police moved in on Monday.", "2026-05-04", "day"],
    ["He was charged yesterday.", "2026-05-03", "day"],
    ["The port was quiet last year.", "2025", "year"],
    ["He was elected in the summer of 2024.", "2024", "year"],
    ["The strike began on April 27.", "2026-04-27", "day"],
    ["The strike began on 27 April 2026.", "2026-04-27", "day"],
    ["He was sentenced in November.", "2025-11", "month"],
    ["He was arrested in July last year.", "2025-07", "month"],
    ["The port opened in 1998.", "1998", "year"],
  ])("%s", (sentence, date, precision) => {
    expect(resolve(sentence)).toEqual([[date, precision]]);
  });

  it("points a weekday forward when the sentence looks ahead", () => {
    expect(resolve("Hearings are expected to begin on Thursday.")).toEqual([["2026-05-07", "day"]]);
  });

  it("uses the outlet's own day, not UTC's", () => {
    expect(resolve("It happened yesterday.", "2026-05-04T01:00:00+03:00")).toEqual([["2026-05-03", "day"]]);
  });

  it("leaves vague weeks out", () => {
    expect(resolve("Talks stalled last week.")).toEqual([]);
  });
});

describe("timeline", () => {
  it("leaves relative dates out of an undated article with a diagnostic, and keeps absolute ones", () => {
    const r = extractDates(article("u", "Police moved in on Saturday. The union was founded in March 2019.", null));
    expect(r.events.map((e) => [e.date, e.precision])).toEqual([["2019-03", "month"]]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]?.source).toBe("dates:unresolvable");
  });

  it("describes the event from its clause without the date and attribution", () => {
    const r = extractDates(article("a", "Police detained 38 dockworkers on Saturday, the port authority said."));
    expect(r.events[0]?.event).toBe("Police detained 38 dockworkers");
  });

  it("replaces a leading pronoun with the person", () => {
    const r = extractDates(article("a", "Ivo Brandt leads the union. He was arrested in July 2025."));
    expect(r.events[0]?.event).toBe("Ivo Brandt was arrested");
  });

  it("merges the same event on the same date across articles, with different relative wording", () => {
    const a = extractDates(article("a", "Police detained 38 dockworkers on Saturday.", MONDAY)).events;
    const b = extractDates(
      article("b", "Dockworkers were detained by police yesterday.", "2026-05-03T09:00:00Z"),
    ).events;
    const c = extractDates(article("c", "The minister resigned on Saturday.", MONDAY)).events;
    const t = mergeTimeline([...a, ...b, ...c]);
    expect(t.map((e) => [e.date, e.articleIds])).toEqual([
      ["2026-05-02", ["a", "b"]],
      ["2026-05-02", ["c"]],
    ]);
  });

  it("dates what a quoted speaker dates, against the publication day", () => {
    const r = extractDates(article("a", '"We asked for a plan in January," said Ivo Brandt.'));
    expect(r.events.map((e) => [e.date, e.event])).toEqual([["2026-01", "We asked for a plan"]]);
  });

  it("resolves 'last summer' to the latest summer over", () => {
    expect(resolve("Farmers lost a harvest last summer.")).toEqual([["2025", "year"]]);
  });
});

describe("dates in sentences with several time expressions", () => {
  it("dates a reported clause by its own date, not the speech that reports it", () => {
    const text = "Ivo Brandt told a press briefing that most of the crew held on Saturday and Sunday had been freed.";
    const events = extractDates(article("a", text)).events.map((e) => [e.date, e.event]);
    // Neither date places the briefing, and neither day's event carries the other day's words.
    expect(events).toEqual([
      ["2026-05-02", "Most of the crew held"],
      ["2026-05-03", "Most of the crew held"],
    ]);
  });

  it("keeps a statement dated by its own verb's time expression", () => {
    const text = "Crews detained at the weekend will be charged, Ivo Brandt said on Monday.";
    const [e] = extractDates(article("a", text)).events;
    expect([e?.date, e?.event]).toEqual([
      "2026-05-04",
      "Crews detained at the weekend will be charged, Ivo Brandt said",
    ]);
  });

  it("does not merge two events of one month that share a single word", () => {
    const a = extractDates(article("a", "His family says it has had no calls from him since January.")).events;
    const b = extractDates(
      article("b", "Speaking from the family home, Lena Oster said she had not seen him since January."),
    ).events;
    expect(mergeTimeline([...a, ...b])).toHaveLength(2);
  });

  it("takes the year in which a written weekday falls on the day", () => {
    // Published Monday 4 May 2026: "Friday, June 5" is 2026 although June is still ahead.
    expect(resolve("Curfews start on Friday, June 5.")).toEqual([["2026-06-05", "day"]]);
  });

  it("reads a forecast as looking ahead", () => {
    expect(resolve("Forecasters expect no rain before August.")).toEqual([["2026-08", "month"]]);
  });
});

describe("words that look like dates", () => {
  it("a length of time and a lower-case weekday abbreviation are not dates", () => {
    expect(resolve("Ivo Brandt, a crane operator for 19 years, spoke.")).toEqual([]);
    expect(resolve("Managers and the union first sat down together.")).toEqual([]);
  });

  it("reads a present-tense schedule as ahead", () => {
    expect(resolve("The hearing resumes on 19 May.")).toEqual([["2026-05-19", "day"]]);
  });

  it("takes the 'when' clause as the event of its date", () => {
    const [e] = extractDates(article("a", "The cranes have not moved since Monday, when 900 crew walked out.")).events;
    expect(e?.event).toBe("900 crew walked out");
  });
});
