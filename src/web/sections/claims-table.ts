import type { Article } from "../../model/article.js";
import type { Claim, ClaimStatus, Story } from "../../model/story.js";
import { escapeHtml as e } from "../../report/escape-html.js";
import type { ArticleRefs } from "../article-refs.js";

const STATUS_TEXT: Record<ClaimStatus, string> = {
  conflicting: "⚠ Conflict",
  agreed: "✓ Agreed",
  "single-source": "Single source",
};

/** Outlet columns: articles without an outlet get their own column under their citation label. */
function columnKey(article: Article): string {
  return article.outlet ?? `article:${article.id}`;
}

/**
 * The comparison table: one row per claim, one column per outlet, each cell the value that outlet states with
 * links to its passages. Conflicting rows say so in words as well as colour.
 */
export function claimsTable(story: Story, articles: readonly Article[], refs: ArticleRefs): string {
  if (story.claims.length === 0) return `<p class="empty">No claims found to compare.</p>`;
  const columns: { key: string; label: string }[] = [];
  for (const article of articles) {
    const key = columnKey(article);
    if (!columns.some((column) => column.key === key)) {
      columns.push({ key, label: article.outlet ?? refs.label(article.id) });
    }
  }
  const columnOf = new Map(articles.map((article) => [article.id, columnKey(article)]));
  const head = columns.map((column) => `<th scope="col">${e(column.label)}</th>`).join("");
  const rows = story.claims.map((claim) => claimRow(claim, columns, columnOf, refs)).join("\n");
  const conflicts = story.claims.filter((claim) => claim.status === "conflicting").length;
  return `<div class="table-wrap" role="region" aria-labelledby="claims-caption" tabindex="0"><table class="claims">
<caption id="claims-caption">${story.claims.length} claims by outlet; ${conflicts} in conflict (marked ⚠ Conflict)</caption>
<thead><tr><th scope="col">Claim</th><th scope="col">Status</th>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table></div>`;
}

function claimRow(
  claim: Claim,
  columns: readonly { key: string }[],
  columnOf: ReadonlyMap<string, string>,
  refs: ArticleRefs,
): string {
  const cells = columns.map((column) => {
    const values = claim.values
      .map((value) => {
        const ids = value.articleIds.filter((id) => columnOf.get(id) === column.key);
        if (ids.length === 0) return "";
        return `<span class="value">${e(value.value)} ${refs.citeAll(ids, value.text)}</span>`;
      })
      .filter((html) => html !== "")
      .join("");
    return `<td>${values === "" ? `<span class="muted" aria-label="not stated">–</span>` : values}</td>`;
  });
  const note = claim.note ? `<span class="claim-note">${e(claim.note.replace(/-/g, " "))}</span>` : "";
  return `<tr class="${e(claim.status)}"><th scope="row">${e(claim.subject)}: ${e(claim.property)}</th><td><span class="status status-${e(claim.status)}">${STATUS_TEXT[claim.status] ?? e(claim.status)}</span>${note}</td>${cells.join("")}</tr>`;
}
