import iconv from "iconv-lite";
import type { Diagnostic } from "../model/diagnostic.js";
import { diagnostic } from "../model/diagnostic.js";
import { decodeStrayEntities } from "./decode-stray-entities.js";

// Hand-written: mojibake repair is Parallax's own craft (no npm library does ftfy-style repair with our guards).

/** Double (even triple) encoding happens in the wild; more rounds than this is noise, not mojibake. */
const MAX_REPAIR_ROUNDS = 4;

/** Single-byte encodings UTF-8 bytes are most often wrongly decoded with. The first is trusted more (see below). */
const PRIMARY_ENCODING = "windows-1252";
/** Rarer wrong decoders: accepted only with stronger evidence, since their letters are ordinary text elsewhere. */
// cp437 comes last: its box-drawing characters are legitimate in text tables, but box lines ("┌─┐", "╚═╝") are
// invalid UTF-8 as bytes, so the whole-line rule leaves them alone while "─îe┼ítina" decodes to "Čeština".
const SECONDARY_ENCODINGS = [
  "windows-1251",
  "windows-1250",
  "iso-8859-2",
  "windows-1257",
  "macintosh",
  "cp437",
] as const;

/**
 * Closing punctuation that follows a word in correct text ("SELKÄ…", "Ã’s", "Ä\u00a0"): a lone two-byte
 * sequence ending in one of these is not trusted. Opening quotes are not here: they rarely touch a preceding letter.
 */
const AMBIGUOUS_CONTINUATIONS = new Set("…’”´¨»–—\u00a0®™");
/** Of the above, the ones still trusted after "Ã"/"Â", whose mojibake is by far the most common. */
const TRUSTED_AFTER_A = new Set("”´¨»–—\u00a0®™");

/** Decoded characters that are rare in prose (modifier letters, IPA, superscripts): a lone one is likely a false hit. */
const RARE_DECODED = /[\p{Lm}\p{Sk}\p{No}\u0250-\u02af\u1d00-\u1dbf]/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
const NON_LATIN_LETTER = /[^\P{L}\p{Script=Latin}]/u;

/** Lead characters of a lone two-byte sequence that are common mojibake in Latin-script text. */
const TRUSTED_LONE_LEADS = new Set("ÃÂÄÅÎÏ");

type CharToByte = Map<string, number>;

function buildTable(encoding: string, sloppy: "all-c1" | "holes" | false): CharToByte {
  const table: CharToByte = new Map();
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const char = iconv.decode(Buffer.from([byte]), encoding);
    if (char.length === 1 && char !== "\ufffd") table.set(char, byte);
  }
  if (sloppy) {
    // Latin-1 decoders (and single-byte decoders for their holes) leave C1 controls: treat them as their byte.
    const defined = new Set(table.values());
    for (let byte = 0x80; byte <= 0x9f; byte++) {
      const char = String.fromCharCode(byte);
      if (table.has(char) || (sloppy === "holes" && defined.has(byte))) continue;
      table.set(char, byte);
    }
  }
  return table;
}

// Latin-1 readings of UTF-8 are as common as windows-1252 ones: every C1 control stands for its byte.
const PRIMARY_TABLE = buildTable(PRIMARY_ENCODING, "all-c1");
// Sloppy too: windows-1251's 0x98 (the end of "И") and windows-1250's 0x83 (of "ă") are holes that decoders keep
// as C1 controls.
const SECONDARY_TABLES = SECONDARY_ENCODINGS.map((encoding) => ({ encoding, table: buildTable(encoding, "holes") }));

/** A regex character class body with consecutive code points merged into ranges (a shorter class matches faster). */
function escapeClass(chars: Iterable<string>): string {
  const codes = [...new Set([...chars].map((c) => c.codePointAt(0) ?? 0))].sort((a, b) => a - b);
  const hex = (code: number) => `\\u{${code.toString(16)}}`;
  let out = "";
  for (let i = 0; i < codes.length; ) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] === (codes[j] ?? 0) + 1) j++;
    out += j > i ? `${hex(codes[i] ?? 0)}-${hex(codes[j] ?? 0)}` : hex(codes[i] ?? 0);
    i = j + 1;
  }
  return out;
}

/**
 * Every repair needs a UTF-8 lead byte's character right before a continuation byte's character (or before the
 * U+FFFD that replaced a lost one; "Ã " is the lost no-break space of "à"). A line without such a pair cannot
 * change, and testing for the pair with one native regex is what keeps big pages (minified HTML is one long line
 * of correct non-ASCII text) fast: the per-character analysis then runs only on lines that may hold mojibake.
 */
const MAYBE_MOJIBAKE = (() => {
  const leads = new Set<string>();
  const continuations = new Set<string>(["\ufffd"]);
  for (const table of [PRIMARY_TABLE, ...SECONDARY_TABLES.map((t) => t.table)]) {
    for (const [char, byte] of table) {
      if (byte >= 0xc2 && byte <= 0xf4) leads.add(char);
      if (byte >= 0x80 && byte <= 0xbf) continuations.add(char);
    }
  }
  return new RegExp(`[${escapeClass(leads)}][${escapeClass(continuations)}]|Ã `, "u");
})();

/** Length of the valid UTF-8 multi-byte sequence starting at `bytes[i]`, or 0 (rejects overlongs and surrogates). */
function utf8SequenceLength(bytes: number[], i: number): number {
  const lead = bytes[i] ?? 0;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return 0;
  for (let k = 1; k < length; k++) {
    const byte = bytes[i + k];
    if (byte === undefined) return 0;
    if (k === 1 ? byte < low || byte > high : byte < 0x80 || byte > 0xbf) return 0;
  }
  return length;
}

interface Sequence {
  /** Index in the run's characters (one byte per character). */
  start: number;
  length: number;
  decoded: string;
}

/**
 * CESU-8 (Java's "modified UTF-8", old MySQL): a character beyond U+FFFF as two 3-byte surrogates, ED A0-AF xx
 * ED B0-BF xx. Strict UTF-8 rejects each half, so the pair is read as one character here. Returns it, or null.
 */
function cesu8Pair(bytes: number[], i: number): string | null {
  const [b0, b1, b2, b3, b4, b5] = bytes.slice(i, i + 6);
  if (b0 !== 0xed || b3 !== 0xed || b1 === undefined || b2 === undefined || b4 === undefined || b5 === undefined)
    return null;
  const cont = (b: number) => b >= 0x80 && b <= 0xbf;
  if (b1 < 0xa0 || b1 > 0xaf || b4 < 0xb0 || b4 > 0xbf || !cont(b2) || !cont(b5)) return null;
  const high = 0xd000 | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
  const low = 0xd000 | ((b4 & 0x3f) << 6) | (b5 & 0x3f);
  return String.fromCharCode(high, low);
}

function findSequences(bytes: number[]): Sequence[] {
  const found: Sequence[] = [];
  let i = 0;
  while (i < bytes.length) {
    const pair = cesu8Pair(bytes, i);
    if (pair) {
      found.push({ start: i, length: 6, decoded: pair });
      i += 6;
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      found.push({ start: i, length, decoded: Buffer.from(bytes.slice(i, i + length)).toString("utf8") });
      i += length;
    } else i++;
  }
  return found;
}

const COMBINING_MARK = /^[\u0300-\u036f]$/;
const C1_CHAR = /^[\u0080-\u009f]$/;
const UNWANTED = /[\p{Cc}\p{Cn}\p{Co}\p{Cs}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** Rejects a repair that would put a lowercase letter inside an all-caps word ("MÄ£ÄM" is correct Latvian caps). */
function caseFits(decoded: string, before: string, after: string): boolean {
  if (!LOWER.test(decoded)) return true;
  return !(UPPER.test(before) && (UPPER.test(after) || after === "" || !/\p{L}/u.test(after)));
}

interface Replacement {
  from: number;
  to: number;
  original: string;
  repaired: string;
  strong: boolean;
}

/** Candidate repairs in one line for the primary (windows-1252 / latin-1) reading. */
function primaryCandidates(line: string): Replacement[] {
  const chars = Array.from(line);
  const out: Replacement[] = [];
  // Offsets in UTF-16 units for each char, to splice the line later.
  const offsets: number[] = [];
  let offset = 0;
  for (const char of chars) {
    offsets.push(offset);
    offset += char.length;
  }
  offsets.push(offset);
  let i = 0;
  let linkedRunStart = -1;
  while (i < chars.length) {
    if (!PRIMARY_TABLE.has(chars[i] ?? "")) {
      i++;
      continue;
    }
    let j = i;
    while (j < chars.length && PRIMARY_TABLE.has(chars[j] ?? "")) j++;
    const runChars = chars.slice(i, j);
    const bytes = runChars.map((c) => PRIMARY_TABLE.get(c) ?? 0);
    const sequences = findSequences(bytes);
    // A run right after a lost no-break space continues the same mojibake: its sequences count as clustered.
    const clustered = sequences.length >= 2 || i === linkedRunStart;
    for (const seq of sequences) {
      // A C1 control inside a cluster is a windows-1252 hole byte of the next layer ("Ã¢â‚¬Â\u009d" is "â€\u009d",
      // then "”"): kept for the next round. Alone it is noise.
      if (UNWANTED.test(seq.decoded) && !(clustered && C1_CHAR.test(seq.decoded))) continue;
      const original = runChars.slice(seq.start, seq.start + seq.length).join("");
      const before = chars[i + seq.start - 1] ?? "";
      const after = chars[i + seq.start + seq.length] ?? "";
      const lead = original[0] ?? "";
      const cont = original.slice(1);
      // "Â´" is listed as trusted below: its "´" must not be refused as a rare sign first.
      const trustedPair = (lead === "Ã" || lead === "Â") && TRUSTED_AFTER_A.has(cont);
      // A combining mark (U+0300-U+036F) decodes from "Ì"/"Í" + a sign: never a spelling, always mojibake ("$Ì¶6").
      const combining = seq.length === 2 && COMBINING_MARK.test(seq.decoded);
      if (!clustered) {
        if (RARE_DECODED.test(seq.decoded) && !trustedPair) continue;
        // A lone CJK/Hangul character glued to a Latin word ("Brontë…”") is correct text, not mojibake.
        if (seq.length === 3 && LATIN_LETTER.test(before) && NON_LATIN_LETTER.test(seq.decoded)) continue;
      }
      const strong = seq.length >= 3 || clustered;
      if (!strong) {
        if (!TRUSTED_LONE_LEADS.has(lead) && !combining) continue;
        if (AMBIGUOUS_CONTINUATIONS.has(cont) && !((lead === "Ã" || lead === "Â") && TRUSTED_AFTER_A.has(cont)))
          continue;
        if (!caseFits(seq.decoded, before, after)) continue;
      }
      out.push({
        from: offsets[i + seq.start] ?? 0,
        to: offsets[i + seq.start + seq.length] ?? 0,
        original,
        repaired: seq.decoded,
        strong,
      });
    }
    const lostSpace = lostNoBreakSpace(bytes, sequences, chars, j);
    if (lostSpace) {
      out.push({
        from: offsets[j - lostSpace.prefix] ?? 0,
        to: offsets[j + 1] ?? 0,
        original: `${runChars.slice(runChars.length - lostSpace.prefix).join("")} `,
        repaired: lostSpace.decoded,
        strong: true,
      });
      i = j + 1;
      linkedRunStart = i;
      continue;
    }
    const truncated = truncatedBeforeReplacement(bytes, sequences, chars[j]);
    if (truncated > 0) {
      // A sequence whose last byte was already lost as U+FFFD ("Ã¢â‚�"): the character is gone, keep one U+FFFD.
      out.push({
        from: offsets[j - truncated] ?? 0,
        to: offsets[j + 1] ?? 0,
        original: `${runChars.slice(runChars.length - truncated).join("")}\ufffd`,
        repaired: "\ufffd",
        strong: sequences.length > 0,
      });
    }
    i = j;
  }
  // "Å veices" for "Šveices": on a line with other repairs, a lone lead byte, a space and a lowercase word are a
  // capital whose no-break space (the second byte) became a plain space.
  if (out.length >= MIN_REPAIRS_FOR_LOST_SPACE) {
    for (const match of line.matchAll(/(^|[\s(])(\S) (?=\p{Ll})/gu)) {
      const at = (match.index ?? 0) + (match[1]?.length ?? 0);
      const byte = PRIMARY_TABLE.get(match[2] ?? "");
      if (byte === undefined || byte < 0xc2 || byte > 0xdf) continue;
      if (out.some((r) => r.from <= at && at < r.to)) continue;
      const decoded = Buffer.from([byte, 0xa0]).toString("utf8");
      if (!UPPER.test(decoded)) continue;
      out.push({ from: at, to: at + 2, original: `${match[2]} `, repaired: decoded, strong: false });
    }
  }
  // Portuguese crase, "à" fused with the next word: "às", "àquele", "àquela(s)", "àquilo". "Ã s " cannot be French
  // "à s'", and "quele" is no word on its own, so the space (the lost no-break space) goes.
  for (const match of line.matchAll(/(^|\s)Ã (s|quel[ae]s?|quilo)(?=[\s.,;:!?]|$)/gu)) {
    const at = (match.index ?? 0) + (match[1]?.length ?? 0);
    if (out.some((r) => r.from <= at && at < r.to)) continue;
    const word = match[2] ?? "";
    if (word === "s" && !/^ /.test(line.slice(at + 3))) continue;
    out.push({ from: at, to: at + 2 + word.length, original: `Ã ${word}`, repaired: `à${word}`, strong: false });
  }
  // "Ã" + space: the no-break space of "à" (C3 A0) often became a plain space. Trust it only between lowercase words.
  // With two spaces, the first one is the lost no-break space and goes; with one, the space stays.
  for (const match of line.matchAll(/(^|[\p{Ll}'’\s(])Ã( ?) (?=\p{Ll}[\p{Ll}'’])/gu)) {
    const at = (match.index ?? 0) + (match[1]?.length ?? 0);
    const prevLetter = /\p{L}/u.test(match[1] ?? "") ? (match[1] ?? "") : "";
    if (UPPER.test(prevLetter)) continue;
    if (out.some((r) => r.from <= at && at < r.to)) continue;
    const length = 1 + (match[2]?.length ?? 0);
    out.push({ from: at, to: at + length, original: line.slice(at, at + length), repaired: "à", strong: false });
  }
  // "â€" whose last byte was lost: 0x9D (the end of "”") is a hole in windows-1252, so many decoders drop it. Only
  // a closing quote fits, so repair it only where one is open on the line and the quote ends (space, end, stop).
  // Encoded twice, the lost 0x9D leaves the "Â" of its second encoding behind ("â€Â").
  for (const match of line.matchAll(/â€Â?(?=$|[\s.,;:!?)\]])/gu)) {
    const at = match.index ?? 0;
    if (out.some((r) => r.from <= at && at < r.to)) continue;
    if (!/“|â€œ/u.test(line.slice(0, at))) continue;
    out.push({ from: at, to: at + match[0].length, original: match[0], repaired: "”", strong: true });
  }
  return out.sort((a, b) => a.from - b.from);
}

/** Other repairs a line needs before a lone capital's lost no-break space is believed. */
const MIN_REPAIRS_FOR_LOST_SPACE = 2;

/** Length of the incomplete UTF-8 sequence that ends a run and lacks exactly one byte, or 0. */
function incompleteTail(bytes: number[], sequences: Sequence[]): number {
  const lastEnd = sequences.reduce((end, s) => Math.max(end, s.start + s.length), 0);
  for (let start = Math.max(lastEnd, bytes.length - 3); start < bytes.length; start++) {
    const probe = [...bytes.slice(start), 0xa0];
    if (utf8SequenceLength(probe, 0) === probe.length) return bytes.length - start;
  }
  return 0;
}

/**
 * The no-break space (0xA0) that ends a sequence is often turned into a plain space ("à¸ à¸²" for "ภา", "Ð Ñƒ" for
 * "Ру"). Read the space as 0xA0 only when the character it completes is a letter of the same Unicode block as the
 * repaired character right after the space: a lead byte, a space and more mojibake of the same script.
 */
function lostNoBreakSpace(
  bytes: number[],
  sequences: Sequence[],
  chars: string[],
  end: number,
): { prefix: number; decoded: string } | null {
  if (chars[end] !== " ") return null;
  const prefix = incompleteTail(bytes, sequences);
  if (prefix === 0) return null;
  const decoded = Buffer.from([...bytes.slice(bytes.length - prefix), 0xa0]).toString("utf8");
  const nextBytes: number[] = [];
  for (let k = end + 1; k < chars.length && PRIMARY_TABLE.has(chars[k] ?? "") && nextBytes.length < 4; k++)
    nextBytes.push(PRIMARY_TABLE.get(chars[k] ?? "") ?? 0);
  const nextLength = utf8SequenceLength(nextBytes, 0);
  if (nextLength === 0) return null;
  const next = Buffer.from(nextBytes.slice(0, nextLength)).toString("utf8");
  const letter = /^\p{L}$/u;
  const block = (c: string) => (c.codePointAt(0) ?? 0) >> BLOCK_BITS;
  if (!letter.test(decoded) || !letter.test(next) || block(decoded) !== block(next)) return null;
  return { prefix, decoded };
}

/** Code points that share the bits above this many low bits lie in one 128-character block (one script, mostly). */
const BLOCK_BITS = 7;

/** How many trailing characters of a run form a valid UTF-8 prefix cut short by a following U+FFFD, or 0. */
function truncatedBeforeReplacement(bytes: number[], sequences: Sequence[], next: string | undefined): number {
  if (next !== "\ufffd" || bytes.length === 0) return 0;
  const lastEnd = sequences.reduce((end, s) => Math.max(end, s.start + s.length), 0);
  for (let start = Math.max(lastEnd, bytes.length - 3); start < bytes.length; start++) {
    const lead = bytes[start] ?? 0;
    const need =
      lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    const have = bytes.length - start;
    if (need === 0 || have >= need) continue;
    if (bytes.slice(start + 1).every((b) => b >= 0x80 && b <= 0xbf)) return have;
  }
  return 0;
}

/** Non-ASCII characters of the line outside every candidate: correct text that speaks against a weak repair. */
function countOtherNonAscii(line: string, candidates: Replacement[]): number {
  let count = 0;
  let k = 0;
  for (let index = 0; index < line.length; index++) {
    while (k < candidates.length && (candidates[k]?.to ?? 0) <= index) k++;
    const inside = k < candidates.length && (candidates[k]?.from ?? 0) <= index;
    const code = line.charCodeAt(index);
    if (!inside && code > 0x7f && !(code >= 0xdc00 && code <= 0xdfff)) count++;
  }
  return count;
}

/**
 * Sequences a rarer charset must decode on a line that windows-1252 spells entirely: every letter there is ordinary
 * text somewhere, so one stray sequence is not enough.
 */
const MIN_SECONDARY_SEQUENCES_OVER_PRIMARY = 3;

/** "√" (MacRoman's 0xC3, the lead of "é", "ß", "ò") glued to a letter is no spelling anywhere: "wei√ü", "Zam√≤". */
const GLUED_SYMBOL = /\p{L}√/u;

const BOX_DRAWING_ONLY = /^[\u2500-\u259f]+$/u;

/** A byte the line lost (U+FFFD in its place): any continuation byte fits there. */
const LOST_BYTE = -1;

function secondaryCandidates(line: string, minSequences = 2, longIsEnough = true): Replacement[] {
  // Whole-line rule: every non-ASCII run must re-encode and decode as UTF-8 completely, with at least two sequences.
  for (const { encoding, table } of SECONDARY_TABLES) {
    const runs = [...line.matchAll(/[^\p{ASCII}]+/gu)];
    if (runs.length === 0) return [];
    // Only box-drawing and block characters is line art ("├┤a┼┐a"); cp437 mojibake mixes them with letters ("ß║┐").
    if (encoding === "cp437" && runs.every((r) => BOX_DRAWING_ONLY.test(r[0]))) continue;
    const out: Replacement[] = [];
    let sequenceCount = 0;
    let fits = true;
    for (const run of runs) {
      const runChars = Array.from(run[0]);
      if (!runChars.every((c) => table.has(c) || c === "\ufffd")) {
        fits = false;
        break;
      }
      const bytes = runChars.map((c) => (c === "\ufffd" ? LOST_BYTE : (table.get(c) ?? 0)));
      let runLength = run[0].length;
      let keptSpace = "";
      // A lead byte before a plain space: the space was its no-break space ("Å iaip" for "Šiaip"). "à" (C3 A0) is a
      // word of its own, so there the space stays ("Г l’ouest" for "à l’ouest").
      const runEnd = (run.index ?? 0) + run[0].length;
      if (line[runEnd] === " " && incompleteTail(bytes, findSequences(bytes)) > 0) {
        bytes.push(0xa0);
        runLength++;
      }
      const sequences = findSequencesWithLost(bytes);
      const spaceRead = runLength > run[0].length;
      if (spaceRead && sequences.at(-1)?.decoded === "à") keptSpace = " ";
      // The space is believed only where it completes a letter (or "Â " the no-break space itself).
      if (spaceRead && !/^[\p{L}\u00a0]$/u.test(sequences.at(-1)?.decoded ?? "")) {
        fits = false;
        break;
      }
      const covered = sequences.reduce((sum, s) => sum + s.length, 0);
      // Latin-1 signs ("´", "¨", "²") are ordinary in Latin text; rarer modifiers and symbols are false hits.
      const odd = sequences.some(
        (s) => UNWANTED.test(s.decoded) || (RARE_DECODED.test(s.decoded) && (s.decoded.codePointAt(0) ?? 0) > 0xff),
      );
      if (covered !== bytes.length || odd) {
        fits = false;
        break;
      }
      sequenceCount += sequences.filter((s) => !s.decoded.includes("\ufffd")).length;
      const from = run.index ?? 0;
      out.push({
        from,
        to: from + runLength,
        original: line.slice(from, from + runLength),
        repaired: sequences.map((s) => s.decoded).join("") + keptSpace,
        strong: true,
      });
    }
    const hasLong = out.some((r) => r.original.trimEnd().length >= 3 && !r.original.includes("\ufffd"));
    const glued = out.some((r) => GLUED_SYMBOL.test(line.slice(Math.max(0, r.from - 1), r.to)));
    if (fits && (sequenceCount >= minSequences || (longIsEnough && (hasLong || glued)))) return out;
  }
  return [];
}

/** Like findSequences, with LOST_BYTE read as any continuation byte; a sequence holding one decodes to U+FFFD. */
function findSequencesWithLost(bytes: number[]): Sequence[] {
  if (!bytes.includes(LOST_BYTE)) return findSequences(bytes);
  const probe = bytes.map((b) => (b === LOST_BYTE ? 0x80 : b));
  return findSequences(probe).map((seq) => {
    const lost = bytes.slice(seq.start, seq.start + seq.length).includes(LOST_BYTE);
    // A lost byte as lead is not a sequence: the U+FFFD stays as it is, unread.
    if (lost && bytes[seq.start] === LOST_BYTE) return { ...seq, decoded: "\ufffd", length: 1 };
    return lost ? { ...seq, decoded: "\ufffd" } : seq;
  });
}

/** Non-ASCII runs of the line that the primary reading decodes completely as UTF-8. */
function primaryExplainedRuns(line: string): { runs: number; explained: number } {
  let runs = 0;
  let explained = 0;
  for (const run of line.matchAll(/[^\p{ASCII}]+/gu)) {
    runs++;
    const bytes = Array.from(run[0]).map((c) => PRIMARY_TABLE.get(c) ?? -1);
    const covered = findSequences(bytes).reduce((sum, seq) => sum + seq.length, 0);
    if (covered === bytes.length) explained++;
  }
  return { runs, explained };
}

function repairLineOnce(line: string): Replacement[] {
  const spellable = Array.from(line).every((c) => c.charCodeAt(0) < 0x80 || PRIMARY_TABLE.has(c));
  // A character windows-1252 cannot spell ("ś", "˘") is evidence for a rarer charset: when one of them re-encodes
  // every non-ASCII run of the line into UTF-8, it explains more than the primary reading's partial repairs.
  if (!spellable) {
    const secondary = secondaryCandidates(line);
    if (secondary.length > 0) return secondary;
  }
  const candidates = primaryCandidates(line);
  if (candidates.length > 0) {
    const strong = candidates.filter((c) => c.strong);
    const weak = candidates.filter((c) => !c.strong);
    // Weak (lone two-byte) repairs need more evidence than the correct non-ASCII text around them ("DrÃ¥ber – ...").
    const others = countOtherNonAscii(line, candidates);
    const keepWeak = strong.length > 0 || weak.length > others || (weak.length >= 2 && weak.length >= others);
    const kept = keepWeak ? candidates : strong;
    if (kept.length > 0 || !spellable) return kept;
  }
  if (!spellable) return [];
  // A line that windows-1252 can spell entirely is the primary reading's: a rarer charset overrules it only when it
  // decodes every run while the primary reading leaves some run undecodable ("ÄÆ" is no UTF-8 in windows-1252,
  // "į" in windows-1257).
  const { runs, explained } = primaryExplainedRuns(line);
  if (runs === 0 || explained === runs) return [];
  // Where windows-1252 decodes no run at all, one long sequence is evidence enough ("profiter‚Ä¶" is MacRoman "…").
  return secondaryCandidates(line, MIN_SECONDARY_SEQUENCES_OVER_PRIMARY, explained === 0);
}

/**
 * C1 control characters (U+0080-U+009F) never occur in real text: they are windows-1252 punctuation ("…" is 0x85,
 * "’" 0x92) read by a Latin-1 decoder. Left over after the UTF-8 repair, each becomes its windows-1252 character;
 * the five bytes windows-1252 leaves undefined stay as they are.
 */
const C1_CONTROL = /[\u0080-\u009f]/g;
const C1_TO_WINDOWS_1252 = new Map(
  [...PRIMARY_TABLE]
    .filter(([char, byte]) => char.charCodeAt(0) !== byte && byte >= 0x80 && byte <= 0x9f)
    .map(([char, byte]) => [String.fromCharCode(byte), char]),
);

function fixC1Controls(line: string): string {
  return line.replace(C1_CONTROL, (c) => C1_TO_WINDOWS_1252.get(c) ?? c);
}

export interface MojibakeRepair {
  text: string;
  diagnostics: Diagnostic[];
}

/**
 * Repairs UTF-8 text that was decoded with a single-byte charset (possibly more than once), then (unless
 * `entities: false`) decodes the common HTML entities that leaked into plain text. Leaves correct text alone; each repair becomes a diagnostic.
 */
export function repairMojibake(text: string, options: { entities?: boolean } = {}): MojibakeRepair {
  // Entities are left alone in markup: decoding "&lt;script&gt;" there would turn shown text into a tag.
  const entitiesToo = options.entities ?? true;
  const diagnostics: Diagnostic[] = [];
  const lines = text.split("\n");
  const repaired = lines.map((line, index) => {
    let current = line;
    const pieces: Array<{ original: string; repaired: string }> = [];
    for (let round = 0; round < MAX_REPAIR_ROUNDS; round++) {
      if (!MAYBE_MOJIBAKE.test(current)) break;
      const replacements = repairLineOnce(current);
      if (replacements.length === 0) break;
      let next = "";
      let last = 0;
      for (const r of replacements) {
        next += current.slice(last, r.from) + r.repaired;
        last = r.to;
        pieces.push({ original: r.original, repaired: r.repaired });
      }
      next += current.slice(last);
      if (next === current) break;
      current = next;
    }
    const c1 = fixC1Controls(current);
    if (c1 !== current) {
      pieces.push({ original: "C1 control characters", repaired: "windows-1252 punctuation" });
      current = c1;
    }
    for (const piece of distinctRepairs(pieces, line !== current)) {
      diagnostics.push(
        diagnostic(
          "ingest:mojibake",
          `Repaired mojibake '${piece.original}' as '${piece.repaired}'`,
          { line: index + 1 },
          "info",
        ),
      );
    }
    if (!entitiesToo) return current;
    const entities = decodeStrayEntities(current);
    for (const entity of entities.decoded) {
      diagnostics.push(
        diagnostic(
          "ingest:entity",
          `Repaired HTML entity '${entity.original}' as '${entity.repaired}'`,
          { line: index + 1 },
          "info",
        ),
      );
    }
    return entities.text;
  });
  return { text: repaired.join("\n"), diagnostics };
}

/** One diagnostic per distinct repair in a line, capped so a fully broken line does not flood the output. */
const MAX_REPAIR_DIAGNOSTICS_PER_LINE = 5;

function distinctRepairs(
  pieces: Array<{ original: string; repaired: string }>,
  changed: boolean,
): Array<{ original: string; repaired: string }> {
  if (pieces.length === 0 || !changed) return [];
  const seen = new Map<string, { original: string; repaired: string }>();
  for (const piece of pieces) {
    const key = `${piece.original}\u0000${piece.repaired}`;
    if (!seen.has(key)) seen.set(key, piece);
  }
  return [...seen.values()].slice(0, MAX_REPAIR_DIAGNOSTICS_PER_LINE);
}
