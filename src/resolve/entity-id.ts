/** FNV-1a 32-bit: a short stable id from a key, no crypto needed. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/** Entity id from the key of the name that founded it: `person-1a2b3c4d`. */
export function entityId(type: string, key: string): string {
  return `${type}-${fnv1a(key)}`;
}
