import type { Quote } from "../../model/story.js";
import type { ArticleQuote } from "./extract-quotes.js";

/** Quote text reduced to its words, so curly and straight marks, case and spacing do not separate one quote. */
export function normalizeQuote(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The same quote carried by several outlets, verbatim or trimmed (one contained in the other), becomes one quote
 * with all its articles, the longest text and the speaker most of its carriers name.
 */
export function mergeQuotes(all: readonly ArticleQuote[]): Quote[] {
  const groups: Array<{ norm: string; members: ArticleQuote[] }> = [];
  // Longest first, so a trimmed version always finds the full one it belongs to.
  const sorted = [...all].sort((a, b) => normalizeQuote(b.text).length - normalizeQuote(a.text).length);
  for (const q of sorted) {
    const norm = normalizeQuote(q.text);
    if (!norm) continue;
    const group = groups.find((g) => g.norm.includes(norm));
    if (group) group.members.push(q);
    else groups.push({ norm, members: [q] });
  }
  return groups.map((g) => {
    const longest = g.members[0] as ArticleQuote;
    const votes = new Map<string, { count: number; q: ArticleQuote }>();
    for (const m of g.members) {
      if (!m.speakerName && !m.speaker) continue;
      const key = m.speaker ?? m.speakerName ?? "";
      const v = votes.get(key);
      if (v) v.count++;
      else votes.set(key, { count: 1, q: m });
    }
    const best = [...votes.values()].sort((a, b) => b.count - a.count)[0]?.q;
    return {
      text: longest.text,
      speaker: best?.speaker ?? null,
      speakerName: best?.speakerName ?? null,
      articleIds: [...new Set(g.members.map((m) => m.articleId))],
    };
  });
}
