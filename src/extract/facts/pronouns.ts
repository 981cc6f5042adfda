import { type Gender, type NameMention, personGender } from "./people.js";

/** How far back a pronoun may reach for its person: beyond a few sentences a reader would not follow it either. */
const PRONOUN_LOOKBACK_CHARS = 600;

/**
 * The person a "he" or "she" at `offset` refers to: the last named person before it whose gender matches. When the
 * nearest person's gender is unknown, it is taken only if no other person in reach could be meant.
 */
/** A name followed by its verb ("Grachev said", "X, the minister, defended") is the subject of its clause. */
const SUBJECT_VERB =
  /^(?:,[^,]{1,60},)?\s+(?:\w+ly\s+|also\s+)?(?:said|says|told|added|was|is|has|had|described|called|defended|spoke|blamed|asked|wrote|announced|insisted)\b/;

export function resolvePronoun(
  text: string,
  mentions: readonly NameMention[],
  offset: number,
  pronoun: string,
): NameMention | null {
  const wanted: Gender | null = /^(he|him|his)$/i.test(pronoun)
    ? "male"
    : /^(she|her|hers)$/i.test(pronoun)
      ? "female"
      : null;
  if (!wanted) return null;
  const before = mentions
    .filter((m) => m.type === "person" && m.end <= offset && offset - m.end <= PRONOUN_LOOKBACK_CHARS)
    .sort((a, b) => b.start - a.start);
  const seen = new Set<string>();
  const candidates: Array<{ mention: NameMention; gender: Gender | null }> = [];
  for (const m of before) {
    if (seen.has(m.name)) continue;
    seen.add(m.name);
    candidates.push({ mention: m, gender: personGender(text, mentions, m.name) });
  }
  const compatible = candidates.filter((c) => c.gender === wanted || c.gender === null);
  const first = compatible[0];
  if (!first) return null;
  if (first.gender === wanted) {
    // "Maksim Lukyanets had been ... a photograph of Yury Daletski ... “…,” he said": a person named in passing
    // does not take the pronoun from the person the sentences are about.
    if (!isSubject(text, mentions, first.mention.name, offset)) {
      const subject = compatible.find((c) => c.gender === wanted && isSubject(text, mentions, c.mention.name, offset));
      if (subject) return subject.mention;
    }
    return first.mention;
  }
  // A nearer name of unknown gender is often an institution or a passing mention; one person of the right gender
  // in reach is the one meant.
  const known = compatible.filter((c) => c.gender === wanted);
  if (known.length === 1) return known[0]?.mention ?? null;
  // Otherwise the person the recent sentences are about: the latest one named at the start of a sentence.
  const subject = compatible.find((c) =>
    mentions.some((m) => m.name === c.mention.name && startsSentence(text, m.start)),
  );
  if (subject) return subject.mention;
  return compatible.length === 1 ? first.mention : null;
}

/** Whether the person's latest mention before `offset` opens a sentence, the usual place of its subject. */
function isSubject(text: string, mentions: readonly NameMention[], name: string, offset: number): boolean {
  const latest = mentions.filter((m) => m.name === name && m.end <= offset).sort((a, b) => b.start - a.start)[0];
  if (!latest) return false;
  return startsSentence(text, latest.start) || SUBJECT_VERB.test(text.slice(latest.end, latest.end + 80));
}

function startsSentence(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 30), at);
  return at === 0 || /(^|[.!?]["”’]?\s+|\n\s*)(?:[A-Z][a-z]+\s+)?$/.test(before);
}
