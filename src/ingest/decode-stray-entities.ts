import { decodeHTML } from "entities";

/**
 * Entities that leak into plain news text. Deliberately short: rarer names (`&frac14;`, `&micro;`) show up in
 * code samples and mojibake far more often than as leaked markup, so decoding them would change correct text.
 */
const STRAY_ENTITY =
  /&(?:#\d{2,7}|#x[0-9a-f]{2,6}|amp|lt|gt|quot|apos|nbsp|hellip|mdash|ndash|rsquo|lsquo|ldquo|rdquo|laquo|raquo|eacute|egrave|agrave|ccedil|uuml|ouml|auml|szlig|copy|euro|pound);/gi;

export interface EntityRepair {
  text: string;
  decoded: Array<{ original: string; repaired: string }>;
}

/** Decodes entities that leaked into plain text (`&amp;`, `&#8217;`), keeping unknown or invalid ones as written. */
export function decodeStrayEntities(text: string): EntityRepair {
  const decoded: Array<{ original: string; repaired: string }> = [];
  const out = text.replace(STRAY_ENTITY, (entity) => {
    const repaired = decodeHTML(entity);
    // Entities for control characters or U+FFFD are not text anyone meant to write.
    const code = repaired.codePointAt(0) ?? 0;
    if (repaired === entity || code < 0x09 || code === 0xfffd) return entity;
    if (!decoded.some((d) => d.original === entity)) decoded.push({ original: entity, repaired });
    return repaired;
  });
  return { text: out, decoded };
}
