import { articleLabels } from "./article-labels.js";
import type { Report, ReportStory } from "./report.js";

/**
 * report.md: the report for reading in a terminal or a Markdown viewer. Article text is untrusted: everything that
 * comes from an article is escaped so that it cannot inject HTML or break the Markdown structure.
 */
export function renderMarkdown(report: Report): string {
  const labels = articleLabels(report.articles);
  const cite = (ids: readonly string[]) =>
    ids
      .map((id) => {
        const number = labels.number(id);
        return `${number === null ? "" : `[${number}] `}${escapeInline(labels.name(id))}`;
      })
      .join(", ");
  const lines: string[] = [];
  lines.push("# Parallax report", "");
  lines.push(
    `${report.articles.length} articles, ${report.stories.length} stories. Generated ${report.generatedAt} by parallax ${report.generator.version} (report schema ${report.schemaVersion}).`,
    "",
  );
  for (const story of report.stories) lines.push(...renderStory(story, cite), "");

  lines.push("## Articles", "");
  lines.push("| # | Title | Outlet | Author | Published | Language | Source |", "|---|---|---|---|---|---|---|");
  report.articles.forEach((article, index) => {
    lines.push(
      `| ${index + 1} | ${cell(article.title)} | ${cell(article.outlet)} | ${cell(article.author)} | ${cell(article.publishedAt)} | ${cell(article.language)} | ${cell(article.path ?? article.url)} |`,
    );
  });
  const withDiagnostics = report.articles.filter((article) => article.diagnostics.length > 0);
  if (withDiagnostics.length > 0) {
    lines.push("", "### Diagnostics", "");
    for (const article of withDiagnostics) {
      for (const d of article.diagnostics) {
        lines.push(`- ${cite([article.id])}: ${d.severity} ${escapeInline(d.reason)} (${d.source})`);
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

function renderStory(story: ReportStory, cite: (ids: readonly string[]) => string): string[] {
  const lines = [`## ${escapeInline(story.title)}`, ""];
  lines.push(
    `Story \`${story.id}\`: ${story.articleIds.length} articles from ${story.outlets.length} outlets (${story.independentSources} independent), ${story.firstSeen ?? "undated"} to ${story.lastSeen ?? "undated"}.`,
    "",
    `Articles: ${cite(story.articleIds)}`,
    "",
  );
  if (story.brief.length > 0) {
    lines.push("### Brief", "");
    for (const sentence of story.brief) lines.push(`- ${escapeInline(sentence.text)} (${cite(sentence.articleIds)})`);
    lines.push("");
  }
  if (story.claims.length > 0) {
    lines.push("### Claims", "", "| Claim | Status | Values |", "|---|---|---|");
    for (const claim of story.claims) {
      const status = claim.status === "conflicting" ? "**conflicting**" : claim.status;
      const values = claim.values.map((value) => `${cell(value.value)} (${cite(value.articleIds)})`).join("; ");
      lines.push(
        `| ${cell(`${claim.subject}: ${claim.property}`)} | ${status}${claim.note ? ` (${claim.note})` : ""} | ${values} |`,
      );
    }
    lines.push("");
  }
  if (story.quotes.length > 0) {
    lines.push("### Quotes", "");
    for (const quote of story.quotes) {
      lines.push(
        `- “${escapeInline(quote.text)}” — ${escapeInline(quote.speakerName ?? "unknown speaker")} (${cite(quote.articleIds)})`,
      );
    }
    lines.push("");
  }
  if (story.timeline.length > 0) {
    lines.push("### Timeline", "");
    for (const event of story.timeline)
      lines.push(`- **${event.date}** ${escapeInline(event.event)} (${cite(event.articleIds)})`);
    lines.push("");
  }
  if (story.entities.length > 0) {
    lines.push("### Entities", "", "| Name | Type | Also written | Roles | Articles |", "|---|---|---|---|---|");
    for (const entity of story.entities) {
      const aliases = entity.aliases.filter((alias) => alias !== entity.name).join(", ");
      const roles = (entity.roles ?? []).join(", ");
      lines.push(
        `| ${cell(entity.name)} | ${entity.type} | ${cell(aliases)} | ${cell(roles)} | ${cite(entity.articleIds)} |`,
      );
    }
    lines.push("");
  }
  if (story.provenance.length > 0) {
    lines.push("### Provenance", "");
    for (const edge of story.provenance) {
      const direction = edge.directionKnown === false ? " (direction unknown)" : "";
      lines.push(
        `- ${cite([edge.source])} → ${cite([edge.target])}: ${edge.relation}, score ${edge.score.toFixed(2)}${direction}`,
      );
      if (edge.evidence.length > 0) {
        lines.push("", "  | Source passage | Target passage | Shared |", "  |---|---|---|");
        for (const passage of edge.evidence) {
          lines.push(
            `  | ${cell(passage.source.text)} | ${cell(passage.target.text)} | ${cell(passage.shared.join(", "))} |`,
          );
        }
        lines.push("");
      }
    }
    lines.push("");
  }
  return lines;
}

/** Escapes text for inline Markdown: no HTML, no emphasis or link syntax from article content. */
export function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]#|])/g, "\\$1");
}

function cell(text: string | null | undefined): string {
  return text === null || text === undefined || text === "" ? "–" : escapeInline(text);
}
