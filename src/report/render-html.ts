import { articleLabels } from "./article-labels.js";
import { escapeHtml as e } from "./escape-html.js";
import type { Report, ReportStory } from "./report.js";
import { contentSecurityPolicy, REPORT_CSS } from "./report-style.js";

/**
 * report.html: one self-contained page. Article content is hostile, so every value is escaped, the page carries a
 * Content-Security-Policy that forbids scripts and remote loads, and citations are plain same-page links.
 */
export function renderHtml(report: Report): string {
  const labels = articleLabels(report.articles);
  const cite = (ids: readonly string[]) =>
    ids
      .map((id) => {
        const number = labels.number(id);
        return number === null ? e(labels.name(id)) : `<a href="#article-${number}">${e(labels.label(id))}</a>`;
      })
      .join(", ");
  const stories = report.stories.map((story) => renderStory(story, cite)).join("\n");
  const articles = report.articles
    .map((article, index) => {
      const paragraphs = article.text
        .split(/\n{2,}/)
        .map((paragraph) => `<p>${e(paragraph)}</p>`)
        .join("\n");
      const diagnostics =
        article.diagnostics.length === 0
          ? ""
          : `<ul class="diagnostics">${article.diagnostics.map((d) => `<li>${e(d.severity)}: ${e(d.reason)} (${e(d.source)})</li>`).join("")}</ul>`;
      return `<article class="source" id="article-${index + 1}">
<h3>[${index + 1}] ${e(article.title)}</h3>
<p class="meta">${e(article.outlet ?? "unknown outlet")} · ${e(article.author ?? "no byline")} · ${e(article.publishedAt ?? "undated")} · ${e(article.language ?? "language unknown")} · ${e(article.path ?? article.url ?? "")}</p>
${diagnostics}
${paragraphs}
</article>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${e(contentSecurityPolicy(REPORT_CSS))}">
<meta name="referrer" content="no-referrer">
<title>Parallax report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>Parallax report</h1>
<p class="meta">${report.articles.length} articles, ${report.stories.length} stories. Generated ${e(report.generatedAt)} by parallax ${e(report.generator.version)} (report schema ${report.schemaVersion}).</p>
<nav aria-label="Stories"><ul>${report.stories.map((s) => `<li><a href="#${e(s.id)}">${e(s.title)}</a> (${s.articleIds.length} articles)</li>`).join("")}</ul></nav>
</header>
<main>
${stories}
<section aria-labelledby="articles-heading"><h2 id="articles-heading">Articles</h2>
${articles}
</section>
</main>
</body>
</html>
`;
}

function renderStory(story: ReportStory, cite: (ids: readonly string[]) => string): string {
  const parts: string[] = [];
  parts.push(`<section class="story" id="${e(story.id)}" aria-labelledby="${e(story.id)}-title">
<h2 id="${e(story.id)}-title">${e(story.title)}</h2>
<p class="meta">${story.articleIds.length} articles from ${story.outlets.length} outlets (${story.independentSources} independent) · ${e(story.firstSeen ?? "undated")} to ${e(story.lastSeen ?? "undated")}</p>
<p>Articles: ${cite(story.articleIds)}</p>`);
  if (story.brief.length > 0) {
    parts.push(
      `<h3>Brief</h3><ul>${story.brief.map((s) => `<li>${e(s.text)} <span class="cites">(${cite(s.articleIds)})</span></li>`).join("")}</ul>`,
    );
  }
  if (story.claims.length > 0) {
    const rows = story.claims
      .map(
        (claim) =>
          `<tr class="${e(claim.status)}"><td>${e(claim.subject)}: ${e(claim.property)}</td><td class="status-${e(claim.status)}">${e(claim.status)}${claim.note ? ` (${e(claim.note)})` : ""}</td><td>${claim.values.map((v) => `${e(v.value)} (${cite(v.articleIds)})`).join("<br>")}</td></tr>`,
      )
      .join("");
    parts.push(
      `<h3>Claims</h3><table><thead><tr><th>Claim</th><th>Status</th><th>Values and sources</th></tr></thead><tbody>${rows}</tbody></table>`,
    );
  }
  if (story.quotes.length > 0) {
    parts.push(
      `<h3>Quotes</h3><ul>${story.quotes.map((q) => `<li><q>${e(q.text)}</q> — ${e(q.speakerName ?? "unknown speaker")} (${cite(q.articleIds)})</li>`).join("")}</ul>`,
    );
  }
  if (story.timeline.length > 0) {
    parts.push(
      `<h3>Timeline</h3><ol>${story.timeline.map((t) => `<li><time datetime="${e(t.date)}">${e(t.date)}</time> ${e(t.event)} (${cite(t.articleIds)})</li>`).join("")}</ol>`,
    );
  }
  if (story.entities.length > 0) {
    const rows = story.entities
      .map(
        (entity) =>
          `<tr id="${e(story.id)}-${e(entity.id)}"><th scope="row">${e(entity.name)}</th><td>${e(entity.type)}</td><td>${e(entity.aliases.filter((a) => a !== entity.name).join(", "))}</td><td>${e((entity.roles ?? []).join(", "))}</td><td>${cite(entity.articleIds)}</td></tr>`,
      )
      .join("");
    parts.push(
      `<h3>Entities</h3><table><thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Also written</th><th scope="col">Roles</th><th scope="col">Articles</th></tr></thead><tbody>${rows}</tbody></table>`,
    );
  }
  if (story.provenance.length > 0) {
    const edges = story.provenance
      .map((edge) => {
        const passages = edge.evidence
          .map(
            (p) =>
              `<tr><td>${e(p.source.text)}</td><td>${e(p.target.text)}</td><td>${e(p.shared.join(", "))}</td></tr>`,
          )
          .join("");
        return `<li>${cite([edge.source])} → ${cite([edge.target])}: ${e(edge.relation)}, score ${edge.score.toFixed(2)}${edge.directionKnown === false ? " (direction unknown)" : ""}${passages ? `<table><thead><tr><th>Source passage</th><th>Target passage</th><th>Shared</th></tr></thead><tbody>${passages}</tbody></table>` : ""}</li>`;
      })
      .join("");
    parts.push(`<h3>Provenance</h3><ul>${edges}</ul>`);
  }
  parts.push("</section>");
  return parts.join("\n");
}
