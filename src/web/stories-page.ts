import { escapeHtml as e } from "../report/escape-html.js";
import type { StoryPage } from "../server/story-catalog.js";
import { plural, timeElement } from "./format.js";
import { renderPage } from "./layout.js";

/** The raw query strings as the user typed them, to refill the form and build pager links. */
export interface SearchForm {
  q?: string | undefined;
  entity?: string | undefined;
  outlet?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  pageSize?: string | undefined;
}

/** `/`: the stories, biggest first, with a search form that is a plain GET form (works without JavaScript). */
export function renderStoriesPage(result: StoryPage, form: SearchForm): string {
  const filtered = ["q", "entity", "outlet", "from", "to"].some((key) => (form[key as keyof SearchForm] ?? "") !== "");
  const rows = result.items
    .map(
      (story) => `<tr>
<th scope="row"><a href="/stories/${encodeURIComponent(story.id)}">${e(story.title)}</a><span class="muted"><br>${e(story.outlets.join(", ") || "no outlet named")}</span></th>
<td class="num">${story.articleCount}</td>
<td class="num">${story.outletCount}</td>
<td class="num">${story.independentSources}</td>
<td>${timeElement(story.firstSeen)}</td>
<td>${timeElement(story.lastSeen)}</td>
</tr>`,
    )
    .join("\n");
  const table =
    result.items.length === 0
      ? `<p class="empty">${filtered ? "No stories match this search." : "No stories stored yet: ingest articles with parallax analyze or POST /api/articles."}</p>`
      : `<div class="table-wrap"><table class="stories">
<caption>${plural(result.total, "story", "stories")}${filtered ? " match" : ""}; page ${result.page} of ${Math.max(1, Math.ceil(result.total / result.pageSize))}</caption>
<thead><tr><th scope="col">Story</th><th scope="col" class="num">Articles</th><th scope="col" class="num">Outlets</th><th scope="col" class="num">Independent</th><th scope="col">First seen</th><th scope="col">Last seen</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>`;
  return renderPage({
    title: "Stories",
    main: `<h1>Stories</h1>
<p class="meta">Each story groups the articles that report it. “Independent” counts outlets after collapsing copies into their origin.</p>
${searchForm(form)}
${table}
${pager(result, form)}`,
  });
}

function field(name: keyof SearchForm, label: string, value: string | undefined, type = "search"): string {
  return `<label for="f-${name}">${e(label)}<input id="f-${name}" name="${name}" type="${type}" value="${e(value ?? "")}"></label>`;
}

function searchForm(form: SearchForm): string {
  return `<form class="search" method="get" action="/" role="search" aria-label="Search stories">
${field("q", "Text", form.q)}
${field("entity", "Entity", form.entity)}
${field("outlet", "Outlet", form.outlet)}
${field("from", "From", form.from, "date")}
${field("to", "To", form.to, "date")}
<div class="actions"><button type="submit">Search</button><a href="/">Clear</a></div>
</form>`;
}

function pager(result: StoryPage, form: SearchForm): string {
  const pages = Math.ceil(result.total / result.pageSize);
  if (pages <= 1) return "";
  const link = (page: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) if (value) params.set(key, value);
    params.set("page", String(page));
    return `/?${params.toString()}`;
  };
  const previous = result.page > 1 ? `<a href="${e(link(result.page - 1))}" rel="prev">← Previous</a>` : "";
  const next = result.page < pages ? `<a href="${e(link(result.page + 1))}" rel="next">Next →</a>` : "";
  return `<nav class="pager" aria-label="Pages">${previous}<span>Page ${result.page} of ${pages}</span>${next}</nav>`;
}
