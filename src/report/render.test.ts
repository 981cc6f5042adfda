import { describe, expect, it } from "vitest";
import { makeArticle } from "../../test/helpers/make-article.js";
import type { Story } from "../model/story.js";
import { buildReport } from "./build-report.js";
import { escapeHtml } from "./escape-html.js";
import { renderHtml } from "./render-html.js";
import { renderMarkdown } from "./render-markdown.js";
import { contentSecurityPolicy, REPORT_CSS, styleHash } from "./report-style.js";

const hostile = makeArticle({
  id: "h1",
  title: `<script>alert("t")</script> Title`,
  outlet: "Evil <b>Outlet</b>",
  text: `First <img src=x onerror="alert(1)"> paragraph.\n\nSecond | with *stars* and [link](javascript:alert(1)).`,
});
const story: Story = {
  id: "story-1",
  title: hostile.title,
  articleIds: ["h1"],
  firstSeen: null,
  lastSeen: null,
  outlets: ["Evil <b>Outlet</b>"],
  entities: [],
  provenance: [],
  claims: [
    {
      id: "c1",
      subject: "detainees",
      property: "count",
      status: "conflicting",
      values: [{ value: "2,150", text: "2,150 detained", articleIds: ["h1"] }],
    },
  ],
  quotes: [],
  timeline: [],
  brief: [{ text: `He said "<script>"`, articleIds: ["h1"] }],
};
const report = buildReport([hostile], [story], { version: "0.0.0", now: new Date("2026-03-01T00:00:00Z") });

describe("renderHtml", () => {
  const html = renderHtml(report);

  it("escapes every value that comes from an article", () => {
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>Outlet");
    expect(html).toContain("&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; Title");
  });

  it("forbids scripts and remote loads with a CSP that allows exactly its own stylesheet", () => {
    expect(html).toContain(`content="${escapeHtml(contentSecurityPolicy(REPORT_CSS))}"`);
    expect(contentSecurityPolicy(REPORT_CSS)).toContain("default-src 'none'");
    expect(html).toContain(`<style>${REPORT_CSS}</style>`);
    expect(styleHash(REPORT_CSS)).toMatch(/^sha256-[A-Za-z0-9+/]+=*$/);
  });

  it("links citations to the cited article and marks conflicts", () => {
    expect(html).toContain('<a href="#article-1">');
    expect(html).toContain('id="article-1"');
    expect(html).toContain('<tr class="conflicting">');
  });
});

describe("renderMarkdown", () => {
  const markdown = renderMarkdown(report);

  it("escapes HTML and Markdown syntax from articles", () => {
    expect(markdown).not.toContain("<script>");
    expect(markdown).toContain("&lt;script&gt;");
    expect(markdown).toContain("Evil &lt;b&gt;Outlet&lt;/b&gt;");
  });

  it("marks conflicting claims and cites articles by number", () => {
    expect(markdown).toContain("| detainees: count | **conflicting** | 2,150 ([1] Evil &lt;b&gt;Outlet&lt;/b&gt;) |");
  });
});

describe("entities in the reports", () => {
  const withEntity = buildReport(
    [hostile],
    [
      {
        ...story,
        entities: [
          {
            id: "person-1",
            type: "person",
            name: "Yury Daletski",
            aliases: ["Yury Daletski", "Юрый Дaлецкі"],
            articleIds: ["h1"],
            roles: ["opposition leader"],
          },
        ],
      },
    ],
    { version: "0.0.0", now: new Date("2026-03-01T00:00:00Z") },
  );

  it("lists every spelling, the roles and the citing articles", () => {
    expect(renderMarkdown(withEntity)).toContain(
      "| Yury Daletski | person | Юрый Дaлецкі | opposition leader | [1] Evil &lt;b&gt;Outlet&lt;/b&gt; |",
    );
    const html = renderHtml(withEntity);
    expect(html).toContain('<tr id="story-1-person-1"><th scope="row">Yury Daletski</th>');
    expect(html).toContain("<td>opposition leader</td>");
  });
});

describe("provenance from an outlet outside the corpus", () => {
  const credited = buildReport(
    [hostile],
    [
      {
        ...story,
        provenance: [{ source: "outlet:Vestnik Lyubravy", target: "h1", relation: "credit", score: 0.6, evidence: [] }],
      },
    ],
    { version: "0.0.0", now: new Date("2026-03-01T00:00:00Z") },
  );

  it("names the outlet without a number or a dead link", () => {
    expect(renderMarkdown(credited)).toContain("- Vestnik Lyubravy (not in the corpus) → [1] Evil");
    const html = renderHtml(credited);
    expect(html).toContain('<li>Vestnik Lyubravy (not in the corpus) → <a href="#article-1">');
    expect(html).not.toContain('href="#article-"');
  });
});
