import { lexicon } from "./lexicon.js";
import type { Token } from "./tokenize.js";

/** A role found next to a name, as offsets into the text. */
export interface RoleSpan {
  start: number;
  end: number;
}

// Longest role we read before a name: "former deputy interior minister" is four words.
const MAX_ROLE_WORDS = 5;

/**
 * The role written just before a name ("former Interior Minister Anna X", "chief negotiator Anna X"), given the
 * index of the name's first token and any title words already cut from the name's capitalised run.
 */
export function roleBefore(tokens: readonly Token[], firstName: number): RoleSpan | null {
  let first = firstName;
  let hasHead = false;
  for (let i = firstName - 1; i >= 0 && firstName - i <= MAX_ROLE_WORDS; i--) {
    const token = tokens[i];
    if (!token?.isWord || !lexicon.isRoleWord(token.text)) break;
    if (lexicon.isRoleHead(token.text)) hasHead = true;
    first = i;
  }
  const last = tokens[firstName - 1];
  // The word next to the name must be the role's head ("minister Anna", not "interior Anna").
  if (!hasHead || first === firstName || !last || !lexicon.isRoleHead(last.text)) return null;
  const start = tokens[first]?.start ?? 0;
  return { start, end: last.end };
}

/** The role in an apposition after a name: "Anna X, the chief negotiator," or "Anna X, a spokeswoman for ...". */
export function roleAfter(tokens: readonly Token[], lastName: number): RoleSpan | null {
  if (tokens[lastName + 1]?.text !== ",") return null;
  let i = lastName + 2;
  if (/^(the|a|an)$/i.test(tokens[i]?.text ?? "")) i++;
  const first = i;
  let end = -1;
  while (i - first < MAX_ROLE_WORDS) {
    const token = tokens[i];
    if (!token?.isWord || !lexicon.isRoleWord(token.text)) break;
    if (lexicon.isRoleHead(token.text)) end = i;
    i++;
  }
  if (end < first) return null;
  // Only a role that ends the apposition or hands over to "of/for/at" ("spokeswoman for the ministry").
  const after = tokens[end + 1];
  if (after?.isWord && !/^(of|for|at|in|to|and|with|from|who)$/i.test(after.text)) return null;
  return { start: tokens[first]?.start ?? 0, end: tokens[end]?.end ?? 0 };
}
