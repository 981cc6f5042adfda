import { describe, expect, it } from "vitest";
import { ORGANISATIONS } from "../src/resolve/data/organisations.js";
import { PLACES } from "../src/resolve/data/places.js";
import { nameKey, resolveEntities } from "../src/resolve/index.js";
import { gazetteerEntry } from "../src/resolve/name-key.js";
import { makeMention as mention } from "./helpers/make-mention.js";

describe("gazetteer of places and international bodies", () => {
  it("finds every listed name under its own entry, so no two entries share a spelling", () => {
    for (const place of PLACES) for (const name of place.names) expect(gazetteerEntry(name, "place")).toBe(place.id);
    for (const body of ORGANISATIONS)
      for (const name of body.names) expect(gazetteerEntry(name, "organization")).toBe(body.id);
  });

  it("reaches an inflected name by its key only when its first letters agree", () => {
    expect(gazetteerEntry("Wielkiej Brytanii", "place")).toBe("united-kingdom");
    // A Bulgarian town whose lossy key equals Slovenija's.
    expect(gazetteerEntry("Сливен", "place")).toBeNull();
    // An unlisted acronym is never matched by key.
    expect(gazetteerEntry("EK", "organization")).toBeNull();
    // Types are separate lists: a country is not an organisation.
    expect(gazetteerEntry("Niemcy", "organization")).toBeNull();
  });

  it("resolves translated names of one place or body to one entity, and keeps the others apart", () => {
    const entities = resolveEntities(
      [],
      [
        mention("a", "Niemcy", "place"),
        mention("b", "Германия", "place"),
        mention("c", "Nemčija", "place"),
        mention("d", "Австрия", "place"),
        mention("e", "Австралия", "place"),
        mention("f", "Unia Europejska", "organization"),
        mention("g", "ЕС", "organization"),
        mention("h", "Evropská unie", "organization"),
      ],
    );
    const entityOf = (name: string) => entities.find((e) => e.aliases.includes(name))?.id;
    expect(entityOf("Niemcy")).toBe(entityOf("Германия"));
    expect(entityOf("Niemcy")).toBe(entityOf("Nemčija"));
    expect(entityOf("Австрия")).not.toBe(entityOf("Австралия"));
    expect(entityOf("Unia Europejska")).toBe(entityOf("ЕС"));
    expect(entityOf("ЕС")).toBe(entityOf("Evropská unie"));
    expect(nameKey("Niemcy", "place")).toBe(nameKey("Germany", "place"));
  });
});
