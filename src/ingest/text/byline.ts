import { splitAuthors } from "../article-draft.js";

/** Longest byline name list read from a "By ..." line; longer is a sentence starting with "By". */
const MAX_BYLINE_WORDS = 10;

const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|der|del|la|le|and|und|et|y|&)$/u;

/**
 * Reads a byline line ("By Ann Lee and Bo Park", "By Ann Lee, Staff Reporter", "Ann Lee | Outlet") into names,
 * or null when the line is not a byline.
 */
export function parseByline(line: string): string[] | null {
  const m = /^(?:by|von|par|por|door|di)\s+(.+?)\s*$/iu.exec(line.trim());
  if (!m?.[1]) return null;
  // Cut a role or outlet: "Ann Lee, Staff Reporter" / "Ann Lee | The Harbour Times" / "Ann Lee - 5 min read".
  let names = m[1].split(/\s+[|–—-]\s+|\s*\|\s*/)[0] ?? "";
  names = names.replace(/,\s*(?:staff|senior|chief|special|our|political|foreign|science|sports?)\b.*$/i, "");
  names = names.replace(/\s+(?:in|at)\s+\p{Lu}[\p{L} ]*$/u, "").replace(/[.,;:]+$/, "");
  const words = names.split(/[\s,]+/).filter((w) => w !== "");
  if (words.length === 0 || words.length > MAX_BYLINE_WORDS) return null;
  if (!words.every((w) => NAME_WORD.test(w))) return null;
  const list = splitAuthors(names);
  return list.length > 0 ? list : null;
}
