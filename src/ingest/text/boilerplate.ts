/** How many paragraphs at each end are checked for trailers and teasers; boilerplate never sits mid-story. */
export const EDGE_PARAGRAPHS = 4;

/**
 * Lines that are never article text, wherever they stand: ad labels, widget controls left over from embedded media
 * and galleries, a bare URL, a photo credit.
 */
const LONE_LABEL: RegExp[] = [
  /^(?:advertisement|advertising|advert|anzeige|publicité|sponsored(?: content)?|ad)$/i,
  /^(?:caption|close|hide caption|toggle caption|expand|collapse|enlarge(?: this image)?|back to (?:top|gallery)|text size|print|email|view (?:gallery|comments)|\d+ comments?|comments?)$/i,
  /^https?:\/\/\S+$/i,
  /^(?:photo|image|picture|foto|illustration)(?: credit)?s?\s*[:：].{0,100}$/i,
  /^(?:photo|image|picture|illustration)s? (?:by|courtesy of)\b.{0,100}$/i,
  /^(?:filed under|tags?|topics?|by|don'?t miss|don’t miss)\s*:?$/i,
  /^(?:image|photo|picture|slide) \d+ (?:of|\/) \d+$/i,
  // Captions end with their credit in brackets: "Protesters in the square (Image: GETTY)", "(AP Photo/Ann Lee)".
  /^.{0,300}\((?:image|photo|picture|foto)(?: credit)?s?\s*:[^()]{0,120}\)$/iu,
  /^.{0,300}\((?:AP|AFP|Reuters|Getty|EPA)[^()]{0,20}(?:Photo|Images)\b[^()]{0,100}\)$/u,
  // Japanese blogs: "sponsored link", "related articles".
  /^(?:スポンサードリンク|スポンサーリンク|関連記事|広告)$/u,
];

const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
const CLOCK = "(?:,?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,4})?)?";
/** A line that is only a date (and time): the publication stamp printed above or below the story. */
const DATE_ONLY = new RegExp(
  `^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?(?:\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\.?\\s+${MONTH}\\s+\\d{4})${CLOCK}$`,
  "iu",
);

/** Lines that are boilerplate when they open or close an article. */
const EDGE_BOILERPLATE: RegExp[] = [
  /^(?:read|see) (?:more|also|the full (?:story|article))\b.{0,120}$/i,
  /^continue reading\b.{0,120}$/i,
  /^share(?: this(?: (?:article|story|page))?| on \w+)?\b.{0,80}$/i,
  /^subscribe\b.{0,160}$/i,
  /^sign up\b.{0,160}$/i,
  /^follow us\b.{0,160}$/i,
  /^(?:photo|image|picture|video|illustration)(?: credit)?s?\s*[:：].{0,200}$/i,
  /^\((?:photo|image|picture)(?: credit)?s?\b.{0,200}\)$/i,
  /^(?:©|\(c\)|copyright\b).{0,200}$/i,
  /^.{0,200}\ball rights reserved\.?$/i,
  /^(?:video|watch|listen|related|more|recommended|trending|most read|most popular|most viewed|popular|breaking news|top stories|related (?:articles|stories|coverage|content))\s*:?$/i,
  // Timestamps under the headline: "Updated 5:27 am CST, Wednesday, November 20, 2019".
  /^(?:updated|published|posted|last updated|last modified|modified)\b\s*:?.{0,80}\d.{0,40}$/i,
  // A byline fused with its timestamp: "By Ann Lee@AnnLee Nov 18, 2019, 11:47am EST".
  /^by\s.{0,80}\b(?:19|20)\d{2}\b.{0,30}$/i,
  /^.{0,120}\b(?:subscribe|sign up)\b.{0,120}\bnewsletters?\b.{0,60}$/i,
  /^follow\s+@\w+.{0,200}$/i,
  /^.{0,250}\bfollow (?:us|him|her|them|me)\b.{0,200}$/i,
  /^to read the full (?:story|article)\b.{0,80}$/i,
  /^(?:watch|listen)\s*:.{0,160}$/i,
  /^(?:click here|tap here)\b.{0,160}$/i,
];

export function isLoneLabel(line: string): boolean {
  const trimmed = line.trim();
  return LONE_LABEL.some((rule) => rule.test(trimmed));
}

export function isEdgeBoilerplate(line: string): boolean {
  const trimmed = line.trim().replace(/[…\s]+$/, (m) => (m.includes("…") ? "…" : ""));
  return isLoneLabel(trimmed) || DATE_ONLY.test(trimmed) || EDGE_BOILERPLATE.some((rule) => rule.test(trimmed));
}

/** Drops lone labels everywhere and boilerplate paragraphs from both ends, until a real paragraph is reached. */
export function dropBoilerplate(paragraphs: string[]): { kept: string[]; dropped: string[] } {
  const dropped: string[] = [];
  const kept = paragraphs.filter((p) => {
    if (isLoneLabel(p)) {
      dropped.push(p);
      return false;
    }
    return true;
  });
  for (let n = 0; n < EDGE_PARAGRAPHS && kept.length > 0 && isEdgeBoilerplate(kept[0] ?? ""); n++) {
    dropped.push(kept.shift() ?? "");
  }
  for (let n = 0; n < EDGE_PARAGRAPHS && kept.length > 0 && isEdgeBoilerplate(kept.at(-1) ?? ""); n++) {
    dropped.push(kept.pop() ?? "");
  }
  return { kept, dropped };
}
