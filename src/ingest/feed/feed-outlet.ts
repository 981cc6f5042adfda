/**
 * The publisher a feed's title names, without the section the feed adds to it: "The Northern Ledger - World" is the
 * outlet "The Northern Ledger", the same outlet as its web pages' site name. The part kept is the one the feed's own
 * host spells (northernledger.example); when no part or several parts match, the whole title is kept, because a
 * wrong cut ("World" as the outlet) is worse than a long name.
 */

// Separators feeds put between the publisher and the section, spaced so that "Reuters-Wire" is not cut.
const TITLE_SEPARATOR = /\s+[-–—|:]\s+|:\s+/;
// Shorter parts (and hosts) match too much by containment ("AP" in "apnews").
const MIN_MATCH_LETTERS = 4;

function letters(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/^the\s+/, "")
    .replace(/[^a-z0-9]/g, "");
}

/** The host's name without "www." and the top-level domain, as letters: "northernledger" for the example above. */
function hostLetters(url: string | null): string | null {
  if (url === null) return null;
  try {
    const labels = new URL(url).hostname.replace(/^www\./, "").split(".");
    return letters(labels.slice(0, Math.max(1, labels.length - 1)).join(""));
  } catch {
    return null;
  }
}

export function outletOfFeedTitle(title: string | null, url: string | null): string | null {
  if (title === null) return null;
  const parts = title
    .split(TITLE_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  const host = hostLetters(url);
  if (parts.length < 2 || host === null || host.length < MIN_MATCH_LETTERS) return title;
  const matching = parts.filter((part) => {
    const own = letters(part);
    return own.length >= MIN_MATCH_LETTERS && (host.includes(own) || own.includes(host));
  });
  return matching.length === 1 ? (matching[0] ?? title) : title;
}
