import { describe, expect, it } from "vitest";
import { extractQuotes, mergeQuotes } from "../src/extract/quotes/index.js";
import type { Entity } from "../src/model/story.js";
import { article } from "./fixtures/compare/make-article.js";

const speakers = (text: string, entities: Entity[] = []) =>
  extractQuotes(article("a", text), entities).quotes.map((q) => [q.text, q.speakerName]);

describe("quote speakers", () => {
  it('"…," said X.', () => {
    expect(speakers('"The cranes are unsafe," said Marta Kovren.')).toEqual([
      ["The cranes are unsafe", "Marta Kovren"],
    ]);
  });

  it("X said: “…”", () => {
    expect(speakers("Marta Kovren said: “The cranes are unsafe.”")).toEqual([
      ["The cranes are unsafe.", "Marta Kovren"],
    ]);
  });

  it('"…," X told …', () => {
    expect(speakers('"We will return," Marta Kovren told reporters.')).toEqual([["We will return", "Marta Kovren"]]);
  });

  it("added / wrote / according to", () => {
    expect(speakers('Ivo Brandt spoke first. "It is over," wrote Marta Kovren.')).toEqual([
      ["It is over", "Marta Kovren"],
    ]);
    expect(speakers('"It is over," according to Marta Kovren.')).toEqual([["It is over", "Marta Kovren"]]);
  });

  it("resolves 'he said' to the last named man, skipping a woman named later", () => {
    const text = 'Transport Minister Edvin Salo met Mrs Kovren. "The port stays open," he said.';
    expect(speakers(text)).toEqual([["The port stays open", "Edvin Salo"]]);
  });

  it("does not guess a pronoun between two people of unknown gender", () => {
    const text = 'The talks between Kai Oren and Sam Tully ended. "We agreed," he said.';
    expect(speakers(text)).toEqual([["We agreed", null]]);
  });

  it("takes the speaker from the next sentence", () => {
    const text = '"Safety comes before schedules." Those were the words of Marta Kovren on Sunday.';
    expect(speakers(text)).toEqual([["Safety comes before schedules.", "Marta Kovren"]]);
  });

  it("takes the speaker from the previous sentence ending with a colon", () => {
    const text = "Marta Kovren spoke outside the court:\n\n“We will be back tomorrow.”";
    expect(speakers(text)).toEqual([["We will be back tomorrow.", "Marta Kovren"]]);
  });

  it("keeps partial quotes with their speaker and drops short scare quotes", () => {
    const text = 'Edvin Salo called the strike "an attack on the economy" in an interview. Critics call it "reform".';
    expect(speakers(text)).toEqual([["an attack on the economy", "Edvin Salo"]]);
  });

  it("resolves the speaker to an entity by alias", () => {
    const entities: Entity[] = [
      { id: "ent-kovren", type: "person", name: "Marta Kovren", aliases: ["Kovren"], articleIds: ["a"] },
    ];
    const [q] = extractQuotes(article("a", '"We stay," Kovren said.'), entities).quotes;
    expect(q).toMatchObject({ speaker: "ent-kovren", speakerName: "Marta Kovren" });
  });

  it("handles unbalanced marks without a runaway quote", () => {
    const text = "Marta Kovren said: “We will not stop.\n\nThe court adjourned. “Fine,” said Ivo Brandt.";
    const r = extractQuotes(article("a", text));
    expect(r.quotes.map((q) => q.text)).toEqual(["Fine,"].map((t) => t.replace(/,$/, "")));
    expect(r.diagnostics.map((d) => d.source)).toEqual(["quotes:unbalanced"]);
  });

  it("keeps nested single quotes inside", () => {
    const text = "“They called it ‘a plan’, not a promise,” said Marta Kovren.";
    expect(speakers(text)).toEqual([["They called it ‘a plan’, not a promise", "Marta Kovren"]]);
  });

  it("finds nothing in an article without quotes", () => {
    expect(extractQuotes(article("a", "The port reopened on Monday.")).quotes).toEqual([]);
  });
});

describe("merging quotes across outlets", () => {
  it("merges verbatim and trimmed copies, keeping the longest text and all articles", () => {
    const a = extractQuotes(
      article("a", '"The port cannot be held hostage by a few hundred people," said Edvin Salo.'),
    ).quotes;
    const b = extractQuotes(article("b", "Edvin Salo said: “The port cannot be held hostage.”")).quotes;
    const c = extractQuotes(article("c", '"We stay," said Marta Kovren.')).quotes;
    const merged = mergeQuotes([...b, ...a, ...c]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({
      text: "The port cannot be held hostage by a few hundred people",
      speakerName: "Edvin Salo",
      articleIds: ["a", "b"],
    });
  });
});

describe("harder attributions", () => {
  it("keeps the speaker of a quote split by 'X said.', even when the next paragraph names another", () => {
    const text =
      "“The gates stay shut,” Marta Kovren said. “Nobody has told us why.”\n\nIvo Brandt said the union would meet.";
    expect(speakers(text)).toEqual([
      ["The gates stay shut", "Marta Kovren"],
      ["Nobody has told us why.", "Marta Kovren"],
    ]);
  });

  it("a quote split by 'he said' inside one sentence", () => {
    const text = "Edvin Salo spoke at noon. “We will talk,” he said, “but not under threat.”";
    expect(speakers(text)).toEqual([
      ["We will talk", "Edvin Salo"],
      ["but not under threat.", "Edvin Salo"],
    ]);
  });

  it("a short partial quote after a verb that takes it as its object", () => {
    const text = "The former minister, Edvin Salo, has blamed “outside agitators” for the unrest.";
    expect(speakers(text)).toEqual([["outside agitators", "Edvin Salo"]]);
  });
});

describe("attributions a different writer uses", () => {
  it("'the minister added' resolves to the person named with that title", () => {
    const text =
      "Ivo Brandt spoke first. Transport Minister Edvin Salo then urged calm. “Nobody is against safety,” the minister added.";
    expect(speakers(text)).toEqual([["Nobody is against safety", "Edvin Salo"]]);
  });

  it("finds a speaker two sentences after a stand-alone quote, past a sentence that names nobody", () => {
    const text =
      "“Every day costs us a ship.” The warning was blunt. Lena Oster, the harbour master, said more would go.";
    expect(speakers(text)).toEqual([["Every day costs us a ship.", "Lena Oster"]]);
  });

  it("joins a quote that runs over a paragraph break", () => {
    const text = "Hedda Voss read a statement:\n\n“We asked twice. Nobody came.\n\n“So the cranes stopped,” she said.";
    const r = extractQuotes(article("a", text));
    expect(r.quotes.map((q) => [q.text, q.speakerName])).toEqual([
      ["We asked twice. Nobody came. So the cranes stopped", "Hedda Voss"],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it("keeps a nested pair of the same curly marks inside the outer quote", () => {
    const text = "“The manager told us “all is fine”. Two of us were hurt,” Ivo Brandt said.";
    expect(speakers(text)).toEqual([["The manager told us “all is fine”. Two of us were hurt", "Ivo Brandt"]]);
  });
});
