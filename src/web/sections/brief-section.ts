import type { Story } from "../../model/story.js";
import { escapeHtml as e } from "../../report/escape-html.js";
import type { ArticleRefs } from "../article-refs.js";

/** The cited brief: each citation jumps to the paragraph of the cited article that carries the sentence. */
export function briefSection(story: Story, refs: ArticleRefs): string {
  if (story.brief.length === 0) return `<p class="empty">No brief: nothing could be summarised with a citation.</p>`;
  const items = story.brief
    .map((sentence) => `<li>${e(sentence.text)} ${refs.citeAll(sentence.articleIds, sentence.text)}</li>`)
    .join("\n");
  return `<ol class="brief">\n${items}\n</ol>`;
}
