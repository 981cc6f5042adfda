import { describe, expect, it } from "vitest";
import { splitAuthors } from "../src/ingest/article-draft.js";
import { ingestDocument } from "../src/ingest/index.js";
import { parseByline } from "../src/ingest/text/byline.js";
import type { Article } from "../src/model/index.js";

// Metadata rules added for issue 3 (titles, bylines, site names); each on invented pages.

const NOW = new Date("2026-06-01T12:00:00Z");
const BODY = [1, 2, 3]
  .map(
    (n) =>
      `<p>Paragraph ${n} of the invented story says that the ferry crews of Lindmoor voted on Friday to keep the night crossings running through the storm season.</p>`,
  )
  .join("\n");

function page(head: string, body: string): Article {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
  const result = ingestDocument(
    { source: "page.html", path: null, url: null, bytes: new TextEncoder().encode(html), contentType: "text/html" },
    { now: NOW },
  );
  if (result.status !== "ok") throw new Error(result.reason);
  const article = result.value[0];
  if (!article) throw new Error("no article");
  return article;
}

describe("titles", () => {
  it("drops a short site tail from a <title> that is the only title", () => {
    expect(page("<title>Ferry crews vote to keep night crossings – Harbour Notes</title>", BODY).title).toBe(
      "Ferry crews vote to keep night crossings",
    );
  });

  it("keeps a long tail, which is part of the headline", () => {
    const title = "Crews vote - and the night crossings will keep running all winter";
    expect(page(`<title>${title}</title>`, BODY).title).toBe(title);
  });

  it("drops any tail when an <h1> agrees with the head", () => {
    const head = "<title>Night crossings - Ann Lee (annlee) personal pages and notes</title>";
    expect(page(head, `<article><h1>Night crossings</h1>${BODY}</article>`).title).toBe("Night crossings");
  });

  it("prefers a meta property over a meta name of the same key", () => {
    const head =
      '<meta name="DC.title" content="Old CMS default"><meta property="dc:title" content="Ferry crews vote">' +
      '<meta name="DC.creator" content="Old Default"><meta property="dc:creator" content="Ann Lee">';
    const article = page(head, BODY);
    expect(article.title).toBe("Ferry crews vote");
    expect(article.author).toBe("Ann Lee");
  });
});

describe("site names", () => {
  it("prefers the JSON-LD publisher over og:site_name (platform, or name plus tagline)", () => {
    const ld = {
      "@type": "NewsArticle",
      headline: "Ferry crews vote",
      publisher: { "@type": "Organization", name: "Lindmoor Gazette" },
    };
    const head = `<script type="application/ld+json">${JSON.stringify(ld)}</script><meta property="og:site_name" content="Blogplatform">`;
    expect(page(head, BODY).outlet).toBe("Lindmoor Gazette");
  });

  it("still strips an og:site_name suffix from the title when the publisher differs", () => {
    const head =
      '<meta property="og:site_name" content="Gazette Online"><meta property="og:title" content="Ferry crews vote | Gazette Online">' +
      `<script type="application/ld+json">${JSON.stringify({ "@type": "NewsArticle", publisher: { name: "Gazette Group" } })}</script>`;
    expect(page(head, BODY).title).toBe("Ferry crews vote");
  });
});

describe("authors", () => {
  it("does not split a name whose pieces are not names", () => {
    expect(splitAuthors("Ship & i")).toEqual(["Ship & i"]);
    expect(splitAuthors("Ann Lee & Bo Park")).toEqual(["Ann Lee", "Bo Park"]);
  });

  it("skips a JSON-LD author that is a user handle and reads the byline instead", () => {
    const ld = { "@type": "NewsArticle", headline: "Ferry crews vote", author: { "@type": "Person", name: "AL7788" } };
    const head = `<script type="application/ld+json">${JSON.stringify(ld)}</script>`;
    const body = `<article><h1>Ferry crews vote</h1><span class="author-name">Ann Lee</span>${BODY}</article>`;
    expect(page(head, body).author).toBe("Ann Lee");
  });

  it("reads the author link of a byline block and leaves the role out", () => {
    const body = `<article><h1>Ferry crews vote</h1><div class="author"><a href="/author/ann-lee">Ann Lee</a><div class="author-title">Harbour Editor</div></div>${BODY}</article>`;
    expect(page("<title>Ferry crews vote</title>", body).author).toBe("Ann Lee");
  });

  it("ignores bylines of comments and of related stories", () => {
    const body =
      `<article><h1>Ferry crews vote</h1>${BODY}</article>` +
      '<aside class="related"><span class="author">Par Cy Diaz</span></aside>' +
      '<ul class="comments-list"><li class="comment"><div class="byline">J J</div></li></ul>' +
      '<div class="story-footer"><div class="author">Bo Park</div></div>';
    expect(page("<title>Ferry crews vote</title>", body).author).toBe("Bo Park");
  });

  it("trusts itemprop=author in a blog's <aside> post footer", () => {
    const body = `<article><h1>Ferry crews vote</h1>${BODY}<aside><span itemprop="author"><span itemprop="name">Ann Lee</span> —</span></aside></article>`;
    expect(page("<title>Ferry crews vote</title>", body).author).toBe("Ann Lee");
  });

  it.each([
    ["By ANN LEE March 11, 2026 3:46 PM", ["ANN LEE"]],
    ["By Ann Lee 22 Dec 2026", ["Ann Lee"]],
    ["by: Ann Lee", ["Ann Lee"]],
    ["Written by Ann Lee Edited by Bo Park", ["Ann Lee"]],
    ["By Ann Lee Updated 5:01 pm", ["Ann Lee"]],
  ])("reads %j as a byline with its timestamp or credit cut", (line, names) => {
    expect(parseByline(line)).toEqual(names);
  });

  it.each(["By J J", "By Last Updated: January 7, 2026", "By the end of the week the crews had voted"])(
    "reads %j as no byline",
    (line) => {
      expect(parseByline(line)).toBeNull();
    },
  );
});
