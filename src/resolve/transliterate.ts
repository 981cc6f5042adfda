/**
 * Script and diacritic folding: any Latin or Cyrillic spelling of a name to lower-case ASCII.
 * One romanisation is enough because the phonetic skeleton (phonetic.ts) absorbs the differences between systems.
 */

// Letters shared by Russian, Ukrainian, Belarusian and Bulgarian. Ukrainian и and Russian ы both become "y",
// which the skeleton folds with "i"; Bulgarian ъ is a vowel ("Тръмп" = "Trump"), so it keeps a vowel too.
const CYRILLIC: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  ґ: "g",
  д: "d",
  е: "e",
  ё: "e",
  є: "je",
  ж: "zh",
  з: "z",
  и: "i",
  і: "i",
  ї: "ji",
  й: "j",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ў: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "a",
  ы: "y",
  ь: "",
  э: "e",
  ю: "ju",
  я: "ja",
  ѣ: "e",
  ђ: "dj",
  ј: "j",
  љ: "lj",
  њ: "nj",
  ћ: "c",
  џ: "dzh",
  ѓ: "g",
  ќ: "k",
  ѕ: "dz",
};

// Latin letters whose sound the skeleton needs to see as a digraph; NFD would drop the mark and lose it.
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  č: "ch",
  š: "sh",
  ž: "zh",
  ż: "zh",
  ź: "zh",
  ř: "rz",
  ł: "l",
  ß: "ss",
  æ: "ae",
  ø: "o",
  đ: "dj",
  ð: "d",
  þ: "th",
  œ: "oe",
  ı: "i",
};

const COMBINING_MARKS = /\p{M}+/gu;

// Letters that look alike in both scripts, lower-case, Latin → Cyrillic. Feeds and lemma files mix them inside one
// word ("Tpъмп", "Сatholic"): the minority letters are read in the word's majority script.
const LOOKALIKES: ReadonlyArray<readonly [string, string]> = [
  ["a", "а"],
  ["b", "в"],
  ["c", "с"],
  ["e", "е"],
  ["h", "н"],
  ["i", "і"],
  ["k", "к"],
  ["m", "м"],
  ["o", "о"],
  ["p", "р"],
  ["t", "т"],
  ["x", "х"],
  ["y", "у"],
];
const TO_CYRILLIC = new Map(LOOKALIKES);
const TO_LATIN = new Map(LOOKALIKES.map(([latin, cyrillic]) => [cyrillic, latin] as const));
const MIXED_WORD = /(?=\p{L}*\p{Script=Latin})(?=\p{L}*\p{Script=Cyrillic})\p{L}+/gu;

/** A word spelled with letters of both scripts, rewritten in the script most of its letters use. */
function unmix(lower: string): string {
  // Fast path: almost every name is in one script.
  if (!/[a-z]/.test(lower) || !/\p{Script=Cyrillic}/u.test(lower)) return lower;
  return lower.replace(MIXED_WORD, (word) => {
    const cyrillic = (word.match(/\p{Script=Cyrillic}/gu) ?? []).length;
    const latin = (word.match(/\p{Script=Latin}/gu) ?? []).length;
    const map = cyrillic >= latin ? TO_CYRILLIC : TO_LATIN;
    return [...word].map((ch) => map.get(ch) ?? ch).join("");
  });
}

/** Lower-case ASCII form of a name in any Latin or Cyrillic spelling; other characters pass through. */
export function toLatin(text: string): string {
  const lower = unmix(text.normalize("NFC").toLowerCase());
  let out = "";
  for (const ch of lower) out += CYRILLIC[ch] ?? LATIN_SPECIAL[ch] ?? ch;
  return out.normalize("NFD").replace(COMBINING_MARKS, "");
}

/** True when the text contains a Cyrillic letter. */
export function hasCyrillic(text: string): boolean {
  return /\p{Script=Cyrillic}/u.test(text);
}
