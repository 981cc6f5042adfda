import { applyRecord } from "../apply-record.js";
import type { ArticleDraft } from "../article-draft.js";
import { emptyDraft, setField } from "../article-draft.js";
import { finishText } from "./finish-text.js";

/** Longer than this, a first line is a paragraph, not a headline. */
const MAX_TITLE_CHARS = 200;
/** Headlines are short; a line with more words that ends like a sentence is the lede. */
const MAX_SENTENCE_TITLE_WORDS = 12;

const HEADER_LINE =
  /^(title|headline|author|by|date|published|outlet|source|publisher|url|link|language|lang|tags|section)\s*:\s*(.+)$/i;

/** Reads a leading block of "Key: value" lines ending at a blank line; null when there is none. */
function readHeader(lines: string[]): { record: Record<string, string>; consumed: number } | null {
  const record: Record<string, string> = {};
  let i = 0;
  while (i < lines.length && (lines[i] ?? "").trim() === "") i++;
  const start = i;
  while (i < lines.length) {
    const m = HEADER_LINE.exec((lines[i] ?? "").trim());
    if (!m?.[1] || !m[2]) break;
    record[m[1].toLowerCase()] = m[2].trim();
    i++;
  }
  const count = i - start;
  const endsBlock = i >= lines.length || (lines[i] ?? "").trim() === "";
  // One "Source: ..." line could be a caption; require two keys, or one key closed by a blank line.
  if (count === 0 || (count < 2 && !endsBlock)) return null;
  return { record, consumed: i };
}

export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n[^\S\n]*\n/)
    .map((block) =>
      block
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== "")
        .join(" "),
    )
    .filter((p) => p !== "");
}

export function looksLikeTitle(line: string): boolean {
  const words = line.split(/\s+/).length;
  if (line.length > MAX_TITLE_CHARS) return false;
  if (/[,;:]$/.test(line)) return false;
  return !(/[.!?…]["”’]?$/.test(line) && words > MAX_SENTENCE_TITLE_WORDS);
}

/** Plain text: optional "Key: value" header, a headline first line, paragraphs split at blank lines. */
export function parsePlainText(text: string, now: Date): ArticleDraft {
  const draft = emptyDraft();
  let lines = text.replace(/\r\n?/g, "\n").split("\n");
  const header = readHeader(lines);
  if (header) {
    applyRecord(draft, header.record, "front-matter");
    lines = lines.slice(header.consumed);
  }
  const blocks = lines.join("\n").split(/\n[^\S\n]*\n/);
  const first = blocks.findIndex((b) => b.trim() !== "");
  if (first >= 0 && draft.title === null) {
    const firstLines = (blocks[first] ?? "")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "");
    const candidate = firstLines[0] ?? "";
    // A first line continued in lower case is a hard-wrapped lede, not a headline.
    const wrapped = /^\p{Ll}/u.test(firstLines[1] ?? "");
    if (looksLikeTitle(candidate) && !wrapped) {
      setField(draft, "title", candidate, "heading");
      blocks[first] = firstLines.slice(1).join("\n");
    }
  }
  finishText(draft, splitParagraphs(blocks.join("\n\n")), now);
  return draft;
}
