import type { Article } from "../../model/article.js";
import type { Story } from "../../model/story.js";
import { escapeHtml as e } from "../../report/escape-html.js";
import { type ArticleRefs, articleAnchor, paragraphAnchor } from "../article-refs.js";
import { safeHref, timeElement } from "../format.js";
import { mergeRanges, type Paragraph, type Range } from "../paragraphs.js";

/**
 * The articles side by side (a horizontally scrolling grid), each paragraph with its `#a-<id>-p<n>` anchor and
 * the passages that provenance found shared with another article marked.
 */
export function articlesColumns(story: Story, articles: readonly Article[], refs: ArticleRefs): string {
  if (articles.length === 0) return `<p class="empty">No articles stored for this story.</p>`;
  const ranges = sharedRanges(story, refs);
  const marked = story.provenance.some((edge) => edge.evidence.length > 0);
  const columns = articles.map((article) => column(article, refs, ranges.get(article.id) ?? [])).join("\n");
  return `${marked ? `<p class="legend">Highlighted: passages shared with another article (hover or long-press for which one).</p>` : ""}
<div class="columns" role="region" aria-label="Articles side by side, scrolls sideways" tabindex="0">
${columns}
</div>`;
}

function sharedRanges(story: Story, refs: ArticleRefs): Map<string, Range[]> {
  const byArticle = new Map<string, Range[]>();
  const add = (id: string, start: number, end: number, note: string) => {
    const list = byArticle.get(id) ?? [];
    list.push({ start, end, note });
    byArticle.set(id, list);
  };
  for (const edge of story.provenance) {
    for (const passage of edge.evidence) {
      add(edge.source, passage.source.start, passage.source.end, `${edge.relation} in ${refs.label(edge.target)}`);
      add(edge.target, passage.target.start, passage.target.end, `${edge.relation} of ${refs.label(edge.source)}`);
    }
  }
  return byArticle;
}

function column(article: Article, refs: ArticleRefs, ranges: readonly Range[]): string {
  const merged = mergeRanges(ranges);
  const href = safeHref(article.url);
  const paragraphs = refs
    .paragraphs(article.id)
    .map(
      (paragraph) => `<p id="${paragraphAnchor(article.id, paragraph.number)}">${markParagraph(paragraph, merged)}</p>`,
    )
    .join("\n");
  return `<article class="column" id="${articleAnchor(article.id)}" aria-labelledby="${articleAnchor(article.id)}-title">
<header>
<div class="outlet">${e(refs.label(article.id))}</div>
<h3 id="${articleAnchor(article.id)}-title">${e(article.title)}</h3>
<p class="meta">${e(article.author ?? "no byline")} · ${timeElement(article.publishedAt)}${href === null ? "" : ` · <a href="${e(href)}" rel="noopener noreferrer nofollow">original</a>`}</p>
</header>
${paragraphs || `<p class="empty">No text.</p>`}
</article>`;
}

/** Escapes the paragraph and wraps the parts that fall in a shared range in <mark>. */
export function markParagraph(paragraph: Paragraph, ranges: readonly Range[]): string {
  let html = "";
  let cursor = paragraph.start;
  for (const range of ranges) {
    const start = Math.max(range.start, paragraph.start);
    const end = Math.min(range.end, paragraph.end);
    if (end <= start || start < cursor) continue;
    html += e(paragraph.text.slice(cursor - paragraph.start, start - paragraph.start));
    html += `<mark title="${e(`Shared: ${range.note}`)}">${e(paragraph.text.slice(start - paragraph.start, end - paragraph.start))}</mark>`;
    cursor = end;
  }
  return html + e(paragraph.text.slice(cursor - paragraph.start));
}
