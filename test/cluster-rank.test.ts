import { describe, expect, it } from "vitest";
import { outlineStory, rankStoryArticles } from "../src/cluster/index.js";
import { makeArticle } from "./helpers/make-article.js";

const core =
  "The ferry Kestrel ran aground off Tamsby with 212 passengers. Coastguard boats from Tamsby took everyone ashore.";

describe("rankStoryArticles", () => {
  it("puts the article closest to what all say first and takes the story title from it", () => {
    const articles = [
      makeArticle({
        id: "aside",
        title: "Tamsby harbour history",
        text: "Tamsby harbour was built in 1870 for herring boats.",
      }),
      makeArticle({ id: "central", title: "Kestrel ferry aground off Tamsby", text: core, outlet: "Harbour Post" }),
      makeArticle({
        id: "copy",
        title: "Ferry aground",
        text: `${core} Bellmar Lines apologised.`,
        outlet: "Coast Daily",
      }),
    ];
    const ranked = rankStoryArticles(articles);
    expect(ranked.at(-1)?.article.id).toBe("aside");
    expect(ranked[0]?.centrality).toBeGreaterThan(ranked.at(-1)?.centrality ?? 1);
    const outline = outlineStory(articles);
    expect(outline.title).toBe(ranked[0]?.article.title);
    expect(outline.outlets).toEqual(["Coast Daily", "Harbour Post"]);
    expect(outline.firstSeen).toBeNull();
  });
});
