/** How many paragraphs at each end are checked for trailers and teasers; boilerplate never sits mid-story. */
export const EDGE_PARAGRAPHS = 4;

/** Lines that are never article text, wherever they stand. */
const LONE_LABEL = /^(?:advertisement|advertising|advert|anzeige|publicité|sponsored(?: content)?|ad)$/i;

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
  /^(?:video|watch|listen|related|more|recommended|trending|most read|top stories|related articles)\s*:?$/i,
  /^(?:watch|listen)\s*:.{0,160}$/i,
  /^(?:click here|tap here)\b.{0,160}$/i,
];

export function isLoneLabel(line: string): boolean {
  return LONE_LABEL.test(line.trim());
}

export function isEdgeBoilerplate(line: string): boolean {
  const trimmed = line.trim().replace(/[…\s]+$/, (m) => (m.includes("…") ? "…" : ""));
  return isLoneLabel(trimmed) || EDGE_BOILERPLATE.some((rule) => rule.test(trimmed));
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
