import { describe, expect, it } from "vitest";
import { compareStory } from "../src/compare/index.js";
import type { Claim, ProvenanceEdge } from "../src/model/story.js";
import { article } from "./fixtures/compare/make-article.js";

const claimsOf = (texts: Record<string, string>, provenance: ProvenanceEdge[] = []) =>
  compareStory({
    articles: Object.entries(texts).map(([id, text]) => article(id, text)),
    entities: [],
    provenance,
  }).claims;
const find = (claims: Claim[], subject: string, property: string) =>
  claims.find((c) => c.subject === subject && c.property === property);

describe("claims", () => {
  it("agrees when a bound and a figure are compatible", () => {
    const c = find(
      claimsOf({ a: "More than 2,000 people were detained.", b: "Police detained 2,150 people." }),
      "detained",
      "count",
    );
    expect(c?.status).toBe("agreed");
    expect(c?.values.map((v) => v.value).sort()).toEqual(["2,150", "more than 2,000"]);
  });

  it("agrees on 'X and 6 others' and 'seven people'", () => {
    const c = find(
      claimsOf({ a: "Marta Kovren and 6 others were charged.", b: "Seven people were charged on Sunday." }),
      "charged",
      "count",
    );
    expect(c?.status).toBe("agreed");
  });

  it("conflicts on different exact figures, listing each with its sources", () => {
    const c = find(
      claimsOf({
        a: "Police detained 2,150 people.",
        b: "Police detained 2,150 people, lawyers said.",
        c: "Police detained 2,172 people.",
      }),
      "detained",
      "count",
    );
    expect(c?.status).toBe("conflicting");
    expect(c?.note).toBeUndefined();
    expect(c?.values.map((v) => [v.value, v.articleIds])).toEqual([
      ["2,150", ["a", "b"]],
      ["2,172", ["c"]],
    ]);
  });

  it("conflicts on 'minister' vs 'former minister' and on 12 vs 11 years", () => {
    const claims = claimsOf({
      a: "Interior Minister Alexei Grachev spoke. Ivo Brandt was sentenced to 12 years in prison.",
      b: "Alexei Grachev, the former interior minister, spoke. Ivo Brandt was sentenced to 11 years in prison.",
    });
    expect(find(claims, "Alexei Grachev", "role")?.status).toBe("conflicting");
    expect(find(claims, "Ivo Brandt", "prison-sentence")?.status).toBe("conflicting");
  });

  it("notes a different time instead of a contradiction", () => {
    const c = find(
      claimsOf({
        a: "By Sunday, 2,150 people had been detained, monitors said.",
        b: "By Monday, 2,172 people had been detained, monitors said.",
      }),
      "detained",
      "count",
    );
    expect(c).toMatchObject({ status: "conflicting", note: "different-time" });
  });

  it("notes a different definition when different counters give the figures", () => {
    const c = find(
      claimsOf({
        a: "About 10,000 people joined the protest, police said.",
        b: "About 40,000 people joined the protest, according to the organisers.",
      }),
      "protesters",
      "count",
    );
    expect(c).toMatchObject({ status: "conflicting", note: "different-definition" });
  });

  it("does not count a copy as independent confirmation", () => {
    const texts = { a: "Police detained 2,150 people.", b: "Police detained 2,150 people." };
    const copy: ProvenanceEdge = { source: "a", target: "b", relation: "duplicate", score: 1, evidence: [] };
    const withCopy = find(claimsOf(texts, [copy]), "detained", "count");
    expect(withCopy?.status).toBe("single-source");
    expect(withCopy?.values[0]?.independentSources).toBe(1);
    expect(find(claimsOf(texts), "detained", "count")?.status).toBe("agreed");
  });

  it("gives empty sections for articles without numbers, quotes or dates", () => {
    const r = compareStory({
      articles: [article("a", "The talks went on."), article("b", "Nobody spoke to the press.")],
      entities: [],
      provenance: [],
    });
    expect(r).toMatchObject({ claims: [], quotes: [], timeline: [], brief: [] });
  });
});
