/** One entry of a hand-written gazetteer (places.ts, organisations.ts): an id and every name it goes by. */
export interface GazetteerEntry {
  id: string;
  names: readonly string[];
}

/** Reads the gazetteers' line format: one entry per line, its id, then its names, separated by "|". */
export function parseGazetteer(lines: string): GazetteerEntry[] {
  return lines
    .trim()
    .split("\n")
    .map((line) => line.split("|").map((part) => part.trim()))
    .map(([id = "", ...names]) => ({ id, names }));
}
