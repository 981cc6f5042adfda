/**
 * A looser skeleton for names from outside the East Slavic world as Cyrillic spells them by ear: Barnier/Барние,
 * Farage/Фараж/Фарадж, Kurz/Курц, Mike/Майк, Jean/Жан, Nigel/Найджел, Verhofstadt/Верхофстад. Every sibilant and
 * affricate is one sound, h is silent, a final consonant is devoiced and a final vowel is dropped. It is far too
 * lossy to decide anything alone: names-match.ts uses it only when the given names agree by it too (or, for a bare
 * surname, when the entity already holds a strictly matching spelling).
 */

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^mc(?=[^aeiou])/, "mak"],
  // English w before a vowel is у in Cyrillic (Walter/Уолтер, Warren/Уоррен).
  [/^u(?=[aeio])/, "v"],
  // French silent final r (Barnier/Барнье, Cartier/Картье).
  [/ier$/, "ie"],
  // English and French soft g (Nigel/Найджел, George/Джордж, Farage/Фараж); both sides go through it.
  [/g(?=[eiy])/g, "zh"],
  // English j at the start (John/Джон, Jean/Жан): a consonant; Slavic Jan/Ян go through the same rule.
  [/^j/, "zh"],
  [/dzh|shch|szcz|sch|tsch|tch/g, "s"],
  [/zh|sh|sz|cz|rz|ch|ts|tz|dz/g, "s"],
  // German rz/rts is r + ts (Kurz/Курц), Polish rz is one sibilant (Andrzej/Анджей): an r before a sibilant is
  // dropped so both readings meet.
  [/rs/g, "s"],
  // Hard c (Clinton/Клинтон); the soft c of Pence/Cynthia or Slavic c (ts) is a sibilant.
  [/c(?=[eiy])/g, "s"],
  [/ck|c|q/g, "k"],
  [/z/g, "s"],
  [/x/g, "ks"],
  [/kh/g, "h"],
  [/ph/g, "f"],
  [/th/g, "t"],
  [/w/g, "v"],
  // English ph/f is often в in Cyrillic (Stephen/Стивен), and v/f alternate by voicing anyway.
  [/v/g, "f"],
  // Silent or lost h: Verhofstadt/Верхофстад, Hunter/Хантер, John/Джон.
  [/h/g, ""],
  [/dt/g, "t"],
];

// Final devoicing, as both German and Slavic spellings hear it (Verhofstad/Verhofstat, Zuckerberg/-berk).
const DEVOICE: Readonly<Record<string, string>> = { b: "p", d: "t", g: "k", v: "f", z: "s" };

/** Loose skeleton of one lower-case ASCII word (toLatin output): vowel runs as "a", the final one dropped. */
export function looseSkeleton(word: string): string {
  let s = word.replace(/[^a-z]/g, "");
  for (const [pattern, replacement] of RULES) s = s.replace(pattern, replacement);
  s = s
    .replace(/[aeiouyj]+/g, "a")
    .replace(/(.)\1+/g, "$1")
    .replace(/(?<=.)a$/, "");
  return s.replace(/[bdgvz]$/, (letter) => DEVOICE[letter] ?? letter);
}
