import { describe, expect, it } from "vitest";
import { makeArticle } from "../../test/helpers/make-article.js";
import { compareByPublication, groupStories } from "./group-stories.js";

const flood = (id: string, publishedAt: string | null, extra = "") =>
  makeArticle({
    id,
    publishedAt,
    title: `River Velna floods Dorsk ${extra}`,
    text: `The river Velna burst its banks in Dorsk, flooding the old market. Rescue teams evacuated 340 residents from Dorsk. ${extra}`,
  });
const trial = (id: string, publishedAt: string | null) =>
  makeArticle({
    id,
    publishedAt,
    title: "Court in Halvest sentences journalist Ostrava",
    text: "A court in Halvest sentenced the journalist Mira Ostrava to four years. Ostrava denied the charges in court.",
  });

describe("groupStories", () => {
  it("puts articles about one event together and keeps an unrelated event apart", () => {
    const groups = groupStories([
      flood("a", "2026-03-01"),
      trial("b", "2026-03-01"),
      flood("c", "2026-03-02", "Dams held."),
    ]);
    const sets = groups.map((g) => [...g.articleIds].sort());
    expect(sets).toHaveLength(2);
    expect(sets).toContainEqual(["a", "c"]);
    expect(sets).toContainEqual(["b"]);
  });

  it("does not depend on input order", () => {
    const articles = [flood("a", "2026-03-01"), trial("b", "2026-03-02"), flood("c", "2026-03-03")];
    const forward = groupStories(articles).map((g) => g.articleIds);
    const backward = groupStories([...articles].reverse()).map((g) => g.articleIds);
    expect(backward).toEqual(forward);
  });

  it("gives an article with no words its own story instead of joining one", () => {
    const groups = groupStories([flood("a", null), makeArticle({ id: "empty", title: "", text: "" })]);
    expect(groups.map((g) => g.articleIds)).toContainEqual(["empty"]);
  });
});

describe("compareByPublication", () => {
  it("orders by date, undated last, ties by id", () => {
    const sorted = [
      makeArticle({ id: "z", publishedAt: null }),
      makeArticle({ id: "b", publishedAt: "2026-03-02T10:00:00+02:00" }),
      makeArticle({ id: "a", publishedAt: "2026-03-02T08:30:00Z" }),
    ].sort(compareByPublication);
    // 10:00+02:00 is 08:00Z, earlier than 08:30Z.
    expect(sorted.map((a) => a.id)).toEqual(["b", "a", "z"]);
  });
});
