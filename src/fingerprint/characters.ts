/**
 * Character classes for word scanning, as code-unit tests: the sketch path calls these once per character of a
 * 5 KB article, so no regular expressions here.
 */

/** A letter or digit of any script Parallax reads; typographic punctuation (U+2000..U+206F) is not a word character. */
export function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  if (code < 0xc0) return code === 0xaa || code === 0xb5 || code === 0xba;
  if (code === 0xd7 || code === 0xf7) return false;
  if (code < 0x2000) return true;
  if (code < 0x2070) return false;
  // Letterlike symbols, CJK and the rest of the BMP, minus the punctuation blocks that matter in news text.
  return (
    !(code >= 0x3000 && code <= 0x303f) && !(code >= 0xfe30 && code <= 0xfe4f) && !(code >= 0xff00 && code <= 0xff0f)
  );
}

/** Case folding for ASCII, Latin-1 and the paired part of Latin Extended-A; others pass unchanged (rare in our outlets). */
export function foldCase(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if (code >= 0xc0 && code <= 0xde && code !== 0xd7) return code + 32;
  if (code >= 0x100 && code <= 0x137) return code | 1;
  return code;
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isUpper(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
}
