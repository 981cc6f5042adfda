import { createHash } from "node:crypto";

/**
 * Identity of an article's words, ignoring case and spacing: syndicated copies re-wrapped by another CMS hash alike.
 * 64 bits are plenty to tell a stream's articles apart and keep the per-story hash lists small.
 */
export function textHash(title: string, text: string): string {
  const normalised = `${title}\n${text}`.toLowerCase().replace(/\s+/gu, " ").trim();
  return createHash("sha256").update(normalised).digest("hex").slice(0, 16);
}
