import type { Diagnostic } from "../../model/diagnostic.js";
import { applyRecord } from "../apply-record.js";
import type { ArticleDraft } from "../article-draft.js";
import { emptyDraft, setField } from "../article-draft.js";
import { finishText } from "./finish-text.js";
import { splitFrontMatter } from "./front-matter.js";
import { markdownBlocks } from "./strip-markdown.js";

export type MarkdownResult = { ok: true; draft: ArticleDraft } | { ok: false; reason: string };

/** Markdown with optional YAML front matter: metadata from the front matter, title else the first heading. */
export function parseMarkdown(text: string, now: Date, diagnostics: Diagnostic[] = []): MarkdownResult {
  const split = splitFrontMatter(text.replace(/\r\n?/g, "\n"));
  if (!split.ok) return split;
  const draft = emptyDraft();
  draft.diagnostics.push(...diagnostics);
  if (split.data) applyRecord(draft, split.data, "front-matter");
  const blocks = markdownBlocks(split.body);
  const headingIndex = blocks.findIndex((b) => b.kind === "heading");
  const firstContent = blocks.findIndex((b) => b.kind !== "heading");
  const heading = blocks[headingIndex];
  // The first heading is the headline when it comes before any paragraph; it leaves the text either way then.
  if (heading && (firstContent < 0 || headingIndex < firstContent)) {
    const isTitle = draft.title === null || draft.title.toLowerCase() === heading.text.toLowerCase();
    if (isTitle) {
      setField(draft, "title", heading.text, "heading");
      blocks.splice(headingIndex, 1);
    }
  }
  finishText(
    draft,
    blocks.map((b) => b.text),
    now,
  );
  return { ok: true, draft };
}
