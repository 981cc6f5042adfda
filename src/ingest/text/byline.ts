import { splitAuthors } from "../article-draft.js";

/** Longest byline name list read from a "By ..." line; longer is a sentence starting with "By". */
const MAX_BYLINE_WORDS = 10;

const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
/**
 * "Ann Lee Edited by Bo Park", "ANN LEE March 11, 2015 3:46 PM", "Ann Lee 22 Dec 2016", "Ann Lee Updated 5:01 pm":
 * bylines whose markup puts credit and timestamp in the same element.
 */
const TRAILING_CREDIT_OR_DATE = new RegExp(
  `\\s+(?:(?:edited|photos?|illustrations?|graphics|additional reporting)\\s+by\\b|(?:updated|published|posted)\\b|${MONTH}\\s+\\d{1,2}\\b|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+\\d{2,4}|\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}).*$`,
  "iu",
);

const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|der|del|la|le|and|und|et|y|&)$/u;

/**
 * Reads a byline line ("By Ann Lee and Bo Park", "By Ann Lee, Staff Reporter", "Ann Lee | Outlet") into names,
 * or null when the line is not a byline.
 */
/** The label that opens a byline: "By", "By:", "Written by", and the same word in other languages. */
export const BYLINE_LABEL = /^(?:(?:written|words|text|story)\s+by|by|von|par|por|door|di)\s*:?\s/iu;

export function parseByline(line: string): string[] | null {
  const m = /^(?:(?:written|words|text|story)\s+by|by|von|par|por|door|di)\s*:?\s+(.+?)\s*$/iu.exec(line.trim());
  if (!m?.[1]) return null;
  // "Last updated: May 2, 2024" sits in byline markup too: a timestamp label, not a name.
  if (/^(?:last\s+)?(?:updated|published|posted|modified)\b/i.test(m[1])) return null;
  // Cut a role or outlet: "Ann Lee, Staff Reporter" / "Ann Lee | The Harbour Times" / "Ann Lee - 5 min read".
  let names = m[1].split(/\s+[|–—-]\s+|\s*\|\s*/)[0] ?? "";
  // Cut what follows the names in one line of markup: an editor credit or the byline's timestamp.
  names = names.replace(TRAILING_CREDIT_OR_DATE, "");
  names = names.replace(/,\s*(?:staff|senior|chief|special|our|political|foreign|science|sports?)\b.*$/i, "");
  names = names.replace(/\s+(?:in|at)\s+\p{Lu}[\p{L} ]*$/u, "").replace(/[.,;:]+$/, "");
  const words = names.split(/[\s,]+/).filter((w) => w !== "");
  if (words.length === 0 || words.length > MAX_BYLINE_WORDS) return null;
  if (!words.every((w) => NAME_WORD.test(w))) return null;
  // Initials alone ("J J", a commenter's handle) name nobody.
  if (!words.some((w) => (w.match(/\p{L}/gu)?.length ?? 0) >= 2)) return null;
  const list = splitAuthors(names);
  return list.length > 0 ? list : null;
}
