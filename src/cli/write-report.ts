import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Report, renderHtml, renderJson, renderMarkdown } from "../report/index.js";

export const REPORT_FILES = ["report.json", "report.md", "report.html"] as const;

/** Writes the three report files, each through a temporary file and a rename, so a reader never sees half a file. */
export async function writeReport(report: Report, folder: string): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const contents: Record<(typeof REPORT_FILES)[number], string> = {
    "report.json": renderJson(report),
    "report.md": renderMarkdown(report),
    "report.html": renderHtml(report),
  };
  const written: string[] = [];
  for (const name of REPORT_FILES) {
    const target = join(folder, name);
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, contents[name]);
    await rename(temporary, target);
    written.push(target);
  }
  return written;
}
