import { recordToDraft } from "./article-record.js";
import { describeJsonError } from "./json-error.js";
import type { EntryDraft, JsonRead, RejectedRecord } from "./parse-json.js";

/** `.jsonl`/`.ndjson`: one article object per line; a bad line is rejected alone, with its line number. */
export function parseJsonl(text: string, now: Date): JsonRead {
  const entries: EntryDraft[] = [];
  const rejected: RejectedRecord[] = [];
  const lines = text.split("\n");
  let index = 0;
  lines.forEach((raw, i) => {
    const lineText = raw.trim();
    if (lineText === "") return;
    const line = i + 1;
    const entryIndex = index++;
    let value: unknown;
    try {
      value = JSON.parse(lineText);
    } catch {
      rejected.push({ index: entryIndex, line, reason: describeJsonError(lineText, line) });
      return;
    }
    const read = recordToDraft(value, "jsonl", now);
    if (read.ok) entries.push({ draft: read.draft, index: entryIndex, line });
    else rejected.push({ index: entryIndex, line, reason: read.reason });
  });
  return { ok: true, multi: true, entries, rejected };
}
