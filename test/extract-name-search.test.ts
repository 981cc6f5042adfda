import { describe, expect, it } from "vitest";
import { nameMentions, wordOccurrences } from "../src/extract/facts/people.js";
import type { Entity } from "../src/model/story.js";
import { makeArticle } from "./helpers/make-article.js";

/** The plain definition wordOccurrences must keep: one global Unicode search for the form as whole words. */
function reference(text: string, form: string): number[] {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  return [...text.matchAll(new RegExp(`(?<![\\p{L}\\d])${escaped}(?![\\p{L}\\d])`, "gu"))].map((m) => m.index ?? 0);
}

describe("wordOccurrences", () => {
  const cases: Array<[string, string]> = [
    ["Anna Salo met Salo and Salonen; salo twice: Salo.", "Salo"],
    ["Yury  Daletski,\nYury\tDaletski and YuryDaletski", "Yury Daletski"],
    ["Зеленський і Зеленськийович; Зеленський.", "Зеленський"],
    ["Anna Anna Anna", "Anna Anna"],
    ["J. Smith and J.Smith and J. Smithson", "J. Smith"],
    ["2Salo Salo2 Salo", "Salo"],
    ["𝒜Salo Salo", "Salo"],
    ["Mr O'Neill said O'Neill's aide", "O'Neill"],
    ["(Salo) [Salo]", "Salo"],
    ["no match here", "Salo"],
    ["  Salo", " Salo"],
  ];
  it.each(cases)("finds in %j the same places as one global search for %j", (text, form) => {
    expect(wordOccurrences(text, form)).toEqual(reference(text, form));
  });

  it("finds names at every place on seeded random texts, as the global search does", () => {
    let state = 7;
    const next = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
    const pieces = ["Salo", "Anna", " ", "  ", "-", "x", "é", "Ω", "1", ".", "\n", "Salon", "𝒜"];
    for (let round = 0; round < 300; round++) {
      let text = "";
      for (let i = 0; i < 30; i++) text += pieces[Math.floor(next() * pieces.length)];
      for (const form of ["Salo", "Anna Salo", "Salo Salo", "Anna"]) {
        expect(wordOccurrences(text, form), JSON.stringify([text, form])).toEqual(reference(text, form));
      }
    }
  });
});

describe("nameMentions", () => {
  it("gives the same names for one article and entity list however often it is asked", () => {
    const article = makeArticle({
      id: "a1",
      text: "Interior Minister Edvin Salo spoke. Salo said the Lipovy Square protest was calm.",
    });
    const entities: Entity[] = [];
    const first = nameMentions(article, entities);
    expect(first.map((name) => name.text)).toEqual(["Edvin Salo", "Salo"]);
    expect(nameMentions(article, entities)).toEqual(first);
    // Another entity list is another question: here the entity's alias is found as a name too.
    const withEntity: Entity[] = [
      { id: "person:square", type: "person", name: "Lipovy Square", aliases: ["Lipovy Square"], articleIds: ["a1"] },
    ];
    expect(nameMentions(article, withEntity).map((name) => name.text)).toContain("Lipovy Square");
  });
});
