import type { Mention } from "../extract/entities/index.js";
import { nameKey, resolvedName } from "../resolve/index.js";

/**
 * The clustering features of one article's mentions: one key per distinct person, organisation and place, equal
 * across romanisations and scripts of one name (Daletsky/Daletski, Lyubrava/Liubrava/Любрава) and different for
 * different people who share a root (Lukashenko/Lukashev, a husband and his wife). A bare surname or a role
 * ("the minister") counts under the fuller name it refers to in the same article. Per article, not resolved across
 * the corpus: the online clusterer sees one article at a time, and a batch must group as the stream would.
 */
export function entityKeys(mentions: readonly Mention[]): string[] {
  const keys = new Set<string>();
  for (const mention of mentions) keys.add(nameKey(resolvedName(mention, mentions), mention.type));
  return [...keys];
}
