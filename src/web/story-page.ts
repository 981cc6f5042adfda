import { escapeHtml as e } from "../report/escape-html.js";
import type { LoadedStory } from "../server/load-story.js";
import { ArticleRefs } from "./article-refs.js";
import { plural, timeElement } from "./format.js";
import { renderPage } from "./layout.js";
import { articlesColumns } from "./sections/articles-columns.js";
import { briefSection } from "./sections/brief-section.js";
import { claimsTable } from "./sections/claims-table.js";
import { entitiesSection } from "./sections/entities-section.js";
import { provenanceGraph } from "./sections/provenance-graph.js";
import { quotesSection } from "./sections/quotes-section.js";
import { timelineChart } from "./sections/timeline-chart.js";

const SECTIONS = [
  ["brief", "Brief"],
  ["claims", "Comparison"],
  ["provenance", "Who copied whom"],
  ["timeline", "Timeline"],
  ["entities", "Entities"],
  ["quotes", "Quotes"],
  ["articles", "Articles side by side"],
] as const;

/** `/stories/:id`: every section of one story, readable top to bottom without JavaScript. */
export function renderStoryPage({ story, articles }: LoadedStory): string {
  const refs = new ArticleRefs(articles);
  const bodies: Record<(typeof SECTIONS)[number][0], string> = {
    brief: briefSection(story, refs),
    claims: claimsTable(story, articles, refs),
    provenance: provenanceGraph(story, articles, refs),
    timeline: timelineChart(story, articles, refs),
    entities: entitiesSection(story),
    quotes: quotesSection(story, refs),
    articles: articlesColumns(story, articles, refs),
  };
  const sections = SECTIONS.map(
    ([id, heading]) =>
      `<section id="${id}" aria-labelledby="${id}-heading">\n<h2 id="${id}-heading">${heading}</h2>\n${bodies[id]}\n</section>`,
  ).join("\n");
  const toc = SECTIONS.map(([id, heading]) => `<li><a href="#${id}">${heading}</a></li>`).join("");
  return renderPage({
    title: story.title,
    main: `<p><a href="/">← All stories</a></p>
<h1>${e(story.title)}</h1>
<p class="meta">${plural(story.articleIds.length, "article")} from ${plural(story.outlets.length, "outlet")} (${story.independentSources} independent) · ${timeElement(story.firstSeen)} to ${timeElement(story.lastSeen)}</p>
<nav class="toc" aria-label="Sections"><ul>${toc}</ul></nav>
${sections}`,
  });
}
