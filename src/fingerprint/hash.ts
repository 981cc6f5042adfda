/**
 * 32-bit integer hashing. Everything stays in `Math.imul`/`>>>` so V8 keeps it in small-integer registers; the sketch
 * fast path must not allocate a string per word.
 */

/** FNV-1a offset basis: the usual starting state, so hashes match any other FNV-1a implementation. */
export const FNV_OFFSET = 0x811c9dc5;
/** FNV-1a prime. */
export const FNV_PRIME = 0x01000193;

/** Murmur3's finaliser: FNV alone leaves the low bits poorly mixed, and bins and anchors read those bits. */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines an ordered pair of hashes; order matters so "a b" and "b a" differ. */
export function combine32(a: number, b: number): number {
  return mix32(Math.imul(a ^ 0x9e3779b9, 0x01000193) + Math.imul(b, 0x5bd1e995) + 0x27d4eb2d);
}

/** FNV-1a of a string's UTF-16 code units, finalised. */
export function hashString(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return mix32(h);
}
