/**
 * Credits to other outlets inside an article's text: wire datelines "QUELLPORT (Veltran Wire) —", trailing credit
 * lines "(Veltran Wire)" / "— Northgate Courier", "according to the Harbor Ledger", "the Harbor Ledger reported".
 */

export interface Credit {
  /** The outlet as written, without a leading "the". */
  outlet: string;
  start: number;
  end: number;
  kind: "wire" | "reported" | "according-to";
}

/** Words that make a capitalised name an outlet rather than a person or a ministry. */
const OUTLET_WORDS = new Set(
  (
    "news newswire times post press agency wire herald tribune journal gazette daily radio tv television broadcasting " +
    "media chronicle observer telegraph courier review network channel bureau mail monitor ledger dispatch bulletin " +
    "register sentinel examiner standard express record reporter weekly magazine today online service " +
    // The same words in the languages of outlets that English-language reports cite most often.
    "vestnik gazeta gazette pravda izvestia novosti kurier kurjer zeitung nachrichten tagblatt presse diario noticias " +
    "periodico jornal folha tribuna corriere gazzetta giornale quotidien nouvelles dagblad avis tidende haber habari"
  ).split(" "),
);
const NAME = String.raw`(?:[A-Z][\p{L}&.'’-]*|of|and|the|de|la)(?:\s+(?:[A-Z][\p{L}&.'’-]*|of|and|the|de|la)){0,5}`;
const DATELINE = new RegExp(String.raw`^[\p{Lu}][\p{Lu}\p{L} .,'’-]{1,40}?\s*\((${NAME})\)\s*[—–-]`, "gmu");
const TRAILING = new RegExp(String.raw`(?:^|\n)\s*(?:\((${NAME})\)|[—–]\s*(${NAME}))\s*$`, "u");
const ACCORDING = new RegExp(
  String.raw`\b[Aa]ccording to (?:a report (?:by|in|from) |reporting (?:by|from|in) )?(?:the )?(${NAME})`,
  "gu",
);
const REPORTED = new RegExp(String.raw`\b(?:the )?(${NAME}) (?:first )?(?:reported|reports|has reported)\b`, "gu");
const SOURCE_LINE = new RegExp(
  String.raw`\b(?:Originally published (?:by|in)|This (?:story|article) (?:first )?appeared in|Source:)\s+(?:the )?(${NAME})`,
  "gu",
);

function trimName(raw: string): string {
  // A name never spans a sentence end: "... Transport Studies. The Meridian Newswire reported" credits the second.
  return (raw.split(/[.!?]\s+/).pop() ?? raw)
    .replace(/^(?:the|The)\s+/, "")
    .replace(/(?:\s+(?:of|and|the|de|la))+$/, "")
    .replace(/[.,’']+$/, "")
    .trim();
}

function looksLikeOutlet(name: string): boolean {
  const words = name.split(/\s+/);
  return words.some((word) => OUTLET_WORDS.has(word.toLowerCase()));
}

/** An acronym or short capitalised name in a wire position is a credit even without an outlet word ("(AFP)"). */
function looksLikeWireName(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length <= 4 && words.every((word) => /^\p{Lu}/u.test(word) || /^(?:of|and|de|la)$/.test(word));
}

export function findCredits(text: string): Credit[] {
  const credits: Credit[] = [];
  const push = (raw: string | undefined, index: number, kind: Credit["kind"], accept: (name: string) => boolean) => {
    if (!raw) return;
    const outlet = trimName(raw);
    if (outlet.length < 2 || !accept(outlet)) return;
    const start = text.indexOf(outlet, index);
    credits.push({ outlet, start, end: start + outlet.length, kind });
  };
  for (const match of text.matchAll(DATELINE)) push(match[1], match.index, "wire", looksLikeWireName);
  const trailing = TRAILING.exec(text);
  if (trailing) push(trailing[1] ?? trailing[2], trailing.index, "wire", looksLikeWireName);
  for (const match of text.matchAll(SOURCE_LINE)) push(match[1], match.index, "wire", looksLikeWireName);
  for (const match of text.matchAll(ACCORDING)) push(match[1], match.index, "according-to", looksLikeOutlet);
  for (const match of text.matchAll(REPORTED)) push(match[1], match.index, "reported", looksLikeOutlet);
  const seen = new Set<string>();
  return credits.filter((credit) => {
    const key = `${normalizeOutlet(credit.outlet)}@${credit.start}`;
    if (credit.start < 0 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "The Harbor Ledger", "harbor ledger" and "Harbor-Ledger" name one outlet. */
export function normalizeOutlet(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
