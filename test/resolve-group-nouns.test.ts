import { describe, expect, it } from "vitest";
import { linkSurnames } from "../src/extract/entities/index.js";
import { groupStem, groupStemsMatch } from "../src/resolve/group-noun.js";
import { parsePersonName, resolveEntities } from "../src/resolve/index.js";
import { makeMention as mention } from "./helpers/make-mention.js";

function entityOf(entities: ReturnType<typeof resolveEntities>, alias: string): string | undefined {
  return entities.find((entity) => entity.aliases.includes(alias))?.id;
}

describe("group nouns (nationalities and party members tagged as people)", () => {
  it("cuts each language's demonym, plural and adjective endings to one stem", () => {
    // Invented group names built like real ones: Polish -czycy/-anie, Czech -ové/-ané, Slovene -ani/-ec,
    // Russian -цы/-ане/-ский, Bulgarian -ци.
    expect(groupStem("Zarechańczycy")).toBe(groupStem("Zarechańczyk"));
    expect(groupStem("заречанцы")).toBe("zarekan");
    expect(groupStem("Zarečané")).toBe("zarek");
    expect(groupStem("заречанский")).toBe("zarekan");
    expect(groupStem("Lyubravci")).toBe("liubrav");
    expect(groupStem("любравци")).toBe("liubrav");
    expect(groupStem("Lyubravové")).toBe("liubrav");
  });

  it("does not read a capitalised word without a demonym suffix, or a multi-word name, as a group", () => {
    expect(groupStem("Zelensky")).toBeNull();
    expect(groupStem("Bondarenko")).toBeNull();
    expect(groupStem("Taras Kovalenko")).toBeNull();
    expect(groupStem("Rossi")).toBeNull();
  });

  it("matches stems that differ by the -an- link or one letter of a long stem, and nothing looser", () => {
    expect(groupStemsMatch("zarek", "zarekan")).toBe(true);
    expect(groupStemsMatch("respublikan", "republikan")).toBe(true);
    expect(groupStemsMatch("slov", "sloven")).toBe(false);
    expect(groupStemsMatch("avstr", "avstral")).toBe(false);
    expect(groupStemsMatch("pol", "polit")).toBe(false);
  });

  it("resolves one group across languages and keeps it apart from people and other groups", () => {
    const entities = resolveEntities(
      [],
      [
        mention("a", "Zarechańczycy"),
        mention("b", "заречанцы"),
        mention("c", "Zarečané"),
        mention("d", "Lyubravci"),
        mention("e", "любравци"),
        mention("f", "Taras Zarechanski"),
      ],
    );
    expect(entityOf(entities, "Zarechańczycy")).toBe(entityOf(entities, "заречанцы"));
    expect(entityOf(entities, "Zarechańczycy")).toBe(entityOf(entities, "Zarečané"));
    expect(entityOf(entities, "Lyubravci")).toBe(entityOf(entities, "любравци"));
    expect(entityOf(entities, "Lyubravci")).not.toBe(entityOf(entities, "Zarečané"));
    expect(entityOf(entities, "Taras Zarechanski")).not.toBe(entityOf(entities, "Zarechańczycy"));
  });

  it("joins a capitalised singular to a group already known under its stem", () => {
    const entities = resolveEntities(
      [],
      [mention("a", "заречанисти"), mention("b", "заречанисти"), mention("c", "Zarechanista")],
    );
    expect(entityOf(entities, "Zarechanista")).toBe(entityOf(entities, "заречанисти"));
    // Without a group of that stem, the word stays a (bare) surname: it does not join another group.
    const other = resolveEntities([], [mention("a", "любравци"), mention("b", "Zarechanista")]);
    expect(entityOf(other, "Zarechanista")).not.toBe(entityOf(other, "любравци"));
  });

  it("reads a phrase ending in a lower-case word as a group phrase, not a given name and surname", () => {
    const parsed = parsePersonName("Liberální zarečané");
    expect(parsed.given).toEqual([]);
    expect(parsePersonName("Ludwig van Beethoven").given).toHaveLength(1);
    expect(parsePersonName("Taras Dravny mlajši").generation).toBe("junior");
    // A capitalised particle opening a name is a given name only where it is one ("Al", "Van"), and not before
    // another particle.
    expect(parsePersonName("Al Dorvin").given).toHaveLength(1);
    expect(parsePersonName("Van der Dorvin").given).toHaveLength(0);
    expect(parsePersonName("De Dorvin").given).toHaveLength(0);
    // The Arabic article glued to a surname is not part of it.
    expect(parsePersonName("Saif ul-Dorvan").surname?.stem).toBe(parsePersonName("Saif Dorvan").surname?.stem);
  });

  it("reads a demonym-looking word as a surname when a person of that name is known", () => {
    const entities = resolveEntities([], [mention("a", "Marco Belliani"), mention("b", "Belliani")]);
    expect(entityOf(entities, "Belliani")).toBe(entityOf(entities, "Marco Belliani"));
    const alone = resolveEntities([], [mention("a", "Belliani"), mention("b", "Bellianové")]);
    expect(entityOf(alone, "Belliani")).toBe(entityOf(alone, "Bellianové"));
  });
});

describe("one-word first names and family plurals", () => {
  it("links a one-word first name the lexicon does not know to the one full name it begins", () => {
    const ms = [mention("a", "Asiya Norenko"), mention("a", "Asiya"), mention("a", "Азия")];
    const linked = linkSurnames(ms);
    expect(linked[1]?.refersTo).toBe(0);
    expect(linked[2]?.refersTo).toBe(0);
  });

  it("does not link a lower-case word or a name of the other gender as a first name", () => {
    const ms = [
      mention("a", "Teresa Mayorova"),
      mention("a", "torysi"),
      mention("a", "Lyubomir Dravny"),
      mention("a", "Lyuba"),
    ];
    const linked = linkSurnames(ms);
    expect(linked[1]?.refersTo).toBeUndefined();
    expect(linked[3]?.refersTo).toBeUndefined();
  });

  it("keeps a plural surname (the family) apart from its members", () => {
    expect(parsePersonName("Дравны").generation).toBe("family");
    expect(parsePersonName("Дравный").generation).toBeNull();
    const entities = resolveEntities([], [mention("a", "Алексей Дравный"), mention("b", "Дравны")]);
    expect(entityOf(entities, "Дравны")).not.toBe(entityOf(entities, "Алексей Дравный"));
  });

  it("reads a soft-sign surname's plural in -и as the family, but not a surname that merely ends in -и", () => {
    const entities = resolveEntities(
      [],
      [
        mention("a", "Тарас Островель"),
        mention("b", "Островели"),
        mention("c", "Островель"),
        mention("d", "Марко Бертолини"),
        mention("e", "Бертолини"),
      ],
    );
    expect(entityOf(entities, "Островели")).not.toBe(entityOf(entities, "Тарас Островель"));
    expect(entityOf(entities, "Островель")).toBe(entityOf(entities, "Тарас Островель"));
    // No "Бертолинь" is known, so "Бертолини" is a foreign surname in -и, not a plural.
    expect(entityOf(entities, "Бертолини")).toBe(entityOf(entities, "Марко Бертолини"));
  });
});
