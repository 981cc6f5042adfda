import type { Story } from "../../model/story.js";
import { escapeHtml as e } from "../../report/escape-html.js";

/** People, organisations and places with every spelling seen across the outlets. */
export function entitiesSection(story: Story): string {
  if (story.entities.length === 0) return `<p class="empty">No entities found.</p>`;
  const rows = story.entities
    .map((entity) => {
      const aliases = entity.aliases.filter((alias) => alias !== entity.name);
      return `<tr><th scope="row">${e(entity.name)}</th><td>${e(entity.type)}</td><td>${aliases.length === 0 ? "–" : aliases.map((a) => e(a)).join(", ")}</td><td>${e((entity.roles ?? []).join(", ") || "–")}</td><td class="num">${entity.articleIds.length}</td></tr>`;
    })
    .join("\n");
  return `<div class="table-wrap"><table class="entities">
<thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Also written</th><th scope="col">Roles</th><th scope="col" class="num">Articles</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>`;
}
