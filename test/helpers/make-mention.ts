import type { Mention } from "../../src/extract/entities/index.js";

let offset = 0;

/** A mention for resolver tests: each call gets its own offset, so no two mentions of one article collide. */
export function makeMention(articleId: string, text: string, type: Mention["type"] = "person"): Mention {
  offset += 100;
  return { articleId, start: offset, end: offset + text.length, text, type };
}
