import { rootOf } from "./insert-mentions.js";
import type { Mention } from "./mention.js";
import type { Token } from "./tokenize.js";

const SPOUSE_WORDS = new Set(["wife", "husband", "spouse", "widow", "widower"]);

/**
 * "his wife, Volha X", "her husband Ales X", "Taras X's wife, Volha X", "the wife of Taras X": marks the named
 * spouse with a `relation` to the person it is married to. "his"/"her" resolve to the nearest person named before.
 */
export function linkSpouses(_text: string, tokens: readonly Token[], mentions: readonly Mention[]): Mention[] {
  const out = mentions.map((m) => ({ ...m }));
  const startsAt = new Map<number, number>();
  const endsAt = new Map<number, number>();
  mentions.forEach((m, i) => {
    if (m.type !== "person") return;
    startsAt.set(m.start, i);
    endsAt.set(m.end, i);
  });
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i];
    if (!word || !SPOUSE_WORDS.has(word.text.toLowerCase())) continue;
    const owner = tokens[i - 1];
    let partner: number | undefined;
    if (owner && /^(his|her)$/i.test(owner.text)) {
      for (let k = mentions.length - 1; k >= 0; k--) {
        const m = mentions[k];
        if (m && m.type === "person" && m.end <= owner.start) {
          partner = rootOf(mentions, k);
          break;
        }
      }
    } else if (owner?.text === "'s") {
      const named = endsAt.get(tokens[i - 2]?.end ?? -1);
      if (named !== undefined) partner = rootOf(mentions, named);
    }
    // The spouse's name follows, after an optional comma: "his wife, Volha X".
    let k = i + 1;
    if (tokens[k]?.text === ",") k++;
    let spouse = startsAt.get(tokens[k]?.start ?? -1);
    if (partner === undefined && /^of$/i.test(tokens[i + 1]?.text ?? "")) {
      // "the wife of Taras X": the spouse is the person just named before, the partner follows.
      const named = startsAt.get(tokens[i + 2]?.start ?? -1);
      if (named !== undefined) partner = rootOf(mentions, named);
      spouse = undefined;
      for (let b = mentions.length - 1; b >= 0; b--) {
        const m = mentions[b];
        if (m && m.type === "person" && m.end <= word.start) {
          spouse = b;
          break;
        }
      }
    }
    if (partner === undefined || spouse === undefined || rootOf(mentions, spouse) === partner) continue;
    const target = out[spouse];
    if (target) target.relation = { kind: "spouse", of: partner };
  }
  return out;
}
