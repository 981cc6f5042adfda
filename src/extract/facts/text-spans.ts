/** Sentences and paragraphs of an article's clean text, with offsets, shared by the fact, quote and date extractors. */

export interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * Words that end with a period without ending a sentence. Kept short on purpose: a missed abbreviation splits one
 * sentence in two (facts still found), a wrong one glues two sentences (attribution may cross them).
 */
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "st",
  "gen",
  "col",
  "lt",
  "sgt",
  "gov",
  "sen",
  "rep",
  "jr",
  "sr",
  "no",
  "vs",
  "etc",
  "approx",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "a.m",
  "p.m",
  "u.s",
  "u.k",
  "e.g",
  "i.e",
]);

export function paragraphs(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body.length === 0) continue;
    const start = (m.index ?? 0) + lead;
    spans.push({ start, end: start + body.length, text: body });
  }
  return spans;
}

/**
 * A line that belongs to a table or a bare list of figures: numbers there have no counted noun in prose, so the
 * fact extractor must not read them as claims.
 */
export function isTabularLine(line: string): boolean {
  const t = line.trim();
  if (t.startsWith("|") || (t.match(/\|/g)?.length ?? 0) >= 2) return true;
  if (/\t/.test(t)) return true;
  if (/^[-=:+| ]{3,}$/.test(t)) return true;
  // A line made mostly of figures (a stats row, a list of scores) is not a sentence.
  const words = t.split(/\s+/);
  const numeric = words.filter((w) => /^[-+]?[\d.,%$€£]+$/.test(w)).length;
  return words.length >= 2 && numeric / words.length >= 0.5;
}

/** Splits a paragraph into sentences. Quotation marks and brackets that close a sentence stay with it. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  for (const para of paragraphs(text)) {
    // Lines of a table or a list are their own units, so a figure in a row never joins the prose around it.
    let lineStart = para.start;
    const lines = para.text.split("\n");
    const lineSpans: Span[] = [];
    for (const line of lines) {
      lineSpans.push({ start: lineStart, end: lineStart + line.length, text: line });
      lineStart += line.length + 1;
    }
    const tabular = lineSpans.some((l) => isTabularLine(l.text) || /^\s*([-*•]|\d+[.)])\s/.test(l.text));
    const units = tabular ? lineSpans : [para];
    for (const unit of units) splitUnit(text, unit, out);
  }
  return out;
}

function splitUnit(full: string, unit: Span, out: Span[]): void {
  const s = unit.text;
  let begin = 0;
  const re = /[.!?]+["'”’)\]]*(?=\s+["'“‘([]?[A-Z0-9]|\s*$)/g;
  for (const m of s.matchAll(re)) {
    const idx = m.index ?? 0;
    if (m[0].startsWith(".") && m[0].length === 1) {
      const before = s.slice(0, idx);
      const word = /([A-Za-z.]+)$/.exec(before)?.[1]?.toLowerCase() ?? "";
      // Abbreviations and single initials ("J. Smith") do not end a sentence.
      if (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word) || /(^|\.)[a-z]\.[a-z]$/.test(word)) continue;
    }
    const end = idx + m[0].length;
    push(full, unit.start + begin, unit.start + end, out);
    begin = end;
  }
  if (begin < s.length) push(full, unit.start + begin, unit.end, out);
}

function push(full: string, start: number, end: number, out: Span[]): void {
  let a = start;
  let b = end;
  while (a < b && /\s/.test(full[a] ?? "")) a++;
  while (b > a && /\s/.test(full[b - 1] ?? "")) b--;
  if (b > a) out.push({ start: a, end: b, text: full.slice(a, b) });
}

/** The sentence that contains an offset, if any. */
export function sentenceAt(list: readonly Span[], offset: number): Span | undefined {
  return list.find((s) => offset >= s.start && offset < s.end);
}
