/** One paragraph of an article's clean text, with its offsets into that text (for evidence ranges). */
export interface Paragraph {
  /** 1-based, as in the `#a-<id>-p<n>` anchors. */
  number: number;
  start: number;
  end: number;
  text: string;
}

/** Clean text keeps paragraphs apart with blank lines (docs/report-format.md). */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const separator = /\n{2,}/g;
  let start = 0;
  const push = (end: number) => {
    const slice = text.slice(start, end);
    if (slice.trim() !== "") paragraphs.push({ number: paragraphs.length + 1, start, end, text: slice });
  };
  for (let match = separator.exec(text); match !== null; match = separator.exec(text)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  return paragraphs;
}

/** Words that carry meaning for matching a sentence to a paragraph; short function words are noise. */
const MIN_WORD_CHARS = 3;

function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.filter((word) => word.length >= MIN_WORD_CHARS) ?? []
  );
}

/**
 * The paragraph a citation should jump to: the one containing the cited text, else the one sharing the most words
 * with it (a brief sentence paraphrases its source), else the first. Returns the paragraph number.
 */
export function locatePassage(paragraphs: readonly Paragraph[], cited: string): number {
  const needle = cited.replace(/\s+/g, " ").trim().toLowerCase();
  if (needle !== "") {
    const exact = paragraphs.find((p) => p.text.replace(/\s+/g, " ").toLowerCase().includes(needle));
    if (exact !== undefined) return exact.number;
  }
  const wanted = new Set(words(cited));
  let best = paragraphs[0]?.number ?? 1;
  let bestScore = 0;
  for (const paragraph of paragraphs) {
    const seen = new Set(words(paragraph.text));
    let score = 0;
    for (const word of wanted) if (seen.has(word)) score++;
    if (score > bestScore) {
      best = paragraph.number;
      bestScore = score;
    }
  }
  return best;
}

export interface Range {
  start: number;
  end: number;
  /** Shown as the mark's title: which article shares the passage and how. */
  note: string;
}

/** Sorts and merges overlapping ranges, joining their notes, so marks never nest. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && range.start <= last.end) {
      last.end = Math.max(last.end, range.end);
      if (!last.note.split("; ").includes(range.note)) last.note = `${last.note}; ${range.note}`;
    } else merged.push({ ...range });
  }
  return merged;
}
