import { insertMentions, rootOf } from "./insert-mentions.js";
import { lexicon } from "./lexicon.js";
import type { Mention } from "./mention.js";
import type { Token } from "./tokenize.js";

// Heads that name whoever leads a country or body, so "the leader" fits a president or a prime minister.
const LEADER_ROLES = new Set([
  "leader",
  "president",
  "premier",
  "prime",
  "chancellor",
  "head",
  "chief",
  "king",
  "queen",
  "ruler",
]);
// Longest nominal we read: "the former Belarusian interior minister".
const MAX_NOMINAL_WORDS = 5;

function fits(head: string, adjectives: readonly string[], role: string): boolean {
  const words = role.toLowerCase().split(/[\s-]+/);
  const headFits = words.includes(head) || (head === "leader" && words.some((w) => LEADER_ROLES.has(w)));
  if (!headFits) return false;
  // A nationality in the nominal must not contradict one in the role ("the Polish minister" is not the
  // "Belarusian Foreign Minister"), but a role without one may fit.
  const roleNationalities = words.filter((w) => lexicon.isNationality(w));
  return adjectives
    .filter((a) => lexicon.isNationality(a))
    .every((a) => roleNationalities.length === 0 || roleNationalities.includes(a));
}

/**
 * Role-only mentions: "the minister", "the Belarusian leader" link to the one person named earlier in the article
 * whose role fits; with no or several candidates, nothing is added (precision first).
 */
export function linkNominals(text: string, tokens: readonly Token[], mentions: readonly Mention[]): Mention[] {
  const added: Mention[] = [];
  const taken = mentions.map((m) => [m.start, m.end] as const);
  for (let i = 0; i < tokens.length; i++) {
    if (!/^the$/i.test(tokens[i]?.text ?? "")) continue;
    const words: Token[] = [];
    let j = i + 1;
    while (j < tokens.length && words.length < MAX_NOMINAL_WORDS) {
      const token = tokens[j];
      if (!token?.isWord || !lexicon.isRoleWord(token.text)) break;
      words.push(token);
      j++;
    }
    const headToken = words.at(-1);
    if (!headToken || !lexicon.isRoleHead(headToken.text)) continue;
    // "the minister Anna X" is a role before a name, not a nominal.
    const next = tokens[j];
    if (next && taken.some(([s]) => s === next.start)) continue;
    if (next?.text === "'s" || /^(of|for)$/i.test(next?.text ?? "")) continue;
    // "the Belarusian leader, President Ales X": an apposition that introduces the next name.
    const afterComma = next?.text === "," ? mentions.find((m) => m.start >= next.end) : undefined;
    if (
      afterComma &&
      afterComma.type === "person" &&
      text
        .slice(next?.end ?? 0, afterComma.start)
        .trim()
        .split(/\s+/).length <= 2
    )
      continue;
    // "Alexei X, the former minister, ...": an apposition is the role of the name before it, already recorded.
    const comma = tokens[i - 1];
    if (comma?.text === "," && mentions.some((m) => m.type === "person" && m.end === tokens[i - 2]?.end)) continue;
    const start = tokens[i + 1]?.start ?? 0;
    const end = headToken.end;
    if (taken.some(([s, e]) => start < e && s < end)) continue;
    const head = headToken.text.toLowerCase();
    const adjectives = words.slice(0, -1).map((w) => w.text.toLowerCase());
    const candidates = new Set<number>();
    mentions.forEach((m, index) => {
      if (m.type !== "person" || m.start >= start || !m.role || !fits(head, adjectives, m.role)) return;
      candidates.add(rootOf(mentions, index));
    });
    if (candidates.size !== 1) continue;
    const [target] = [...candidates];
    if (target === undefined) continue;
    const phrase = text.slice(start, end);
    added.push({
      articleId: mentions[target]?.articleId ?? "",
      start,
      end,
      text: phrase,
      type: "person",
      role: phrase,
      refersTo: target,
      nominal: true,
    });
    i = j - 1;
  }
  return insertMentions(mentions, added);
}
