/**
 * A phonetic skeleton of one romanised word, equal across the usual romanisations of East Slavic names:
 * kh/h/ch/g (Haurylenka/Gavrilenko), ts/c/tz, sh/sz/š, zh/ż/rz, w/v, Belarusian ў (-ou/-au) as v,
 * ya/ia/ja and y/i/j, double letters, and vowel quality (Belarusian akanye: Kalesnikava/Kolesnikova).
 * Lossy on purpose; names-match.ts decides whether two names with the same skeleton are the same person.
 */

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // Cyrillic дж, Czech dž, Polish dż are the English J of "John", "Jeremy".
  [/dzh/g, "J"],
  // A word-initial j or y before a vowel is a consonant in every system (Yanukovych/Janukovyč/Янукович,
  // Juncker/Юнкер); elsewhere j and y are vowels or glides (Aleksej/Aleksei).
  [/^[jy](?=[aeiou])/, "J"],
  [/^j/, "J"],
  [/shch|szcz|sch/g, "s"],
  [/sh|sz/g, "s"],
  [/zh|rz/g, "z"],
  [/tch|tsch|cz|kh|ch|g/g, "h"],
  // The ts sound is marked "C" while the hard-c rule runs, so that a final Slavic ц (Курц, "kurts") is not read as
  // an English hard c; then it is the plain c of the Slavic spellings again (Cichanouski).
  [/ts|tz|ć/g, "C"],
  // English hard c (Clinton/Клинтон, Macron/Макрон); before e/i/y it stays the Slavic ts.
  [/c(?=[aourlkt]|$)/g, "k"],
  [/C/g, "c"],
  // English final -ce is s (Pence/Пенс).
  [/ce$/, "s"],
  // Belarusian and Ukrainian tsekanye/dzekanye: Tsikhanouski = Tikhanovsky, Dziamidau = Demidov.
  [/ci/g, "ti"],
  [/dzi/g, "di"],
  [/ck/g, "k"],
  [/q/g, "k"],
  [/x/g, "ks"],
  [/w/g, "v"],
  [/ph/g, "f"],
  [/th/g, "t"],
  // Belarusian ў after a vowel: -ou/-au/-eu before a consonant or the end is the -ov/-av/-ev of other spellings.
  [/([aeo])u(?=[^aeiouy]|$)/g, "$1v"],
  // English silent h after a vowel (John/Джон, Bohdan spelled Bodgan): dropped wherever it precedes a consonant.
  [/(?<=[aeiouy])h(?=[^aeiouy]|$)/g, ""],
];

const VOWELS = /[aeiouyj]+/g;
const NON_LETTERS = /[^a-z]/g;

/** Skeleton of one lower-case ASCII word: consonants kept, every vowel run (with j/y glides) as "a", doubles merged. */
export function skeleton(word: string): string {
  // Scottish and Irish Mc is spelled out in Cyrillic (McConnell/Макконнелл); then doubled letters go, so that the
  // rules see one letter either way ("Mogg" and "Мог" lose the same silent g).
  let s = word
    .replace(NON_LETTERS, "")
    .replace(/^mc(?=[^aeiou])/, "mak")
    .replace(/(.)\1+/g, "$1");
  for (const [pattern, replacement] of RULES) s = s.replace(pattern, replacement);
  s = s.replace(VOWELS, "a");
  return s.replace(/(.)\1+/g, "$1");
}
