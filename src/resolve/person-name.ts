import { givenNameGender, givenNameInitials, givenNameKey, isKnownGivenName } from "./given-name.js";
import { groupStem, weakGroupStem } from "./group-noun.js";
import { looseSkeleton } from "./loose-skeleton.js";
import { type Gender, surnameKey } from "./surname.js";
import { toLatin } from "./transliterate.js";

export interface GivenPart {
  /** Variant-group key or skeleton; empty for an initial. */
  key: string;
  /** Every first letter this name may be abbreviated to. */
  initials: Set<string>;
  isInitial: boolean;
  /** Loose skeleton of the spelling as written (loose-skeleton.ts); empty for an initial. */
  loose: string;
}

export interface PersonName {
  given: GivenPart[];
  /** Null when the name is a lone given name ("Donald"). */
  surname: { stem: string; gender: Gender; light: string; loose: string } | null;
  gender: Gender;
  /**
   * "Jr."/"младши" or "Sr."/"старший": a name that says which generation it means must not merge with the other
   * generation, nor with the plain name, which in the news usually means the better-known one of them.
   */
  generation: Generation;
  /**
   * Stem of a group noun ("Brytyjczycy", "американцы": group-noun.ts) when the name may be one; the index reads it
   * as a group unless a person of that surname is known.
   */
  group: string | null;
  /** A stem the name may have as a group noun only if that group is already known ("Demokrata"). */
  weakGroup: string | null;
}

/** "junior", "senior", a regnal number ("ii", "xiv"), or "family" for a plural surname: Alexander I and Alexander II are two people, "Клинтоны" is neither Bill nor Hillary. */
export type Generation = string | null;

// Roman numerals, with the Cyrillic look-alikes Х and І that Cyrillic text uses for them ("Бенедикт ХVІ").
const REGNAL = /^[IVXХІ]+\.?$/u;

const JUNIOR = /^(jr|junior|mladshij|mladshi|mladsi|mlajshi|ml)$|-(mladshij|mladshi|mladsi|jr)$/;
const SENIOR = /^(sr|senior|starshij|starshi|starsi|starejshi|st)$|-(starshij|starshi|starsi|sr)$/;

// Generational and honorific tails that are not part of the surname ("Biden Jr.", "Байден-старший").
const SUFFIXES = new Set([
  "jr",
  "sr",
  "junior",
  "senior",
  "ii",
  "iii",
  "iv",
  "mladshij",
  "starshij",
  "mladshi",
  "starshi",
  "mlajshi",
  "starejshi",
  "ml",
  "st",
]);
const PARTICLES = new Set([
  "de",
  "da",
  "di",
  "del",
  "van",
  "von",
  "der",
  "den",
  "le",
  "la",
  "bin",
  "ibn",
  "al",
  "el",
  "ul",
  "ud",
  "ur",
]);
// The Arabic article, as written before its noun with a hyphen and assimilated to it (al-, ul-, ud-, ur-, as-...):
// "Saif ul-Malook", "Саиф уль-Малук" and "Saif Malook" name one man; "Bashar al-Assad" is Асад in Cyrillic.
const ARABIC_ARTICLE = /^(?:(?:al|el|ul|ud|ur|us|ad|ar|as|an|at|az|ash)-)+(?=[a-z]{3})/;
// East Slavic patronymics sit between given name and surname and add nothing to identity.
const PATRONYMIC = /(ovich|evich|ovych|evych|ich|ovna|evna|ichna|ivna|avich|avna|ovic|owicz)$/;

// A Russian surname in the plural names the family ("Клинтоны", "Байдены", "Навальные"), not one of its members:
// no Russian surname ends in a bare -ы after a consonant. (-и plurals are left alone: "Джулиани" is a surname.)
const FAMILY_PLURAL = /^\p{Lu}\p{Ll}*(?:[бвгджзклмнпрстфхцчшщ]ы|ые)$/u;

// Russian and Ukrainian nouns in a soft sign make their plural in -и/-і: "Скрипали" is the Skripal family, as
// "Клинтоны" is the Clintons. The ending alone cannot tell it from a foreign surname in -и ("Джулиани", "Пелоси"),
// so the word is read as a plural only when its singular in -ь is a surname already known (entity-index.ts). The
// consonants are those a surname ends in before -ь; after ж, ш, ч, щ the sign is only spelling, and г, к, х take none.
const SOFT_PLURAL = /^(\p{Lu}\p{Ll}*[бвдзлмнпрстфц])[иі]$/u;
const SOFT_SINGULAR = /^\p{Lu}\p{Ll}*[бвдзлмнпрстфц]ь$/u;

/** The singular in -ь that a one-word Cyrillic name in -и/-і would be the plural of ("Скрипали" → "скрипаль"). */
export function softPluralSingular(name: string): string | null {
  const stem = SOFT_PLURAL.exec(name.trim())?.[1];
  return stem ? `${stem.toLowerCase()}ь` : null;
}

/** The surname as written when it ends in a soft sign ("Сергей Скрипаль" → "скрипаль"), else null. */
export function softSurname(name: string): string | null {
  const last = tokens(name).at(-1);
  return last && SOFT_SINGULAR.test(last) ? last.toLowerCase() : null;
}

// Czech puts a foreign surname in the dative with -ovi ("Trumpovi", "Obamovi"), and lemmatisers leave it there; in
// Cyrillic, -ови is a Bulgarian plural, a family, and is left alone. The stem must keep three letters.
const CZECH_DATIVE = /(?<=[a-z]{3})ovi$/;

// Particles that are also given names when they open a name with a capital: "Al Gore", "Van Morrison" (but "Van
// der Bellen", "De Gaulle", "Le Pen" open with a particle of the surname).
const PARTICLE_GIVEN_NAMES = new Set(["al", "van"]);

function isParticleGivenName(
  token: { latin: string; lower: boolean },
  next: { latin: string } | undefined,
  index: number,
): boolean {
  return index === 0 && !token.lower && PARTICLE_GIVEN_NAMES.has(token.latin) && !PARTICLES.has(next?.latin ?? "");
}

/** Tokens of a name: whitespace, dots of initials ("В.В.Путин") and stray quotes split; hyphens kept. */
function tokens(name: string): string[] {
  return name
    .replace(/[«»"“”„()@]/g, " ")
    .replace(/\./g, ". ")
    .split(/\s+/)
    .filter((token) => /\p{L}/u.test(token));
}

function spelledGivenPart(latin: string): GivenPart {
  return {
    key: givenNameKey(latin).key,
    initials: givenNameInitials(latin),
    isInitial: false,
    loose: looseSkeleton(latin),
  };
}

/**
 * A one-word name read as a given name, whatever the lexicon says ("Ivanka", "Асия"): for in-document coreference,
 * where a lone word that is no surname in the article may still be the first name of someone it names in full.
 */
export function asGivenName(word: string): { part: GivenPart; gender: Gender } | null {
  const latin = toLatin(word.trim()).replace(/[^a-z]/g, "");
  if (latin.length < 2) return null;
  return { part: spelledGivenPart(latin), gender: givenNameGender(latin) };
}

export function parsePersonName(name: string): PersonName {
  const written = tokens(name);
  const all = written.map((token) => toLatin(token).replace(/[^a-z-]/g, ""));
  // Only the last word, and a lone letter only without a dot: "Vladimir V. Putin" has an initial, not a number.
  const lastWritten = written.length > 1 ? written.at(-1) : undefined;
  const regnal =
    lastWritten && REGNAL.test(lastWritten) && (lastWritten.replace(".", "").length > 1 || !lastWritten.endsWith("."))
      ? lastWritten
      : undefined;
  const generation: Generation = all.some((token) => JUNIOR.test(token))
    ? "junior"
    : all.some((token) => SENIOR.test(token))
      ? "senior"
      : regnal
        ? regnal.replace(/Х/g, "X").replace(/І/g, "I").replace(/\./g, "").toLowerCase()
        : written.length === 1 && FAMILY_PLURAL.test(name.trim())
          ? "family"
          : null;
  let raw = written
    .filter((_token, index) => !(regnal !== undefined && index === written.length - 1))
    .map((token) => ({
      initial: /^\p{L}\.?$/u.test(token),
      latin: toLatin(token).replace(/[^a-z-]/g, ""),
      lower: !/\p{Lu}/u.test(token),
      cyrillic: /\p{Script=Cyrillic}/u.test(token),
    }))
    .filter((token) => token.latin.length > 0 && !SUFFIXES.has(token.latin.replace(/-/g, "")));
  // A name whose last word is in lower case ("Liberální demokraté", "britanski poslanci") is a common noun phrase:
  // no surname is written in lower case, and its first word is an adjective, not a given name, so the whole phrase
  // is kept as one surname-like key.
  if (raw.length > 1 && (raw.at(-1)?.lower ?? false) && !PARTICLES.has(raw.at(-1)?.latin ?? ""))
    raw = [{ initial: false, latin: raw.map((token) => token.latin).join("-"), lower: true, cyrillic: false }];
  // "Байден-старший": the generational word is glued by a hyphen.
  for (const token of raw) token.latin = token.latin.replace(/-(mladshij|starshij|mladshi|starshi|jr|sr)$/, "");
  const last = raw.at(-1);
  const lone = raw.length === 1 && last !== undefined && isKnownGivenName(last.latin);
  const surnameToken = last && !last.initial && !lone ? last : undefined;
  const before = surnameToken ? raw.slice(0, -1) : raw;
  const givenTokens = before.filter(
    (token, index) =>
      !(PARTICLES.has(token.latin) && !isParticleGivenName(token, before[index + 1], index)) &&
      !(token.latin.length > 6 && PATRONYMIC.test(token.latin) && !token.initial),
  );
  const surnameLatin = surnameToken?.latin.replace(ARABIC_ARTICLE, "");
  const surname =
    surnameToken && surnameLatin !== undefined
      ? surnameKey(surnameToken.cyrillic ? surnameLatin : surnameLatin.replace(CZECH_DATIVE, ""))
      : null;
  let gender: Gender = surname?.gender ?? null;
  const given = givenTokens.map((token): GivenPart => {
    if (token.initial) return { key: "", initials: new Set(token.latin.slice(0, 1)), isInitial: true, loose: "" };
    const givenGender = givenNameGender(token.latin);
    if (gender === null && givenGender !== null && isKnownGivenName(token.latin)) gender = givenGender;
    return spelledGivenPart(token.latin);
  });
  return {
    given,
    surname,
    gender,
    generation,
    group: written.length === 1 ? groupStem(name) : null,
    weakGroup: written.length === 1 ? weakGroupStem(name) : null,
  };
}
