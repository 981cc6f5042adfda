import type { NameMention } from "./people.js";
import type { Span } from "./text-spans.js";
import type { Fact } from "./types.js";

/** Nouns that head a title or office. Two titles with different heads are different offices, not a conflict. */
export const ROLE_HEADS =
  "minister|president|prime minister|premier|mayor|governor|judge|prosecutor|spokesman|spokeswoman|spokesperson|leader|chairman|chairwoman|chair|director|chief|general|ambassador|senator|secretary|commissioner|ombudsman|editor|speaker|candidate|deputy|lawmaker|mp|head|chancellor|councillor|councilor|sheriff|commander";
/** Words before a title that describe the person, not the office ("jailed opposition leader"). */
const DESCRIPTORS = new Set(
  "jailed detained imprisoned exiled popular veteran longtime outspoken embattled influential powerful the a an then newly".split(
    " ",
  ),
);
const MAX_TITLE_MODIFIERS = 2;
const STOP_WORDS = new Set(
  "of for to from with by in on at and or as said says told that who which including against case".split(" "),
);
// "The former Interior Minister, Aliaksei Hrachou, has blamed": a comma may stand between title and name.
const TITLE_BEFORE = new RegExp(String.raw`((?:[A-Za-z-]+\s+){0,3}?)(${ROLE_HEADS}),?\s+$`, "i");
const TITLE_AFTER = new RegExp(
  String.raw`^,\s+(?:the|a|an|who is the|who is a)\s+((?:[A-Za-z'-]+\s+){0,3}?)(${ROLE_HEADS})(?=[,.;]|\s+(?:of|for|who|said|told|and)\b)`,
  "i",
);

export function extractRoles(articleId: string, text: string, sentence: Span, names: readonly NameMention[]): Fact[] {
  const facts: Fact[] = [];
  for (const m of names) {
    if (m.type !== "person" || m.start < sentence.start || m.end > sentence.end) continue;
    const before = text.slice(sentence.start, m.start);
    const after = text.slice(m.end, sentence.end);
    let found: { mods: string; head: string; start: number; end: number } | null = null;
    const b = TITLE_BEFORE.exec(before);
    if (b) {
      const phrase = b[0].trimEnd();
      found = {
        mods: b[1] ?? "",
        head: b[2] ?? "",
        start: m.start - b[0].length,
        end: m.start - b[0].length + phrase.length,
      };
    } else {
      const a = TITLE_AFTER.exec(after);
      if (a) found = { mods: a[1] ?? "", head: a[2] ?? "", start: m.end, end: m.end + a[0].length };
    }
    if (!found) continue;
    const words = found.mods.toLowerCase().split(/\s+/).filter(Boolean);
    // Only the words right before the title belong to it: "release of jailed opposition leader" -> "opposition".
    const lastBreak = words.findLastIndex((w) => STOP_WORDS.has(w) || /'s$|[,;]$/.test(w));
    // Titles carry at most two modifiers ("former interior"); more words are the sentence, not the title.
    const mods = words
      .slice(lastBreak + 1)
      .filter((w) => w.length > 1 && !DESCRIPTORS.has(w))
      .slice(-MAX_TITLE_MODIFIERS);
    const former = mods.some((w) => w === "former" || w === "ex" || w === "ex-");
    const kept = mods.filter((w) => w !== "former" && w !== "ex" && w !== "ex-");
    const head = found.head.toLowerCase();
    const role = [...kept, head].join(" ");
    facts.push({
      kind: "role",
      articleId,
      subject: m.entityId ?? m.name,
      subjectLabel: m.name,
      property: "role",
      value: former ? `former ${role}` : role,
      roleHead: head,
      former,
      text: text.slice(Math.min(found.start, m.start), Math.max(found.end, m.end)),
      start: Math.min(found.start, m.start),
      end: Math.max(found.end, m.end),
      sentence,
    });
  }
  return facts;
}
