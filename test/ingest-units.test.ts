import { describe, expect, it } from "vitest";
import { articleId, articleOrigin } from "../src/ingest/article-id.js";
import { decodeBytes } from "../src/ingest/decode-bytes.js";
import { detectLanguage } from "../src/ingest/detect-language.js";
import { extractHtml } from "../src/ingest/html/extract-html.js";
import {
  describeRejected,
  ingestDocument,
  ingestDocumentDetailed,
  MAX_INPUT_BYTES,
  normalizeDate,
  repairMojibake,
} from "../src/ingest/index.js";
import { parseDateline } from "../src/ingest/text/dateline.js";
import type { RawDocument } from "../src/model/index.js";

const NOW = new Date("2026-06-01T12:00:00Z");
const utf8 = (text: string) => new TextEncoder().encode(text);
const doc = (source: string, text: string | Uint8Array, extra: Partial<RawDocument> = {}): RawDocument => ({
  source,
  path: source,
  url: null,
  bytes: typeof text === "string" ? utf8(text) : text,
  ...extra,
});

describe("repairMojibake", () => {
  it.each([
    ["Hereâ€™s the plan", "Here’s the plan"],
    ["cafÃ© crÃ¨me", "café crème"],
    ["Â£5 each", "£5 each"],
    ["â€œquotedâ€\u009d", "“quoted”"],
    ["The Mona Lisa doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t have eyebrows.", "The Mona Lisa doesn’t have eyebrows."],
    ["Iggy Pop (nÃƒÂ© Jim Osterberg)", "Iggy Pop (né Jim Osterberg)"],
    ["ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет"],
    ["rock &amp; roll &#8212; live", "rock & roll — live"],
    // A lone "Ã" before a lowercase word is no word anywhere: it is "à" whose no-break space (C3 A0) became a space.
    ["menu Ã la carte", "menu à la carte"],
    // The 0x9D of "”" is a hole in windows-1252 and is often dropped: an open quote tells what "â€" was.
    ["â€œnobody has seen himâ€", "“nobody has seen him”"],
    ["â€œFine,â€ she said.", "“Fine,” she said."],
  ])("repairs %j", (input, fixed) => {
    const result = repairMojibake(input);
    expect(result.text).toBe(fixed);
    expect(result.diagnostics.length).toBeGreaterThan(0);
  });

  it.each([
    "café",
    "naïve coöperation",
    "São Paulo, NÃO, LEILÃO",
    "£5 and €10",
    "C O N C L U S Ã O",
    "MARQUÉ…",
    "NESTLÉ® requiere",
    "5×£35 pin ups",
    "“+” and “×” curves",
    "Ελληνικά και русский текст",
    "ВІКІ is Ukrainian for WIKI",
    "it costs &frac14; of the price",
    "the â€ sign with no quote open",
  ])("leaves correct text alone: %j", (text) => {
    const result = repairMojibake(text);
    expect(result.text).toBe(text);
    expect(result.diagnostics).toEqual([]);
  });

  it("names what it repaired", () => {
    const { diagnostics } = repairMojibake("line one\nTheyâ€™re here");
    expect(diagnostics).toEqual([
      { source: "ingest:mojibake", reason: "Repaired mojibake 'â€™' as '’'", place: { line: 2 }, severity: "info" },
    ]);
  });

  it("keeps entities in markup when asked", () => {
    expect(repairMojibake("&lt;script&gt; cafÃ©", { entities: false }).text).toBe("&lt;script&gt; café");
  });
});

describe("normalizeDate", () => {
  it.each([
    ["2026-03-14T09:30:00+01:00", "2026-03-14T09:30:00+01:00"],
    ["2026-03-14T09:30:00Z", "2026-03-14T09:30:00Z"],
    ["2026-03-14T09:30+0100", "2026-03-14T09:30:00+01:00"],
    ["2026-03-14", "2026-03-14"],
    ["Sat, 14 Mar 2026 09:30:00 +0100", "2026-03-14T09:30:00+01:00"],
    ["Sat, 14 Mar 2026 09:30:00 GMT", "2026-03-14T09:30:00+00:00"],
    ["March 14, 2026", "2026-03-14"],
    ["14 March 2026", "2026-03-14"],
    ["Sept. 3, 2026", "2026-09-03"],
    ["2026/03/14", "2026-03-14"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });

  it("reads epoch seconds and milliseconds as UTC", () => {
    expect(normalizeDate(1773480600)).toBe("2026-03-14T09:30:00Z");
    expect(normalizeDate(1773480600000)).toBe("2026-03-14T09:30:00Z");
  });

  it.each(["xyz", "2026-02-30", "03/04/2026", "2026-13-01", "25:00 2026-01-01", ""])("rejects %j", (input) => {
    expect(normalizeDate(input)).toBeNull();
  });
});

describe("dateline", () => {
  it("reads place, date and agency, with the year from now", () => {
    expect(parseDateline("MINSK, March 14 (Wire) - The talks ended.", NOW)).toEqual({
      place: "Minsk",
      date: "2026-03-14",
      agency: "Wire",
    });
    expect(parseDateline("PARIS, Dec. 30 (Wire) - Late story.", NOW)?.date).toBe("2025-12-30");
  });
  it("ignores an ordinary first sentence", () => {
    expect(parseDateline("The council met on Tuesday - and agreed.", NOW)).toBeNull();
  });
});

describe("articleId", () => {
  it("is 16 hex characters and stable", () => {
    const id = articleId("story.txt", "Some text");
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(articleId("story.txt", "Some text")).toBe(id);
    expect(articleId("story.txt", "Other text")).not.toBe(id);
  });

  it("does not change when the folder moves", () => {
    const a = ingestDocument(doc("/home/ann/corpus/story.txt", "Title line\n\nBody text of the story."), { now: NOW });
    const b = ingestDocument(doc("D:\\archive\\old\\story.txt", "Title line\n\nBody text of the story."), { now: NOW });
    if (a.status !== "ok" || b.status !== "ok") throw new Error("ingest failed");
    expect(a.value[0]?.id).toBe(b.value[0]?.id);
  });

  it("uses the url when known and the entry index in multi-article files", () => {
    expect(articleOrigin("https://x.example/a", "feed.xml", 3)).toBe("https://x.example/a");
    expect(articleOrigin(null, "/data/feed.jsonl", 3)).toBe("feed.jsonl#3");
    expect(articleOrigin(null, "/data/one.txt", null)).toBe("one.txt");
  });
});

describe("decodeBytes", () => {
  it("fails for input over the size limit, naming it", () => {
    const result = decodeBytes(new Uint8Array(MAX_INPUT_BYTES + 1));
    expect(result).toEqual({ ok: false, reason: "Unexpected file size 20 MB, expected at most 20 MB" });
  });

  it("decodes invalid UTF-8 with a detected charset and says which", () => {
    const latin = new Uint8Array([...utf8("Le caf"), 0xe9, ...utf8(" est tr"), 0xe8, ...utf8("s bon, dit-il.")]);
    const result = decodeBytes(latin);
    if (!result.ok) throw new Error(result.reason);
    expect(result.text).toBe("Le café est très bon, dit-il.");
    expect(result.diagnostics[0]?.reason).toMatch(/^Unexpected invalid UTF-8, expected .*; decoded as windows-1252/);
  });

  it("reads UTF-16 with a BOM", () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Array.from("Hi é").flatMap((c) => [c.charCodeAt(0), 0])]);
    const result = decodeBytes(bytes);
    expect(result.ok && result.text).toBe("Hi é");
  });

  it("honours the Content-Type charset", () => {
    const result = decodeBytes(new Uint8Array([0x93, 0x68, 0x69, 0x94]), "text/plain; charset=windows-1252");
    expect(result.ok && result.text).toBe("“hi”");
  });

  it("names gzip data as binary", () => {
    expect(decodeBytes(new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2]))).toEqual({
      ok: false,
      reason: "Unexpected binary content (gzip data), expected text",
    });
  });
});

describe("detectLanguage", () => {
  const french =
    "Les producteurs ont vendu près de huit mille bouteilles de cidre pendant le week-end, selon le comité.";
  it("detects from text", () => {
    expect(detectLanguage(french, null).language).toBe("fr");
  });
  it("keeps a declared language that fits the script", () => {
    expect(detectLanguage(french, "fr-FR")).toMatchObject({ language: "fr", source: "declared" });
  });
  it("overrules a declared language of another script, with a diagnostic", () => {
    const result = detectLanguage(
      "Это было очень интересно, потому что никто не знал, что будет дальше. Мы все ждали новостей от правительства.",
      "en",
    );
    expect(result.language).toBe("ru");
    expect(result.diagnostics[0]?.reason).toContain("Unexpected declared language 'en' for Cyrillic text");
  });
  it("is null for short text", () => {
    expect(detectLanguage("Hello there", null).language).toBeNull();
  });
});

describe("HTML extraction", () => {
  it("survives very deep nesting", () => {
    const depth = 20_000;
    const html = `<html><body>${"<div>".repeat(depth)}<p>Deep inside the page sits one paragraph of real article text, long enough to count.</p>${"</div>".repeat(depth)}</body></html>`;
    const result = ingestDocument(doc("deep.html", html), { now: NOW });
    if (result.status !== "ok") throw new Error(result.reason);
    expect(result.value[0]?.text).toBe(
      "Deep inside the page sits one paragraph of real article text, long enough to count.",
    );
  });

  it("never lets scripts, handlers or javascript: URLs into the text", () => {
    const html = `<body><article>
      <p onmouseover="EVIL1()">Visible prose that is long enough to be kept as a paragraph of the article.</p>
      <p><a href="javascript:EVIL2()">a link</a> inside more visible prose that is long enough to be kept.</p>
      <script>EVIL3()</script><style>.x{content:"EVIL4"}</style><noscript>EVIL5</noscript>
      <p>Closing prose <img src=x onerror="EVIL6()"> that is long enough to be kept as a paragraph.</p>
    </article></body>`;
    const text = extractHtml(html, NOW).text;
    expect(text).toContain("Visible prose");
    expect(text).toContain("a link inside more visible prose");
    expect(text).not.toMatch(/EVIL|javascript|onerror|onmouseover/);
  });

  it("prefers the <article> holding most prose over link-heavy blocks", () => {
    const para =
      "The water board confirmed the reservoir level had risen by two metres since Friday, easing fears of a summer ban. ";
    const html = `<body><div class="list">${'<p><a href="/x">Another headline link in a list</a></p>'.repeat(20)}</div>
      <article><p>${para}One.</p><p>${para}Two.</p><p>${para}Three.</p></article></body>`;
    const text = extractHtml(html, NOW).text;
    expect(text).not.toContain("Another headline");
    expect(text.split("\n\n")).toHaveLength(3);
  });

  it("records an unparseable date as a diagnostic and keeps publishedAt null", () => {
    const html = `<html><head><meta property="article:published_time" content="last Tuesday"></head><body><article><p>${"Word ".repeat(60)}</p></article></body></html>`;
    const result = ingestDocument(doc("d.html", html), { now: NOW });
    if (result.status !== "ok") throw new Error(result.reason);
    expect(result.value[0]?.publishedAt).toBeNull();
    expect(result.value[0]?.diagnostics.map((d) => d.reason)).toContain(
      "Unexpected date 'last Tuesday', expected ISO 8601 or a common date form",
    );
  });
});

describe("JSONL reporting", () => {
  const jsonl = [
    '{"title": "Good", "text": "A good line with text.", "outlet": "Tidewatch"}',
    '{"title": "Bad", "text": ',
    '{"title": "No text"}',
  ].join("\n");

  it("gives the CLI one printable line per bad line", () => {
    const result = ingestDocumentDetailed(doc("data/batch.jsonl", jsonl), { now: NOW });
    if (result.status !== "ok") throw new Error(result.reason);
    expect(result.value.articles).toHaveLength(1);
    expect(result.value.rejected.map(describeRejected)).toEqual([
      "data/batch.jsonl:2: Unexpected end of JSON at line 2, expected a value",
      "data/batch.jsonl:3: Unexpected article without 'text' or 'html', expected one of them",
    ]);
  });

  it("fails only when no line could be read", () => {
    const result = ingestDocument(doc("bad.jsonl", '{"title": "x"}\nnot json'), { now: NOW });
    expect(result.status).toBe("failed");
    if (result.status === "failed") expect(result.reason).toContain("2 bad entries");
  });

  it("gives different ids to identical entries at different indexes", () => {
    const line = '{"title": "Same", "text": "Same text in both lines."}';
    const result = ingestDocument(doc("dup.jsonl", `${line}\n${line}`), { now: NOW });
    if (result.status !== "ok") throw new Error(result.reason);
    expect(result.value[0]?.id).not.toBe(result.value[1]?.id);
  });
});

describe("format sniffing", () => {
  it("reads HTML from a URL without extension by content type", () => {
    const html = `<html><head><meta property="og:site_name" content="Tallow Post"></head><body><article><p>${"Prose ".repeat(60)}</p></article></body></html>`;
    const result = ingestDocument(
      doc("https://www.tallow.example/news/123", html, {
        path: null,
        url: "https://www.tallow.example/news/123",
        contentType: "text/html; charset=utf-8",
      }),
      { now: NOW },
    );
    if (result.status !== "ok") throw new Error(result.reason);
    expect(result.value[0]).toMatchObject({
      outlet: "Tallow Post",
      url: "https://www.tallow.example/news/123",
      path: null,
    });
  });

  it("falls back to the URL host for the outlet", () => {
    const result = ingestDocument(
      doc("https://www.tallow.example/a", "Headline here\n\nSome body text.", { url: "https://www.tallow.example/a" }),
      { now: NOW },
    );
    if (result.status !== "ok") throw new Error(result.reason);
    expect(result.value[0]?.outlet).toBe("tallow.example");
    expect(result.value[0]?.metadata.fieldSources.outlet).toBe("detected");
  });

  it("uses the file name as title, with a diagnostic, when there is none", () => {
    const text =
      "This opening line is a full sentence of the story and clearly not a headline at all, because it is long.";
    const result = ingestDocument(doc("notes/untitled.txt", text), { now: NOW });
    if (result.status !== "ok") throw new Error(result.reason);
    expect(result.value[0]?.title).toBe("untitled.txt");
    expect(result.value[0]?.diagnostics.some((d) => d.source === "ingest:title")).toBe(true);
  });
});
