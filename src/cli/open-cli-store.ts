import { mkdir } from "node:fs/promises";
import { dirname, isAbsolute, join } from "node:path";
import { openStore, type Store } from "../store/index.js";

/** The embedded database used when neither --db nor PARALLAX_DB names one. */
export const DEFAULT_DB = ".parallax/parallax.db";

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

/** Resolves --db / PARALLAX_DB / the default, creates the folder of a SQLite file, and opens the store. */
export async function openCliStore(db: string | undefined, cwd: string, env: NodeJS.ProcessEnv): Promise<Store> {
  const location = db ?? env.PARALLAX_DB ?? DEFAULT_DB;
  if (isPostgresUrl(location) || location === ":memory:") return openStore(location);
  const path = isAbsolute(location) ? location : join(cwd, location);
  await mkdir(dirname(path), { recursive: true });
  return openStore(path);
}
