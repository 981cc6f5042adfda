import type { Span } from "../facts/text-spans.js";

/** A quoted passage: `inner` is the words between the marks. */
export interface QuoteSpan {
  /** Offsets of the marks themselves (open mark at `start`, close mark at `end - 1`). */
  start: number;
  end: number;
  inner: Span;
}

/** Past this length an open mark without its close is a typo, not a quote: stop rather than swallow the article. */
const MAX_QUOTE_CHARS = 800;

/**
 * Quoted passages of one paragraph. A quote never crosses a paragraph; straight marks open after a space or
 * bracket and close before a space or punctuation; single marks inside are nested quotes and stay inside; an
 * opening mark left without its close is dropped with an entry in `unbalanced`.
 */
export function quoteSpans(text: string, paragraph: Span): { quotes: QuoteSpan[]; unbalanced: number[] } {
  const quotes: QuoteSpan[] = [];
  const unbalanced: number[] = [];
  let open: number | null = null;
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const c = text[i];
    if (c !== '"' && c !== "“" && c !== "”" && c !== "«" && c !== "»") continue;
    const prev = text[i - 1] ?? " ";
    const next = text[i + 1] ?? " ";
    const opens = c === "“" || c === "«" || (c === '"' && (i === paragraph.start || /[\s([{—–-]/.test(prev)));
    const closes = c === "”" || c === "»" || (c === '"' && (i + 1 >= paragraph.end || /[\s.,;:!?)\]}—–-]/.test(next)));
    if (open === null) {
      if (opens) open = i;
      continue;
    }
    if (closes && i > open + 1) {
      if (i - open <= MAX_QUOTE_CHARS) quotes.push(make(text, open, i + 1));
      else unbalanced.push(open);
      open = null;
    } else if (opens && c !== '"') {
      // A second opening curly mark before any close: the first one was never closed.
      unbalanced.push(open);
      open = i;
    }
  }
  if (open !== null) unbalanced.push(open);
  return { quotes, unbalanced };
}

function make(text: string, start: number, end: number): QuoteSpan {
  let a = start + 1;
  let b = end - 1;
  while (a < b && /\s/.test(text[a] ?? "")) a++;
  while (b > a && /[\s,]/.test(text[b - 1] ?? "")) b--;
  return { start, end, inner: { start: a, end: b, text: text.slice(a, b) } };
}
