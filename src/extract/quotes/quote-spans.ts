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
  // Open marks not yet closed. Curly marks nest (“He said “no” twice”): an inner pair stays inside the outer quote.
  const stack: Array<{ at: number; straight: boolean }> = [];
  // Quotes closed inside an outer one: reported on their own only if the outer one never closes.
  let inner: QuoteSpan[] = [];
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const c = text[i];
    if (c !== '"' && c !== "“" && c !== "”" && c !== "«" && c !== "»") continue;
    const prev = text[i - 1] ?? " ";
    const next = text[i + 1] ?? " ";
    const opens = c === "“" || c === "«" || (c === '"' && (i === paragraph.start || /[\s([{—–-]/.test(prev)));
    const closes = c === "”" || c === "»" || (c === '"' && (i + 1 >= paragraph.end || /[\s.,;:!?)\]}—–-]/.test(next)));
    const top = stack[stack.length - 1];
    // A straight mark closes a straight quote; it never nests, since open and close look alike.
    if (top && closes && i > top.at + 1 && (c !== '"' || top.straight)) {
      stack.pop();
      const span = make(text, top.at, i + 1);
      if (stack.length > 0) inner.push(span);
      else {
        if (i - top.at <= MAX_QUOTE_CHARS) quotes.push(span);
        else unbalanced.push(top.at);
        inner = [];
      }
    } else if (opens && (!top || c !== '"' || !top.straight)) {
      stack.push({ at: i, straight: c === '"' });
    }
  }
  if (stack.length > 0) {
    // The outermost mark never closed: its nested quotes are the only quotes there are.
    unbalanced.push((stack[0] as { at: number }).at);
    quotes.push(...inner);
    quotes.sort((a, b) => a.start - b.start);
  }
  return { quotes, unbalanced };
}

function make(text: string, start: number, end: number): QuoteSpan {
  let a = start + 1;
  let b = end - 1;
  while (a < b && /\s/.test(text[a] ?? "")) a++;
  while (b > a && /[\s,]/.test(text[b - 1] ?? "")) b--;
  return { start, end, inner: { start: a, end: b, text: text.slice(a, b) } };
}
