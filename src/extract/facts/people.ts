import type { Article } from "../../model/article.js";
import type { Entity } from "../../model/story.js";

/** A named person (or, when an entity says so, an organisation) found in an article's text. */
export interface NameMention {
  start: number;
  end: number;
  text: string;
  /** Entity id when the given entities cover this mention; null for a name found by the fallback heuristic. */
  entityId: string | null;
  /** The entity's canonical name, or the longest form of the name seen in this article. */
  name: string;
  type: Entity["type"];
}

/** Capitalised words that start a sentence or name an institution, never a person. */
const NOT_NAME_WORDS = new Set(
  `The A An In On At By For From To Of And But Or If As After Before During Since Until When While Where Why How What Who
  This That These Those Their There Then They He She It We I You His Her Its Our My Your Police Riot Some Many Most
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
  September October November December Party Centre Center Ministry Court Council Committee Union Bank Agency Office
  Department Human Rights Campaign Movement News Wire Post Times Daily Herald Courier Square Street Avenue Group
  Families Freedom Interior Foreign Justice Defence Defense Minister President Prime Mayor Judge General Parliament
  Government State City University Hospital Republic Kingdom Federation Square Station Airport Reuters Associated
  Press Civic Renewal Human Centre Mr Mrs Ms Dr Former Opposition Supreme District Regional National International
  Valley Association Growers Assembly Hydro Dam Lake River Mountains Province County Region Ministry Agriculture
  Water Railway Central Old New North South East West Northern Southern Eastern Western Upper Lower Security
  Prosecutor Prosecutors Spokesman Spokeswoman Spokesperson Editing Reporting Lawyers Officers Witnesses
  According Meanwhile However Also Later Earlier Yesterday Today Tomorrow Last Next Several`.split(/\s+/),
);

const NAME_SEQUENCE =
  /\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?){1,4}\b/g;

/**
 * Names in one article: the given entities first (their mentions in this article, then their name and aliases
 * searched as words), then unknown capitalised name sequences and their later surname-only uses.
 */
export function nameMentions(article: Article, entities: readonly Entity[]): readonly NameMention[] {
  // Facts, quotes and dates each ask for one article's names with the story's same entity list: find them once.
  let byArticle = namesCache.get(entities);
  if (byArticle === undefined) {
    byArticle = new WeakMap();
    namesCache.set(entities, byArticle);
  }
  let names = byArticle.get(article);
  if (names === undefined) {
    names = findNameMentions(article, entities);
    byArticle.set(article, names);
  }
  return names;
}

const namesCache = new WeakMap<readonly Entity[], WeakMap<Article, readonly NameMention[]>>();

function findNameMentions(article: Article, entities: readonly Entity[]): readonly NameMention[] {
  const text = article.text;
  const found: NameMention[] = [];
  const overlaps = (a: number, b: number) => found.some((f) => a < f.end && b > f.start);
  for (const entity of entities) {
    for (const m of entity.mentions ?? []) {
      if (m.articleId !== article.id || m.end > text.length || m.start < 0) continue;
      if (!overlaps(m.start, m.end)) {
        found.push({
          ...pick(m),
          text: text.slice(m.start, m.end),
          entityId: entity.id,
          name: entity.name,
          type: entity.type,
        });
      }
    }
  }
  // Longest forms first so "Alexei Grachev" wins over "Grachev" at the same place.
  const forms = entities
    .flatMap((e) => [e.name, ...e.aliases].map((form) => ({ form, entity: e })))
    .filter((f) => f.form.trim().length >= 2)
    .sort((a, b) => b.form.length - a.form.length);
  for (const { form, entity } of forms) {
    for (const at of wordOccurrences(text, form)) {
      if (overlaps(at, at + form.length)) continue;
      found.push({
        start: at,
        end: at + form.length,
        text: form,
        entityId: entity.id,
        name: entity.name,
        type: entity.type,
      });
    }
  }
  const heuristic: NameMention[] = [];
  for (const m of text.matchAll(NAME_SEQUENCE)) {
    let start = m.index ?? 0;
    let words = m[0].split(/\s+/);
    // Drop leading capitalised function words ("On Saturday Jane Doe" -> "Jane Doe").
    // Drop everything up to the last title or function word ("Transport Minister Edvin Salo" -> "Edvin Salo").
    const lastNot = words.findLastIndex((w) => NOT_NAME_WORDS.has(w));
    for (let k = 0; k <= lastNot; k++) {
      start += (words[0] ?? "").length;
      start += /^\s*/.exec(text.slice(start))?.[0].length ?? 0;
      words = words.slice(1);
    }
    while (words.length > 0 && NOT_NAME_WORDS.has(words[0] ?? "")) {
      start += (words[0] ?? "").length;
      start += /^\s*/.exec(text.slice(start))?.[0].length ?? 0;
      words = words.slice(1);
    }
    if (words.length < 2 || words.length > 3 || words.some((w) => NOT_NAME_WORDS.has(w))) continue;
    const name = words.join(" ");
    const end =
      start + text.slice(start).indexOf(words[words.length - 1] ?? "") + (words[words.length - 1] ?? "").length;
    if (overlaps(start, end)) continue;
    heuristic.push({ start, end, text: text.slice(start, end), entityId: null, name, type: "person" });
  }
  found.push(...heuristic);
  // "Mr Salo": an honorific makes a single capitalised word a person.
  for (const m of text.matchAll(/\b(?:Mr|Mrs|Ms|Dr)\.?\s+([A-Z][a-z]+)/g)) {
    const start = (m.index ?? 0) + m[0].length - (m[1] ?? "").length;
    const end = start + (m[1] ?? "").length;
    if (!overlaps(start, end))
      found.push({ start, end, text: m[1] ?? "", entityId: null, name: m[1] ?? "", type: "person" });
  }
  // A surname alone refers back to the full name seen earlier in the same article.
  const bySurname = new Map<string, NameMention>();
  for (const h of [...found].sort((a, b) => a.start - b.start)) {
    const parts = h.name.split(/\s+/);
    const surname = parts[parts.length - 1] ?? "";
    if (parts.length >= 2 && h.type === "person" && !bySurname.has(surname)) bySurname.set(surname, h);
  }
  for (const [surname, full] of bySurname) {
    for (const at of wordOccurrences(text, surname)) {
      if (overlaps(at, at + surname.length)) continue;
      found.push({
        start: at,
        end: at + surname.length,
        text: surname,
        entityId: full.entityId,
        name: full.name,
        type: full.type,
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function pick(m: { start: number; end: number }): { start: number; end: number } {
  return { start: m.start, end: m.end };
}

/**
 * Where `form` occurs in `text` as whole words (not inside a longer word; any run of white space matching a space
 * in the form), left to right and not overlapping, as one global search for the form would find them.
 */
export function wordOccurrences(text: string, form: string): number[] {
  const out: number[] = [];
  // Every alias of every entity in a story is searched in each of its articles, and most are absent: a native
  // search for the first word finds the few places worth testing, and the pattern is tried only there.
  const firstWord = form.split(/\s+/, 1)[0] ?? "";
  if (firstWord === "") {
    for (const m of text.matchAll(formPattern(form, "gu"))) out.push(m.index ?? 0);
    return out;
  }
  const pattern = formPattern(form, "uy");
  let from = 0;
  for (let at = text.indexOf(firstWord); at >= 0; at = text.indexOf(firstWord, from)) {
    pattern.lastIndex = at;
    const match = startsWord(text, at) ? pattern.exec(text) : null;
    if (match) {
      out.push(at);
      from = at + Math.max(1, match[0].length);
    } else {
      from = at + 1;
    }
  }
  return out;
}

const LETTER_OR_DIGIT = /[\p{L}\d]/u;

/** No letter or digit right before `at`. */
function startsWord(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.codePointAt(at - 1) ?? 0;
  // A low surrogate ends a character that starts one unit earlier.
  const point = before >= 0xdc00 && before <= 0xdfff && at >= 2 ? (text.codePointAt(at - 2) ?? before) : before;
  return !LETTER_OR_DIGIT.test(String.fromCodePoint(point));
}

/**
 * Compiled word patterns by form and flags: one story searches the same names in each of its articles, and compiling
 * a Unicode pattern costs more than running it. Cleared when full, so a long-running server holds a bounded set.
 */
const formPatterns = new Map<string, RegExp>();
/** Room for the names of a few large stories; past it the map starts over (a miss only costs a compile). */
const FORM_PATTERN_CACHE_SIZE = 5_000;

/** "gu": the form anywhere, as a whole word; "uy": the form exactly at `lastIndex`, not followed by a letter or digit. */
function formPattern(form: string, flags: "gu" | "uy"): RegExp {
  const key = `${flags}\u0000${form}`;
  let pattern = formPatterns.get(key);
  if (pattern === undefined) {
    if (formPatterns.size >= FORM_PATTERN_CACHE_SIZE) formPatterns.clear();
    const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
    pattern = new RegExp(
      flags === "gu" ? `(?<![\\p{L}\\d])${escaped}(?![\\p{L}\\d])` : `${escaped}(?![\\p{L}\\d])`,
      flags,
    );
    formPatterns.set(key, pattern);
  }
  return pattern;
}

/** How far after a mention a pronoun still counts as a cue to that person's gender. */
const PRONOUN_CUE_REACH_CHARS = 160;

export type Gender = "male" | "female";

const FEMALE_CUES =
  /\b(Mrs|Ms|Miss|Madam)\.?\s*$|^,\s+whose\s+(?:husband|son|daughter)\b|^,\s+(?:the\s+|a\s+|an\s+)?(?:(?!whose|his|her|their)[\w']+\s+){0,2}(wife|widow|mother|daughter|sister|woman|spokeswoman|chairwoman|grandmother|girlfriend)\b/i;
const MALE_CUES =
  /\b(Mr)\.?\s*$|^,\s+whose\s+wife\b|^,\s+(?:the\s+|a\s+|an\s+)?(?:(?!whose|his|her|their)[\w']+\s+){0,2}(husband|widower|father|son|brother|man|spokesman|chairman|grandfather|boyfriend)\b/i;
/** First names common enough in English news to settle a pronoun; a guess by ending covers the rest. */
const MALE_NAMES = new Set(
  "john james robert michael william david richard joseph thomas charles daniel matthew anthony mark paul steven andrew peter george alexei alexander ivan dmitri sergei yuri nikita ilya luca joshua pavel oleg viktor mikhail boris tomas jan piotr marek".split(
    " ",
  ),
);
const FEMALE_NAMES = new Set(
  "mary patricia jennifer linda elizabeth susan jessica sarah karen nancy lisa margaret ruth helen anne ann jane alice carmen ingrid".split(
    " ",
  ),
);

/**
 * The gender a text gives a person: honorifics and kinship words beside a mention, then pronouns in a sentence
 * (or the sentence after) where this person is the only one named, then the first name. Null when nothing says:
 * the pronoun resolver must then not guess between two people.
 */
export function personGender(text: string, mentions: readonly NameMention[], name: string): Gender | null {
  let female = 0;
  let male = 0;
  for (const m of mentions) {
    if (m.name !== name) continue;
    const before = text.slice(Math.max(0, m.start - 6), m.start);
    const after = text.slice(m.end, m.end + 40);
    if (FEMALE_CUES.test(before) || FEMALE_CUES.test(after)) female += 2;
    if (MALE_CUES.test(before) || MALE_CUES.test(after)) male += 2;
    // The rest of this sentence and the start of the next, as long as nobody else is named there.
    const stop = mentions.find((o) => o.start > m.end && o.name !== name)?.start ?? text.length;
    // Quoted words are the speaker's own ("I", "he" of someone else); the reporter's pronouns are outside them.
    // A pronoun attributing a quote is what the resolver must decide, so it cannot also be evidence.
    const reach = text
      .slice(m.end, stop)
      .replace(/["“][^"”]*["”](?:,?\s*(?:he|she)\b)?/gi, " ")
      .slice(0, PRONOUN_CUE_REACH_CHARS);
    if (/\b(she|her|herself)\b/i.test(reach)) female++;
    if (/\b(he|his|him|himself)\b/i.test(reach)) male++;
  }
  if (female !== male) return female > male ? "female" : "male";
  const first = name.split(/\s+/)[0]?.toLowerCase() ?? "";
  if (name.split(/\s+/).length < 2) return null;
  if (MALE_NAMES.has(first)) return "male";
  if (FEMALE_NAMES.has(first)) return "female";
  // Many European first names ending in -a are women's; the known exceptions are listed above.
  if (/[^i]a$|ia$|ya$/.test(first)) return "female";
  return null;
}
