import type { Story } from "../../model/story.js";
import { escapeHtml as e } from "../../report/escape-html.js";
import type { ArticleRefs } from "../article-refs.js";

export function quotesSection(story: Story, refs: ArticleRefs): string {
  if (story.quotes.length === 0) return `<p class="empty">No direct quotes found.</p>`;
  const items = story.quotes
    .map(
      (quote) =>
        `<li><blockquote><p>“${e(quote.text)}”</p></blockquote>— ${e(quote.speakerName ?? "unknown speaker")} ${refs.citeAll(quote.articleIds, quote.text)}</li>`,
    )
    .join("\n");
  return `<ul class="quotes">\n${items}\n</ul>`;
}
