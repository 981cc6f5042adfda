import { hasCyrillic } from "../../resolve/transliterate.js";
import { isAcronym, type Run } from "./candidate-spans.js";
import { roleAfter } from "./find-role.js";
import { lexicon } from "./lexicon.js";
import type { MentionType } from "./mention.js";
import type { CaseMode } from "./paragraph-mode.js";
import { isAllCaps, isCapitalised, isInitial, type Token } from "./tokenize.js";

/** What the classifier decided for one run: the name's tokens, its type, and title words cut from its front. */
export interface Classified {
  first: number;
  last: number;
  type: MentionType;
  /** Capitalised title words cut from the run ("Interior Minister"), first and last token index. */
  title: Run | null;
}

/** A single unknown capitalised word with no cue: kept aside in case it is the surname of a person named elsewhere. */
export interface Pending {
  first: number;
  last: number;
}

// Lower-case words allowed between a preposition and a place ("in the cities of Pelsk").
const MAX_PLACE_LEAD = 7;

// Words read after ", a" for the kind of organisation: "a pro-government state broadcaster".
const MAX_APPOSITION_WORDS = 5;

// Names longer than this are not people ("Anna Maria de la Cruz Kovalenko" is six words).
const MAX_PERSON_WORDS = 5;

function words(tokens: readonly Token[], run: Run): Token[] {
  return tokens.slice(run.first, run.last + 1).filter((t) => t.isWord);
}

function text(tokens: readonly Token[], run: Run): string {
  return words(tokens, run)
    .map((t) => t.text)
    .join(" ");
}

/** Cuts sentence-start words, honorifics and title words from the front, connectors and non-names from the back. */
function trim(tokens: readonly Token[], run: Run): { run: Run | null; honorific: boolean; title: Run | null } {
  let { first, last } = run;
  let honorific = false;
  let titleFirst = -1;
  let titleLast = -1;
  const lastWord = tokens[last]?.text ?? "";
  const isOrgLike =
    lexicon.isOrgSuffix(lastWord) ||
    (lexicon.isOrgHeadWithOf(tokens[first]?.text ?? "") && tokens[first + 1]?.text === "of");
  while (first <= last) {
    const token = tokens[first];
    if (!token) break;
    if (!token.isWord || (token.text.length === 1 && !isInitial(token.text))) first++;
    else if (lexicon.isHonorific(token.text)) {
      honorific = true;
      first++;
      if (tokens[first]?.text === ".") first++;
    } else if (!isOrgLike && lexicon.isRoleWord(token.text) && first < last && !lexicon.isGivenName(token.text)) {
      if (titleFirst < 0) titleFirst = first;
      titleLast = first;
      first++;
    } else if (
      lexicon.isNonName(token.text) &&
      !(first < last && lexicon.isKnownPlace(text(tokens, { first, last })))
    ) {
      first++;
      titleFirst = -1;
    } else if (lexicon.isConnector(token.text)) first++;
    else break;
  }
  while (last >= first) {
    const token = tokens[last];
    if (!token) break;
    if (
      !token.isWord ||
      lexicon.isConnector(token.text) ||
      lexicon.isNonName(token.text) ||
      lexicon.isSpeechVerb(token.text)
    )
      last--;
    else break;
  }
  // "Water Minister Maren Oskett": a role head inside the run ends a title even when the words before it are
  // not in the role lexicon.
  if (!isOrgLike) {
    for (let i = last - 1; i >= first; i--) {
      const token = tokens[i];
      if (
        token?.isWord &&
        lexicon.isRoleHead(token.text) &&
        isCapitalised(token.text) &&
        !lexicon.isGivenName(token.text)
      ) {
        if (titleFirst < 0) titleFirst = first;
        titleLast = i;
        first = i + 1;
        break;
      }
    }
  }
  const title = titleFirst >= 0 ? { first: titleFirst, last: titleLast } : null;
  return { run: first <= last ? { first, last } : null, honorific, title };
}

export interface Context {
  tokens: readonly Token[];
  mode: CaseMode;
}

/** Whether a place preposition governs the word at `index`: "in Pelsk", "in central Lyubrava", "in the cities of Pelsk and". */
function afterPlacePreposition(tokens: readonly Token[], index: number): boolean {
  for (let i = index - 1, steps = 0; i >= 0 && steps < MAX_PLACE_LEAD; i--, steps++) {
    const token = tokens[i];
    if (!token?.isWord) return false;
    if (lexicon.isPlacePreposition(token.text) && token.text === token.text.toLowerCase()) return true;
    if (
      !lexicon.isPlaceLeadWord(token.text) &&
      !(steps > 0 && isCapitalised(token.text) && tokens[i + 1]?.text === "and")
    )
      return false;
  }
  return false;
}

/** Splits a run at lower-case "and"/"the" that joined two names which are not one organisation. */
function splitAtConnectors(tokens: readonly Token[], run: Run): Run[] {
  const parts: Run[] = [];
  let start = run.first;
  for (let i = run.first; i <= run.last; i++) {
    const token = tokens[i];
    if (token && (token.text === "and" || token.text === "&" || token.text === "the")) {
      if (i > start) parts.push({ first: start, last: i - 1 });
      start = i + 1;
    }
  }
  if (start <= run.last) parts.push({ first: start, last: run.last });
  return parts;
}

/** "Zarechia Today, a pro-government broadcaster": an apposition naming a kind of organisation. */
function orgApposition(tokens: readonly Token[], last: number): boolean {
  if (tokens[last + 1]?.text !== ",") return false;
  let i = last + 2;
  if (!/^(a|an|the)$/i.test(tokens[i]?.text ?? "")) return false;
  for (i++; i < last + 2 + MAX_APPOSITION_WORDS; i++) {
    const token = tokens[i];
    // "a spokeswoman for the ministry" describes a person: stop at a role or a preposition.
    if (!token?.isWord || lexicon.isRoleHead(token.text) || /^(for|of|at|in|with|from)$/i.test(token.text))
      return false;
    if (lexicon.isOrgCue(token.text)) return true;
  }
  return false;
}

export function classifyRun(ctx: Context, raw: Run): Array<Classified | Pending> {
  if (orgApposition(ctx.tokens, raw.last)) {
    let first = raw.first;
    while (first < raw.last && (lexicon.isNonName(ctx.tokens[first]?.text ?? "") || !ctx.tokens[first]?.isWord))
      first++;
    const person = lexicon.isGivenName(ctx.tokens[first]?.text ?? "");
    if (!person) return [{ first, last: raw.last, type: "organization", title: null }];
  }
  const whole = classifyOne(ctx, raw);
  if (whole && "type" in whole && whole.type === "organization") return [whole];
  const parts = splitAtConnectors(ctx.tokens, raw);
  if (parts.length <= 1) return whole ? [whole] : [];
  return parts.flatMap((part) => {
    const one = classifyOne(ctx, part);
    return one ? [one] : [];
  });
}

function classifyOne(ctx: Context, raw: Run): Classified | Pending | null {
  const { tokens, mode } = ctx;
  const trimmed = trim(tokens, raw);
  if (!trimmed.run) return null;
  const run = trimmed.run;
  const ws = words(tokens, run);
  const first = ws[0];
  const last = ws.at(-1);
  if (!first || !last) return null;
  const phrase = text(tokens, run);
  const before = tokens[run.first - 1];
  const before2 = tokens[run.first - 2];
  const after = tokens[run.last + 1];
  const result = (type: MentionType): Classified => ({ first: run.first, last: run.last, type, title: trimmed.title });

  if (ws.every((w) => lexicon.isNationality(w.text) || lexicon.isRoleWord(w.text))) return null;
  if (lexicon.isOrgSuffix(last.text) && ws.length > 1) return result("organization");
  if (lexicon.isOrgPrefix(first.text) && ws.length > 1) return result("organization");
  if (lexicon.isPlacePrefix(first.text) && ws.length > 1 && ws.length <= 3) return result("place");
  if (lexicon.isPlaceHeadWithOf(first.text) && ws[1]?.text === "of" && ws.length > 2) return result("place");
  // "Families for Freedom", "Bank of Zarechia": a lower-case "for"/"of" inside a name is an organisation's.
  if (ws.length > 2 && ws.slice(1, -1).some((w) => w.text === "for" || w.text === "of")) return result("organization");
  // "the Civic Renewal party", "the Families for Freedom campaign".
  if (
    after?.isWord &&
    lexicon.isOrgCue(after.text) &&
    after.text === after.text.toLowerCase() &&
    !lexicon.isGivenName(first.text)
  ) {
    return result("organization");
  }
  if (lexicon.isOrgHeadWithOf(first.text) && ws.length > 2 && ws[1]?.text === "of") return result("organization");
  if (lexicon.isKnownOrg(phrase)) return result("organization");
  if (lexicon.isKnownPlace(phrase) || (ws.length === 1 && lexicon.isPlaceAcronym(first.text))) return result("place");
  if (lexicon.isPlaceSuffix(last.text) && ws.length > 1 && !lexicon.isGivenName(first.text)) return result("place");
  // "the press freedom group Open Lens", "state broadcaster Belteleradio".
  if (before?.isWord && lexicon.isOrgCue(before.text) && before.text === before.text.toLowerCase())
    return result("organization");
  if (mode === "cased" && ws.length === 1 && isAcronym(first) && !trimmed.honorific) return result("organization");

  // "the jailed Civic Renewal leader": a name before a role noun is the body or place the role belongs to.
  const beforeRole =
    after?.isWord === true && after.text === after.text.toLowerCase() && lexicon.isRoleWord(after.text);
  const personCue =
    trimmed.honorific ||
    trimmed.title !== null ||
    (before?.isWord === true && (lexicon.isRoleHead(before.text) || lexicon.isHonorific(before.text))) ||
    (before?.text === "." && before2 !== undefined && lexicon.isHonorific(before2.text));
  const givenFirst = lexicon.isGivenName(first.text) && ws.length > 1;
  const initials =
    ws.length > 1 &&
    ws.slice(0, -1).every((w) => isInitial(w.text) || lexicon.isGivenName(w.text)) &&
    ws.some((w) => isInitial(w.text));
  const cyrillic = hasCyrillic(phrase) && ws.length >= 2 && ws.length <= 3;
  const speaks = after?.isWord === true && lexicon.isSpeechVerb(after.text);
  const appositiveRole = roleAfter(tokens, run.last) !== null;
  const nameShaped = ws.length >= 2 && ws.length <= 3 && ws.every((w) => !isAllCaps(w.text) && !/\p{N}/u.test(w.text));
  if (ws.length <= MAX_PERSON_WORDS && (personCue || givenFirst || initials || cyrillic)) return result("person");
  if (appositiveRole && nameShaped) return result("person");
  const placeCue = afterPlacePreposition(tokens, run.first);
  if (placeCue && ws.length <= 3 && !nameShaped) return result("place");
  // "the leader of Civic Renewal": what a role is "of" is a body (or a place, which the lexicon catches above).
  const ofRole = before?.text === "of" && before2?.isWord === true && lexicon.isRoleHead(before2.text);
  if (ofRole && ws.length > 1 && !givenFirst && !placeCue) return result("organization");
  if (beforeRole && !personCue && !givenFirst) return ws.length > 1 && !placeCue ? result("organization") : null;
  if (nameShaped && (!first.sentenceStart || speaks) && mode === "cased") return result("person");
  if (placeCue && ws.length <= 3) return result("place");
  if (ws.length === 1) return { first: run.first, last: run.last };
  return null;
}

export function isClassified(value: Classified | Pending | null): value is Classified {
  return value !== null && "type" in value;
}
