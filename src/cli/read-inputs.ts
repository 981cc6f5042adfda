import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { MAX_INPUT_BYTES } from "../ingest/index.js";
import type { RawDocument } from "../model/raw-document.js";
import { failed, type ItemResult, ok } from "../model/result.js";

/**
 * The file-system edge of the CLI: expands the paths the user named (folders recursively, in a stable order) and
 * reads each file's bytes. Every problem becomes a failed result naming the path; nothing here throws for bad input.
 */
export async function expandPaths(paths: readonly string[], cwd: string): Promise<ItemResult<string>[]> {
  const results: ItemResult<string>[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(absolute);
    } catch (error) {
      results.push(failed(path, describeFsError(error)));
      continue;
    }
    if (info.isDirectory()) {
      for (const file of await walk(absolute)) results.push(ok(displayPath(file, cwd), file));
    } else if (info.isFile()) {
      results.push(ok(path, absolute));
    } else {
      results.push(failed(path, "Unexpected special file, expected a regular file or a folder"));
    }
  }
  return results;
}

/** Hidden entries (dot files, .git) and node_modules are never articles. */
function isSkipped(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (isSkipped(entry.name)) continue;
    const full = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

function displayPath(file: string, cwd: string): string {
  const path = relative(cwd, file);
  return path.startsWith("..") ? file : path;
}

export async function readDocument(source: string, absolute: string): Promise<ItemResult<RawDocument>> {
  try {
    const info = await stat(absolute);
    // Checked before reading so that a huge file is refused without being loaded into memory.
    if (info.size > MAX_INPUT_BYTES) {
      return failed(
        source,
        `Unexpected file size ${formatBytes(info.size)}, expected at most ${formatBytes(MAX_INPUT_BYTES)}`,
      );
    }
    const bytes = await readFile(absolute);
    return ok(source, { source, path: source, url: null, bytes });
  } catch (error) {
    return failed(source, describeFsError(error));
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "Unexpected missing path, expected an existing file or folder";
  if (code === "EACCES" || code === "EPERM")
    return "Unexpected unreadable file (permission denied), expected a readable file";
  if (code === "EISDIR") return "Unexpected folder, expected a file";
  return `Unexpected read error (${error instanceof Error ? error.message : String(error)}), expected a readable file`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
