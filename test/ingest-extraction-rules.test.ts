import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { dropRepeated, extractHtml } from "../src/ingest/html/extract-html.js";
import { ingestDocument, ingestDocumentDetailed, MAX_INPUT_BYTES, repairMojibake } from "../src/ingest/index.js";
import { dropBoilerplate, isLoneLabel } from "../src/ingest/text/boilerplate.js";
import type { RawDocument } from "../src/model/index.js";

// Rules of HTML main-text extraction and clean-up added for issue 3; each on invented content.

const NOW = new Date("2026-06-01T12:00:00Z");
const doc = (source: string, text: string, extra: Partial<RawDocument> = {}): RawDocument => ({
  source,
  path: source,
  url: null,
  bytes: new TextEncoder().encode(text),
  ...extra,
});
const prose = (n: number) =>
  `Paragraph ${n} of the invented story says that the river pilots of Carrow met on Tuesday, and agreed a new rota for the winter tides.`;

describe("lone labels and edge boilerplate", () => {
  it.each(["Caption", "Close", "Back to gallery", "Text size", "Photo: Ana Ruiz, Staff", "https://example.org/a/b"])(
    "drops %j anywhere",
    (line) => {
      expect(isLoneLabel(line)).toBe(true);
      expect(dropBoilerplate([prose(1), line, prose(2)]).kept).toEqual([prose(1), prose(2)]);
    },
  );

  it("keeps a sentence that merely starts like a label", () => {
    expect(isLoneLabel("Close to a thousand people came to the harbour on Sunday.")).toBe(false);
    expect(isLoneLabel("Photographs of the flood were shown at the meeting.")).toBe(false);
  });

  it("drops a timestamp line and a 'Most popular' label at the edges only", () => {
    const { kept } = dropBoilerplate(["Updated 7:15 am, Thursday, March 12, 2026", prose(1), prose(2), "Most Popular"]);
    expect(kept).toEqual([prose(1), prose(2)]);
    expect(dropBoilerplate([prose(1), "Updated figures arrive on 3 May.", prose(2)]).kept).toHaveLength(3);
  });
});

describe("repeated captions", () => {
  it("keeps one copy of a paragraph repeated right after itself, and repeats further apart", () => {
    expect(dropRepeated(["A caption here.", "A caption here.", "Eat at noon.", "Walk.", "Eat at noon."])).toEqual([
      "A caption here.",
      "Eat at noon.",
      "Walk.",
      "Eat at noon.",
    ]);
  });
});

describe("content choice", () => {
  it("reads a body of loose text between <br>s beside block children", () => {
    const html = `<body><div class="x"><p class="t">Title line</p>${prose(1)}<br><br>${prose(2)}<br><br>${prose(3)}</div>
      <div class="other"><div><p>${prose(8).replace("Paragraph 8", "Unrelated note")}</p></div></div></body>`;
    const text = extractHtml(html, NOW).text;
    expect(text).toContain("Paragraph 1");
    expect(text).toContain("Paragraph 3");
    expect(text).not.toContain("Unrelated note");
  });

  it("joins twin body containers in different branches, in document order", () => {
    const html = `<body><section><div class="body-part"><p>${prose(1)}</p><p>${prose(2)}</p></div></section>
      <div class="ad-slot"><p>Ad</p></div>
      <section><div class="body-part"><p>${prose(3)}</p></div></section></body>`;
    const text = extractHtml(html, NOW).text;
    expect(text.split("\n\n").map((p) => p.slice(0, 11))).toEqual(["Paragraph 1", "Paragraph 2", "Paragraph 3"]);
  });

  it("keeps a paywall wrapper that holds the story's prose, and drops a paywall plea", () => {
    const html = `<body><article><h1>Head</h1><p>${prose(1)}</p><p>${prose(2)}</p><p>${prose(5)}</p>
      <div class="paywall"><p>${prose(3)}</p><p>${prose(4)}</p><p>${prose(6)}</p><p>${prose(9)}</p></div>
      <div class="paywall"><p>Subscribe to read on.</p></div></article></body>`;
    const text = extractHtml(html, NOW).text;
    expect(text).toContain("Paragraph 4");
    expect(text).not.toContain("Subscribe");
  });

  it("drops a list that is mostly links, ordinals included", () => {
    const items = [1, 2, 3].map((n) => `<li><span>${n}</span><a href="/${n}">Most read headline number ${n}</a></li>`);
    const html = `<body><article><p>${prose(1)}</p><p>${prose(2)}</p><ol>${items.join("")}</ol></article></body>`;
    expect(extractHtml(html, NOW).text.split("\n\n")).toEqual([prose(1), prose(2)]);
  });

  it("keeps a list of prose items", () => {
    const html = `<body><article><p>${prose(1)}</p><ul><li>First point, with <a href="/x">one link</a> in a sentence.</li><li>Second point without links.</li></ul></article></body>`;
    expect(extractHtml(html, NOW).text).toContain("Second point without links.");
  });
});

describe("metadata", () => {
  it("reads a byline <meta name=byl> without its 'By' and an itemprop list naming the author", () => {
    const body = `<article><h1>T</h1><p>${prose(1)}</p></article>`;
    const a = extractHtml(`<head><meta name="byl" content="By Ana Ruiz"></head><body>${body}</body>`, NOW);
    expect(a.author).toBe("Ana Ruiz");
    const b = extractHtml(
      `<body><p itemprop="author creator"><span itemprop="name">Bo Lind</span></p>${body}</body>`,
      NOW,
    );
    expect(b.author).toBe("Bo Lind");
  });

  it("reads space-separated RDFa properties and prefers Dublin Core over generic tags", () => {
    const head = `<meta property="og:title dc:title" content="Harbour wall repaired"><meta name="author" content="Web Desk">
      <meta property="dc:creator" content="Ines Marlow">`;
    const draft = extractHtml(`<head>${head}</head><body><article><p>${prose(1)}</p></article></body>`, NOW);
    expect(draft.title).toBe("Harbour wall repaired");
    expect(draft.author).toBe("Ines Marlow");
  });

  it("skips a byline-classed element that holds no name and reads the next one", () => {
    const html = `<body><div class="author-box"><a>Follow this author on the site</a></div><span class="byline">By Cato Brenn</span><article><p>${prose(1)}</p></article></body>`;
    expect(extractHtml(html, NOW).author).toBe("Cato Brenn");
  });
});

describe("encoding repair", () => {
  it("turns C1 control characters into the windows-1252 punctuation they stand for", () => {
    expect(repairMojibake("Il a dit\u0085 puis \u0093oui\u0094.").text).toBe("Il a dit… puis “oui”.");
  });

  it("repairs UTF-8 read as ISO-8859-2 on a whole line, and leaves correct Central European text alone", () => {
    const czech = "Mám dost třetího tisíciletí, řekla Šárka.";
    expect(repairMojibake(iconv.decode(Buffer.from(czech, "utf8"), "iso-8859-2")).text).toBe(czech);
    for (const ok of [
      "Zażółć gęślą jaźń, powiedział Łukasz.",
      "Ąžuolas ir ėglė auga šalia.",
      "Großstädte wie München",
    ]) {
      expect(repairMojibake(ok).text).toBe(ok);
    }
  });

  it("leaves long lines of correct non-Latin text alone", () => {
    const line = "Съешь же ещё этих мягких французских булок, да выпей чаю. ".repeat(2000);
    expect(repairMojibake(line).text).toBe(line);
  });
});

describe("bad input", () => {
  it("completes on a big generated page within the input limit", () => {
    const unit = (n: number) => `<div class="teaser"><a href="/x">A link</a></div><p>${prose(n)}</p>\n`;
    const count = Math.floor((15 * 1024 * 1024) / unit(0).length);
    const html = `<html><body><article>${Array.from({ length: count }, (_, n) => unit(n)).join("")}</article></body></html>`;
    expect(html.length).toBeLessThan(MAX_INPUT_BYTES);
    const result = ingestDocument(doc("big.html", html), { now: NOW });
    if (result.status !== "ok") throw new Error(result.reason);
    expect(result.value[0]?.text.length).toBeGreaterThan(1_000_000);
  }, 120_000);

  it("reads truncated markup up to where it stops", () => {
    const html = `<html><body><article><h1>Cut</h1><p>${prose(1)}</p><p>${prose(2)}</p><p>Unfinished <a href="/x`;
    const result = ingestDocument(doc("cut.html", html), { now: NOW });
    if (result.status !== "ok") throw new Error(result.reason);
    expect(result.value[0]?.text).toContain("Paragraph 2");
  });

  it("fails a page without article text with a reason, not an exception", () => {
    const result = ingestDocumentDetailed(
      doc("empty.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>"),
    );
    expect(result.status).toBe("failed");
    if (result.status === "failed") expect(result.reason).toMatch(/^Unexpected page without article text/);
  });

  it("fails a feed that is not XML with the parser's reason", () => {
    const result = ingestDocumentDetailed(doc("news.rss", "this is plain text, not a feed"));
    expect(result.status).toBe("failed");
    if (result.status === "failed") expect(result.reason).toMatch(/expected a well-formed RSS or Atom feed$/);
  });

  it("reads a page whose declared charset is unknown as UTF-8, with a warning", () => {
    const result = ingestDocument(
      doc("page.html", `<body><article><p>${prose(1)}</p></article></body>`, {
        contentType: "text/html; charset=x-unknown",
      }),
    );
    if (result.status !== "ok") throw new Error(result.reason);
    expect(result.value[0]?.diagnostics.map((d) => d.reason)).toContain(
      "Unexpected charset 'x-unknown' in Content-Type, expected a known charset",
    );
  });
});

describe("repeated step blocks", () => {
  it("joins a how-to page's step blocks when only the first text element carries an extra class", () => {
    // The lead step holds the most prose, so it wins; its siblings' text elements lack its "lead" class.
    const step = (n: number, lead = false) =>
      `<div class="mod step"><div class="stepContent"><div class="content${lead ? " lead" : ""}"><span>Step ${n}</span><p>${prose(n)}</p>${lead ? `<p>${prose(n + 10)}</p>` : ""}</div></div></div>`;
    const html = `<body><div class="col-main"><h1>How to rig a winter rota</h1>${step(1, true)}<div class="related"><a href="/a">Other people are reading</a></div>${step(2)}${step(3)}${step(4)}</div><aside><p>${prose(9)}</p></aside></body>`;
    const text = extractHtml(html, NOW).text;
    for (const n of [1, 2, 3, 4]) expect(text).toContain(`Paragraph ${n} `);
    expect(text).not.toContain("Paragraph 9 ");
  });

  it("does not join a single look-alike sibling (an author box in the same layout)", () => {
    const block = (cls: string, inner: string) => `<div class="wrap"><div class="${cls}">${inner}</div></div>`;
    const body = [1, 2, 3, 4].map((n) => `<p>${prose(n)}</p>`).join("");
    const bio = "<p>About the author: Ann Lee covers the harbour for this invented paper.</p>";
    const html = `<body>${block("post-body", body)}${block("author-box", bio)}</body>`;
    expect(extractHtml(html, NOW).text).not.toContain("About the author");
  });
});

describe("pruning exceptions", () => {
  it("keeps a documentation section whose id is its heading's slug, even when the slug names furniture", () => {
    const html = `<body><div class="content"><div class="section" id="intro"><h2>Intro</h2><p>${prose(1)}</p></div><div class="section" id="sharing-with-a-team"><h2>Sharing with a team¶</h2><p>${prose(2)}</p></div><div id="share-bar"><p>Share this on every network you know about today.</p></div></div></body>`;
    const text = extractHtml(html, NOW).text;
    expect(text).toContain("Paragraph 2 ");
    expect(text).not.toContain("Share this");
  });

  it("keeps MathML formulas, even inside a widget-classed wrapper, and drops their TeX annotations", () => {
    const formula =
      '<span class="MathJax CtxtMenu_Attached_0"><math><mi>x</mi><mo>=</mo><mn>42</mn><annotation encoding="application/x-tex">x = 42</annotation></math></span>';
    const html = `<body><p>${prose(1)} The answer is ${formula} in every case the pilots tried.</p><p>${prose(2)}</p></body>`;
    const text = extractHtml(html, NOW).text;
    expect(text).toContain("The answer is x=42 in every case");
    expect(text).not.toContain("x = 42");
  });
});
