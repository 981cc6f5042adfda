import { dateWithoutYear, normalizeDate } from "../normalize-date.js";

export interface Dateline {
  place: string;
  date: string | null;
  agency: string | null;
}

/**
 * Reads a wire dateline at the start of a paragraph: "MINSK, March 14 (Wire) -", "LONDON (Wire) —",
 * "PARIS, 14 March 2026 -". The year, when absent, is the latest one not after `now`.
 */
export function parseDateline(paragraph: string, now: Date): Dateline | null {
  const m =
    /^(\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}?)(?:\s*,\s*(\p{L}{3,9}\.? \d{1,2}(?:, \d{4})?|\d{1,2} \p{L}{3,9}\.?(?: \d{4})?))?\s*(?:\(([^)]{2,40})\))?\s*[-–—]\s+\S/u.exec(
      paragraph,
    );
  if (!m?.[1]) return null;
  const place = m[1].trim();
  // Require a comma-date or an agency: a capitalised first word followed by a dash is too common otherwise.
  if (!m[2] && !m[3]) return null;
  if (place.length < 2 || /\p{Ll}/u.test(place)) return null;
  let date: string | null = null;
  if (m[2]) {
    date = normalizeDate(m[2]);
    if (!date) {
      const md = /^(\p{L}{3,9})\.? (\d{1,2})$/u.exec(m[2]) ?? null;
      const dm = /^(\d{1,2}) (\p{L}{3,9})\.?$/u.exec(m[2]) ?? null;
      if (md?.[1] && md[2]) date = dateWithoutYear(md[1], Number(md[2]), now);
      else if (dm?.[1] && dm[2]) date = dateWithoutYear(dm[2], Number(dm[1]), now);
    }
  }
  return {
    place: place.replace(/\b(\p{Lu})(\p{Lu}+)/gu, (_, a: string, b: string) => a + b.toLowerCase()),
    date,
    agency: m[3]?.trim() ?? null,
  };
}
