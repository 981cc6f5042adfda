import type { Mention } from "./mention.js";

/**
 * Adds mentions to an article's list, keeping text order, and renumbers every `refersTo` and `relation.of`
 * (the added mentions' links point into the old list).
 */
export function insertMentions(existing: readonly Mention[], added: readonly Mention[]): Mention[] {
  if (added.length === 0) return [...existing];
  const all = [
    ...existing.map((m, i) => ({ m, old: i, added: false })),
    ...added.map((m) => ({ m, old: -1, added: true })),
  ];
  all.sort((a, b) => a.m.start - b.m.start || (a.added ? 1 : 0) - (b.added ? 1 : 0));
  const newIndex = new Map<number, number>();
  all.forEach((entry, i) => {
    if (!entry.added) newIndex.set(entry.old, i);
  });
  return all.map(({ m }) => {
    const copy: Mention = { ...m };
    if (m.refersTo !== undefined) copy.refersTo = newIndex.get(m.refersTo) ?? m.refersTo;
    if (m.relation) copy.relation = { ...m.relation, of: newIndex.get(m.relation.of) ?? m.relation.of };
    return copy;
  });
}

/** The mention a person mention stands for: its antecedent when linked, else itself. */
export function rootOf(mentions: readonly Mention[], index: number): number {
  return mentions[index]?.refersTo ?? index;
}
