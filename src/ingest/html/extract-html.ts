import { diagnostic } from "../../model/diagnostic.js";
import type { ArticleDraft } from "../article-draft.js";
import { emptyDraft, setField } from "../article-draft.js";
import { decodeStrayEntities } from "../decode-stray-entities.js";
import { finishText } from "../text/finish-text.js";
import { splitParagraphs } from "../text/parse-plain-text.js";
import { findFirst, parseHtml, textOf } from "./dom.js";
import { readHtmlMetadata } from "./metadata.js";
import { collectParagraphs } from "./paragraphs.js";
import { pruneBoilerplate } from "./prune.js";
import { chooseContent } from "./score.js";

/** Below this many words the extracted text is probably a teaser or a shell page; say so. */
const MIN_ARTICLE_WORDS = 50;

/** Captions and credits are short; a long paragraph repeated is more likely a page that means it (or a test page). */
const MAX_REPEATED_CHARS = 320;

/**
 * A paragraph identical to the one before it is a caption or credit that a gallery repeats (one copy per slide
 * size), never prose: one copy is kept. Only neighbours: lists and tables repeat lines on purpose further apart
 * (a meal plan's "Eat every 2-3 hours").
 */
export function dropRepeated(paragraphs: string[]): string[] {
  return paragraphs.filter((p, i) => i === 0 || p !== paragraphs[i - 1] || p.length > MAX_REPEATED_CHARS);
}

/** Text of a page: metadata first (it lives in parts pruning removes), then the main content's paragraphs. */
export function extractHtml(html: string, now: Date, withMetadata = true): ArticleDraft {
  const draft = emptyDraft();
  // Fragments (feed content, JSON "html") get a <body>, so that content choice has a root to fall back on.
  const doc = parseHtml(/<body[\s>]/i.test(html) ? html : `<body>${html}</body>`);
  const { articleBody } = withMetadata ? readHtmlMetadata(doc, draft) : { articleBody: null };
  const h1 = findFirst(doc, (el) => el.name === "h1");
  const heading = h1 ? textOf(h1) : "";
  pruneBoilerplate(doc);
  let paragraphs = collectParagraphs(chooseContent(doc));
  if (paragraphs.length === 0 && articleBody) {
    paragraphs = splitParagraphs(articleBody);
    draft.diagnostics.push(
      diagnostic(
        "ingest:html",
        "Unexpected page without article paragraphs in its markup, expected some; used the JSON-LD articleBody",
        { field: "json-ld" },
        "info",
      ),
    );
  }
  paragraphs = dropRepeated(paragraphs);
  setField(draft, "title", heading, "heading");
  // A repeated headline at the top of the body is the title, not text.
  if (draft.title && paragraphs[0]?.toLowerCase() === draft.title.toLowerCase()) paragraphs.shift();
  paragraphs = paragraphs.map((p) => {
    const repaired = decodeStrayEntities(p);
    for (const entity of repaired.decoded) {
      draft.diagnostics.push(
        diagnostic("ingest:entity", `Repaired HTML entity '${entity.original}' as '${entity.repaired}'`, null, "info"),
      );
    }
    return repaired.text;
  });
  finishText(draft, paragraphs, now);
  const words = draft.text.split(/\s+/).filter((w) => w !== "").length;
  if (words > 0 && words < MIN_ARTICLE_WORDS) {
    draft.diagnostics.push(
      diagnostic(
        "ingest:html",
        `Unexpected short article text (${words} words), expected at least ${MIN_ARTICLE_WORDS} words`,
        null,
        "warning",
      ),
    );
  }
  return draft;
}
