import type { DateMention } from "../dates/resolve-date.js";
import type { NameMention } from "./people.js";
import { resolvePronoun } from "./pronouns.js";
import type { Span } from "./text-spans.js";
import type { Fact } from "./types.js";

/** Relation verbs and the property each one sets; synonyms share a property so outlets align. */
const VERBS: ReadonlyArray<[RegExp, string]> = [
  [/^(detained|arrested|taken into custody)$/i, "detained"],
  [/^(charged|indicted)$/i, "charged"],
  [/^(sentenced|jailed)$/i, "sentenced"],
  [/^(convicted|found guilty)$/i, "convicted"],
  [/^(elected|re-elected)$/i, "elected"],
  [/^(released|freed)$/i, "released"],
];
const PASSIVE =
  /^(?:,[^,]{1,60},)?\s+(?:was|were|has been|had been|is being|is)\s+(?:later\s+|first\s+)?(detained|arrested|taken into custody|charged|indicted|sentenced|jailed|convicted|found guilty|elected|re-elected|released|freed)\b/i;
const ACTIVE =
  /(?:police|authorities|officers|prosecutors|voters)\s+(?:have\s+|had\s+)?(detained|arrested|charged|indicted|elected|released|freed)\s+$/i;
const MET = /^\s+(?:met|has met|had met|will meet|meets)\s+(?:with\s+)?$/i;

export function extractRelations(
  articleId: string,
  text: string,
  sentence: Span,
  names: readonly NameMention[],
  dates: readonly DateMention[],
): Fact[] {
  const facts: Fact[] = [];
  const inSentence = names.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
  const time = dates[0];
  const push = (who: NameMention, property: string, value: string, start: number, end: number) => {
    facts.push({
      kind: "relation",
      articleId,
      subject: who.entityId ?? who.name,
      subjectLabel: who.name,
      property,
      value,
      text: text.slice(start, end),
      start,
      end,
      sentence,
      ...(time ? { time: { date: time.date, precision: time.precision } } : {}),
    });
  };
  const subjects: NameMention[] = [...inSentence.filter((m) => m.type === "person")];
  // "He was arrested in July" speaks of the person named before.
  const pronoun = /^(?:[A-Z][a-z]+,\s+)?(He|She)\b/.exec(sentence.text);
  if (pronoun) {
    const at = sentence.start + (pronoun.index ?? 0) + pronoun[0].length - (pronoun[1] ?? "").length;
    const who = resolvePronoun(text, names, at, pronoun[1] ?? "");
    if (who) subjects.unshift({ ...who, start: at, end: at + (pronoun[1] ?? "").length });
  }
  for (const who of subjects) {
    const after = text.slice(who.end, sentence.end);
    const p = PASSIVE.exec(after);
    if (p) {
      const property = VERBS.find(([re]) => re.test(p[1] ?? ""))?.[1];
      if (property) push(who, property, property, who.start, who.end + p[0].length);
    }
    const before = text.slice(sentence.start, who.start);
    const a = ACTIVE.exec(before);
    if (a) {
      const property = VERBS.find(([re]) => re.test(a[1] ?? ""))?.[1];
      if (property) push(who, property, property, sentence.start + (a.index ?? 0), who.end);
    }
    const other = inSentence.find(
      (o) => o.start > who.end && o.name !== who.name && MET.test(text.slice(who.end, o.start)),
    );
    if (other) push(who, "met", other.name, who.start, other.end);
  }
  return facts;
}
