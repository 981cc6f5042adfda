import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Story } from "../src/model/story.js";
import { HOSTILE, SAMPLE_ARTICLES, SAMPLE_STORY } from "../src/server/fixtures/sample-story.js";
import { createApp } from "../src/server/index.js";
import { openStore } from "../src/store/index.js";
import type { Store } from "../src/store/store.js";
import { locatePassage, splitParagraphs } from "../src/web/index.js";
import { mergeRanges } from "../src/web/paragraphs.js";
import { markParagraph } from "../src/web/sections/articles-columns.js";

const EMPTY_STORY: Story = {
  ...SAMPLE_STORY,
  id: "story-00000000000e",
  title: "A lone article",
  articleIds: ["aaaa000000000003"],
  outlets: ["Eastgate Post"],
  entities: [],
  provenance: [],
  claims: [],
  quotes: [],
  timeline: [],
  brief: [],
};

let store: Store;
let app: Hono;
const page = async (path: string) => {
  const response = await app.request(path);
  return { status: response.status, type: response.headers.get("content-type"), html: await response.text() };
};

beforeAll(async () => {
  store = await openStore(":memory:");
  for (const article of SAMPLE_ARTICLES) await store.putArticle(article);
  await store.replaceStories([SAMPLE_STORY, EMPTY_STORY]);
  app = createApp({ store });
});
afterAll(() => store.close());

/** No markup from article content may survive: no script or img element, no handler, no javascript: link. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<img/i);
  expect(html).not.toMatch(/<b>/);
  // Escaped text may read "onerror=", but no real tag may carry a handler.
  // Attribute values are always double-quoted and escaped, so they are blanked before looking at attribute names.
  for (const [tag] of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
    expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son[a-z]+\s*=/i);
  }
  expect(html).not.toMatch(/href="javascript:/i);
  expect(html).not.toContain(HOSTILE);
}

describe("stories list", () => {
  it("lists stories with counts, dates and a GET search form", async () => {
    const { status, type, html } = await page("/");
    expect(status).toBe(200);
    expect(type).toContain("text/html");
    expect(html).toContain('<form class="search" method="get" action="/"');
    expect(html).toContain(`href="/stories/${SAMPLE_STORY.id}"`);
    expect(html).toMatch(/<td class="num">3<\/td>\s*<td class="num">3<\/td>\s*<td class="num">2<\/td>/);
    expect(html).toContain('<time datetime="2026-03-14T09:30:00+01:00"');
    expect(html).toContain('<a class="skip-link" href="#main">');
    expectInert(html);
  });

  it("searches without JavaScript and keeps the query in the form", async () => {
    const { html } = await page("/?q=lone&outlet=");
    expect(html).toContain(`href="/stories/${EMPTY_STORY.id}"`);
    expect(html).not.toContain(`href="/stories/${SAMPLE_STORY.id}"`);
    expect(html).toContain('name="q" type="search" value="lone"');
    const none = await page("/?q=%3Cscript%3Enowhere");
    expect(none.html).toContain("No stories match");
    expect(none.html).toContain('value="&lt;script&gt;nowhere"');
    expectInert(none.html);
  });

  it("answers an invalid query with a 400 page", async () => {
    const { status, html } = await page("/?pageSize=1000");
    expect(status).toBe(400);
    expect(html).toContain("Error 400");
  });
});

describe("story page", () => {
  let html: string;
  beforeAll(async () => {
    const response = await page(`/stories/${SAMPLE_STORY.id}`);
    expect(response.status).toBe(200);
    html = response.html;
  });

  it("escapes every value from articles", () => {
    expectInert(html);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("Daily &lt;b&gt;Compass&lt;/b&gt;");
  });

  it("has landmarks, one h1 and ordered headings", () => {
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain('<main id="main"');
    expect(html).toContain('<nav class="toc" aria-label="Sections">');
    const levels = [...html.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
    for (let i = 1; i < levels.length; i++)
      expect((levels[i] as number) - (levels[i - 1] as number)).toBeLessThanOrEqual(1);
  });

  it("links every citation to an existing paragraph anchor", () => {
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(5);
    for (const target of targets) expect(ids.has(target), target).toBe(true);
    // The first brief sentence cites the wire's first paragraph, where the figure is.
    expect(html).toMatch(
      /<ol class="brief">\s*<li>Police detained[^<]*<a class="cite" href="#a-aaaa000000000001-p1" title="[^"]*">\[1\] Meridian Wire<\/a>/,
    );
    // "Officials put the number at 1,200" paraphrases paragraph 1 of the third article.
    expect(html).toContain(
      'href="#a-aaaa000000000003-p1" title="Liubrava: 1,200 held, officials say">[3] Eastgate Post</a>',
    );
  });

  it("shows claims by outlet with the conflict in words and with scoped headers", () => {
    expect(html).toContain('<tr class="conflicting"><th scope="row">people detained: count</th>');
    expect(html).toContain("⚠ Conflict");
    expect(html).toContain('<th scope="col">Eastgate Post</th>');
    expect(html).toMatch(/<td><span class="value">1,200 <a class="cite" href="#a-aaaa000000000003-p1" title=/);
  });

  it("draws the provenance graph and the timeline as inline SVG", () => {
    expect(html).toContain('<g class="edge near-duplicate"><path');
    expect(html).toContain('marker-end="url(#arrow-near-duplicate)"');
    expect(html).toContain('<g class="node external"><title>Reuters');
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800');
    expect(html).toContain('<time datetime="2026-03-16">2026-03-16</time>: Courts began handing down fines');
    expect(html).not.toMatch(/ style=/);
  });

  it("lists entities with aliases and highlights shared passages side by side", () => {
    expect(html).toContain('<th scope="row">Yuri Daletsky</th><td>person</td><td>Yury Daletski</td>');
    expect(html).toMatch(
      /<p id="a-aaaa000000000002-p1"><mark title="Shared: near-duplicate of \[1\] Meridian Wire">Police detained/,
    );
    expect(html).toContain('<article class="column" id="a-aaaa000000000001"');
    expect(html).toContain('href="https://wire.example/lyubrava" rel="noopener noreferrer nofollow"');
  });

  it("says 'nothing found' for empty sections", async () => {
    const { html: empty } = await page(`/stories/${EMPTY_STORY.id}`);
    for (const line of [
      "No brief",
      "No claims found",
      "No copies, rewrites or credits found",
      "No dated events found",
      "No entities found",
      "No direct quotes found",
    ]) {
      expect(empty).toContain(line);
    }
  });

  it("answers an unknown story with a 404 page", async () => {
    const { status, html: missing } = await page("/stories/story-ffffffffffff");
    expect(status).toBe(404);
    expect(missing).toContain("Error 404");
  });

  it("serves the stylesheet as CSS", async () => {
    const response = await app.request("/assets/app.css");
    expect(response.headers.get("content-type")).toContain("text/css");
    expect(await response.text()).toContain(".skip-link");
  });
});

describe("paragraph helpers", () => {
  const text = "First one.\n\nSecond, about 2,150 people.\n\n\nThird.";
  it("splits paragraphs with their offsets", () => {
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => [p.number, p.text])).toEqual([
      [1, "First one."],
      [2, "Second, about 2,150 people."],
      [3, "Third."],
    ]);
    for (const p of paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it("locates a cited passage by text, then by shared words", () => {
    const paragraphs = splitParagraphs(text);
    expect(locatePassage(paragraphs, "about 2,150")).toBe(2);
    expect(locatePassage(paragraphs, "There were 2,150 people")).toBe(2);
    expect(locatePassage(paragraphs, "zzz")).toBe(1);
  });

  it("merges overlapping ranges and marks them escaped", () => {
    expect(
      mergeRanges([
        { start: 5, end: 9, note: "b" },
        { start: 0, end: 6, note: "a" },
      ]),
    ).toEqual([{ start: 0, end: 9, note: "a; b" }]);
    const [paragraph] = splitParagraphs("a <b> c");
    expect(markParagraph(paragraph as never, [{ start: 2, end: 5, note: "x" }])).toBe(
      'a <mark title="Shared: x">&lt;b&gt;</mark> c',
    );
  });
});
