import { diagnostic } from "../../model/diagnostic.js";
import type { ArticleDraft } from "../article-draft.js";
import { setField } from "../article-draft.js";
import { dropBoilerplate } from "./boilerplate.js";
import { parseByline } from "./byline.js";
import { parseDateline } from "./dateline.js";

/** A byline sits right under the title; further down, "By ..." starts a sentence. */
const BYLINE_SEARCH_PARAGRAPHS = 3;

/** Collapses white space inside each paragraph and drops empty ones. */
export function normalizeParagraphs(paragraphs: string[]): string[] {
  return paragraphs
    .map((p) =>
      p
        .replace(/[^\S\n]+/g, " ")
        .replace(/ ?\n ?/g, "\n")
        .trim(),
    )
    .filter((p) => p !== "");
}

/**
 * Shared clean-up of the paragraphs of any format: boilerplate at the edges, a leading "By ..." line into the
 * author, a wire dateline into metadata (the dateline stays in the text). Sets `draft.text`.
 */
export function finishText(draft: ArticleDraft, paragraphs: string[], now: Date): void {
  let { kept } = dropBoilerplate(normalizeParagraphs(paragraphs));
  for (let i = 0; i < Math.min(BYLINE_SEARCH_PARAGRAPHS, kept.length); i++) {
    const names = parseByline(kept[i] ?? "");
    if (!names) continue;
    if (setField(draft, "author", names.join(", "), "byline") && names.length > 1) draft.metadata.authors = names;
    kept = [...kept.slice(0, i), ...kept.slice(i + 1)];
    break;
  }
  const dateline = kept[0] ? parseDateline(kept[0], now) : null;
  if (dateline) {
    draft.metadata.extra = { ...draft.metadata.extra, dateline: { ...dateline } };
    draft.fieldSources.dateline = "dateline";
    if (dateline.date && setField(draft, "publishedAt", dateline.date, "dateline")) {
      draft.diagnostics.push(
        diagnostic(
          "ingest:dateline",
          `Unexpected article without a publication date, expected one in metadata; used the dateline date ${dateline.date}`,
          { field: "publishedAt" },
          "info",
        ),
      );
    }
  }
  draft.text = kept.join("\n\n");
}
