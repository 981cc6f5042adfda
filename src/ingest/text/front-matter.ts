import { parseDocument } from "yaml";

export type FrontMatter =
  | { ok: true; data: Record<string, unknown> | null; body: string; bodyStartLine: number }
  | { ok: false; reason: string };

/**
 * Splits YAML front matter (between a first `---` line and the next `---` or `...` line) from the body.
 * Lines in the reason are lines of the whole file.
 */
export function splitFrontMatter(text: string): FrontMatter {
  const lines = text.split("\n");
  if ((lines[0] ?? "").trim() !== "---") return { ok: true, data: null, body: text, bodyStartLine: 1 };
  const end = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  if (end < 0) {
    return {
      ok: false,
      reason: "Unexpected front matter without a closing '---' line, expected YAML between two '---' lines",
    };
  }
  const yamlText = lines.slice(1, end).join("\n");
  const doc = parseDocument(yamlText, { uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    // The YAML starts on the file's second line.
    const line = (error.linePos?.[0]?.line ?? 1) + 1;
    const message = error.message.split("\n")[0]?.replace(/ at line \d+.*$/, "") ?? "syntax error";
    return {
      ok: false,
      reason: `Unexpected YAML in front matter at line ${line} (${message}), expected valid YAML between '---' lines`,
    };
  }
  const data: unknown = doc.toJS();
  if (data !== null && (typeof data !== "object" || Array.isArray(data))) {
    return {
      ok: false,
      reason: `Unexpected front matter of type ${Array.isArray(data) ? "list" : typeof data} at line 2, expected key: value pairs`,
    };
  }
  return {
    ok: true,
    data: (data as Record<string, unknown> | null) ?? null,
    body: lines.slice(end + 1).join("\n"),
    bodyStartLine: end + 2,
  };
}
