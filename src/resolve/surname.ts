import { looseSkeleton } from "./loose-skeleton.js";
import { skeleton } from "./phonetic.js";

export type Gender = "m" | "f" | null;

export interface SurnameKey {
  /** Phonetic skeleton of the surname with its gendered ending removed. */
  stem: string;
  /** Grammatical gender the ending shows, or null when it shows none (-enko, -uk, -ich, foreign names). */
  gender: Gender;
  /** The stem with only light folding (y/j as i, w as v, doubles merged): for names too short to trust a skeleton. */
  light: string;
  /** Loose skeleton of the stem (loose-skeleton.ts): only trusted together with agreeing given names. */
  loose: string;
}

function lightFold(stem: string): string {
  return (
    stem
      // Cyrillic х is the h of Latin spellings (Мохамед/Mohamed, Хант/Hunt).
      .replace(/kh/g, "h")
      .replace(/[yj]/g, "i")
      .replace(/w/g, "v")
      .replace(/(.)\1+/g, "$1")
  );
}

// Stems shorter than this after cutting an ending are names like "Lev" or "Tsoi", not a stem plus a suffix.
const MIN_STEM = 3;

/**
 * Gendered surname endings, longest first, on toLatin output. Masculine and feminine forms of one family name cut to
 * the same stem so that the pair is recognised as related but kept apart by gender: a husband and his wife are
 * two entities. -enko/-enka (Belarusian spelling) is gender-neutral; Lithuanian wives' and daughters' forms
 * (-iene, -aite, -yte, -ute) mark a woman but keep the stem, as nothing else needs to match them.
 */
const ENDINGS: ReadonlyArray<readonly [RegExp, string, "m" | "f" | null]> = [
  [/(iene|aite|iute|yte|ute)$/, "$1", "f"],
  [/(s|c|ts|dz)k(aya|aja|aia|a)$/, "$1k", "f"],
  [/(s|c|ts|dz)k(iy|ij|yi|yj|ii|yy|y|i)$/, "$1k", "m"],
  [/(ov|ev|ow|ew|av|iev|iew|jev|jew)a$/, "", "f"],
  [/(ov|ev|ow|ew|au|ou|eu|iev|iew|jev|jew)$/, "", "m"],
  [/(in|yn)a$/, "$1", "f"],
  [/(in|yn)$/, "$1", "m"],
  [/(aya|aja|aia)$/, "", "f"],
  [/n(yj|yi|ij|iy|ii|y)$/, "n", "m"],
  [/na$/, "n", "f"],
  [/(ogo|ego)$/, "", "m"],
  [/(oj|oy|oi)$/, "", "m"],
  [/enk[oa]$/, "enk", null],
];

// English silent -e and transcription vowels at the end of a surname (Gove/Гоув, Barnier/Барнье) say little.
function dropFinalVowel(stem: string): string {
  return stem.length > MIN_STEM ? stem.replace(/a$/, "") : stem;
}

/** Stem and gender of a romanised (toLatin) surname. */
export function surnameKey(latin: string): SurnameKey {
  const word = latin.replace(/[^a-z-]/g, "");
  // Double-barrelled names: each part keeps its own form; gender comes from the last part.
  const parts = word.split("-").filter((part) => part.length > 0);
  if (parts.length === 0) return { stem: "", gender: null, light: "", loose: "" };
  let gender: Gender = null;
  const lights: string[] = [];
  const looses: string[] = [];
  const stems = parts.map((part, index) => {
    for (const [pattern, replacement, partGender] of ENDINGS) {
      if (!pattern.test(part)) continue;
      const stem = part.replace(pattern, replacement);
      if (stem.length < MIN_STEM) continue;
      if (index === parts.length - 1) gender = partGender;
      lights.push(lightFold(stem));
      looses.push(looseSkeleton(stem));
      return dropFinalVowel(skeleton(stem));
    }
    lights.push(lightFold(part));
    looses.push(looseSkeleton(part));
    return dropFinalVowel(skeleton(part));
  });
  return { stem: stems.join("-"), gender, light: lights.join("-"), loose: looses.join("-") };
}
