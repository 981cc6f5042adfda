import type { Fact } from "../extract/facts/types.js";
import type { Claim, ClaimValue } from "../model/story.js";
import { compatible, explainDifference } from "./compatibility.js";
import type { SourceGroups } from "./independence.js";

/** Facts that speak of the same thing: same subject, same property (and for roles, the same office). */
function alignmentKey(f: Fact): string {
  if (f.kind === "role") return `role|${f.subject}|${f.roleHead ?? ""}`;
  if (f.kind === "relation") return `rel|${f.subject}|${f.property}|${f.value}`;
  return `${f.kind}|${f.subject}|${f.property}|${f.unit ?? ""}`;
}

/**
 * Claims from the facts of all articles. A claim conflicts when two articles state incompatible values; a
 * difference explained by time or definition keeps status `conflicting` but carries a note saying it is not a
 * contradiction. Agreement needs two independent sources: copies confirm nothing.
 */
export function alignClaims(facts: readonly Fact[], sources: SourceGroups): Claim[] {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    if (!f.subject) continue;
    const key = alignmentKey(f);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const claims: Claim[] = [];
  for (const [key, group] of groups) {
    let contradiction = false;
    const notes = new Set<string>();
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i] as Fact;
        const b = group[j] as Fact;
        if (a.articleId === b.articleId || compatible(a, b)) continue;
        const why = explainDifference(a, b);
        if (why) notes.add(why);
        else contradiction = true;
      }
    }
    const byValue = new Map<string, Fact[]>();
    for (const f of group) {
      const list = byValue.get(f.value);
      if (list) list.push(f);
      else byValue.set(f.value, [f]);
    }
    const values: ClaimValue[] = [...byValue.entries()].map(([value, fs]) => {
      const articleIds = [...new Set(fs.map((f) => f.articleId))];
      return { value, text: (fs[0] as Fact).text, articleIds, independentSources: sources.count(articleIds) };
    });
    values.sort((a, b) => b.articleIds.length - a.articleIds.length);
    const allArticles = new Set(group.map((f) => f.articleId));
    const differs = contradiction || notes.size > 0;
    const status = differs ? "conflicting" : sources.count(allArticles) >= 2 ? "agreed" : "single-source";
    const first = group[0] as Fact;
    const claim: Claim = {
      id: `claim:${key}`,
      subject: first.subjectLabel || first.subject,
      property: first.kind === "role" ? "role" : first.property,
      status,
      values,
    };
    if (!contradiction && notes.size > 0) claim.note = [...notes].sort()[0] as string;
    claims.push(claim);
  }
  // Conflicts first, then what most sources carry: the order a reader scans a comparison table in.
  const rank = { conflicting: 0, agreed: 1, "single-source": 2 } as const;
  return claims.sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      b.values.reduce((s, v) => s + v.articleIds.length, 0) - a.values.reduce((s, v) => s + v.articleIds.length, 0),
  );
}
