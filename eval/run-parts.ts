/**
 * Shared by `npm run eval` and `npm run bench`: loads every `<name>.<kind>.ts` part beside the runner (or only the
 * parts named on the command line), runs each in turn, and keeps going when one fails, so one broken part never
 * hides the others' numbers. The exit code says whether any part failed.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export interface Part<Context> {
  name: string;
  run(context: Context): Promise<void>;
}

export async function runParts<Context extends { log(line?: string): void }>(
  folder: string,
  suffix: string,
  wanted: readonly string[],
  context: Context,
): Promise<number> {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith(suffix))
    .sort();
  let failures = 0;
  for (const file of files) {
    const part = (await import(pathToFileURL(join(folder, file)).href)).default as Part<Context>;
    if (wanted.length > 0 && !wanted.includes(part.name)) continue;
    context.log(`\n## ${part.name}\n`);
    try {
      await part.run(context);
    } catch (error) {
      failures++;
      context.log(`${part.name} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  return failures > 0 ? 1 : 0;
}
