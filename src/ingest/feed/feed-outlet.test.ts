import { describe, expect, it } from "vitest";
import { outletOfFeedTitle } from "./feed-outlet.js";

describe("outletOfFeedTitle", () => {
  it("keeps the part of the title that the feed's host spells", () => {
    expect(outletOfFeedTitle("The Northern Ledger - World", "https://northernledger.example/world")).toBe(
      "The Northern Ledger",
    );
    expect(outletOfFeedTitle("Politics | Gullport Times", "https://www.gullporttimes.example/politics")).toBe(
      "Gullport Times",
    );
    expect(outletOfFeedTitle("Rádio Břeh: Zprávy", "https://radiobreh.example/")).toBe("Rádio Břeh");
  });

  it("keeps the whole title when no part, or more than one, matches the host", () => {
    expect(outletOfFeedTitle("Coastline Wire Digest", "https://digest.example/")).toBe("Coastline Wire Digest");
    expect(outletOfFeedTitle("Morning Brief - World", "https://digest.example/")).toBe("Morning Brief - World");
    expect(outletOfFeedTitle("Ledger - Ledger World", "https://ledger.example/")).toBe("Ledger - Ledger World");
    expect(outletOfFeedTitle("The Northern Ledger - World", null)).toBe("The Northern Ledger - World");
    expect(outletOfFeedTitle("Northern-Ledger", "https://northernledger.example/")).toBe("Northern-Ledger");
    expect(outletOfFeedTitle(null, "https://northernledger.example/")).toBeNull();
  });
});
