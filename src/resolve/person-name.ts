import { givenNameGender, givenNameInitials, givenNameKey, isKnownGivenName } from "./given-name.js";
import { type Gender, surnameKey } from "./surname.js";
import { toLatin } from "./transliterate.js";

export interface GivenPart {
  /** Variant-group key or skeleton; empty for an initial. */
  key: string;
  /** Every first letter this name may be abbreviated to. */
  initials: Set<string>;
  isInitial: boolean;
}

export interface PersonName {
  given: GivenPart[];
  /** Null when the name is a lone given name ("Donald"). */
  surname: { stem: string; gender: Gender; light: string } | null;
  gender: Gender;
  /** "Jr."/"младши": the son, who must not merge with the father. ("Sr." adds nothing and is dropped.) */
  junior: boolean;
}

const JUNIOR = /^(jr|junior|mladshij|mladshi|mladsi|ml)$|-(mladshij|mladshi|mladsi|jr)$/;

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
  "ml",
  "st",
]);
const PARTICLES = new Set(["de", "da", "di", "del", "van", "von", "der", "den", "le", "la", "bin", "ibn", "al", "el"]);
// East Slavic patronymics sit between given name and surname and add nothing to identity.
const PATRONYMIC = /(ovich|evich|ovych|evych|ich|ovna|evna|ichna|ivna|avich|avna|ovic|owicz)$/;

/** Tokens of a name: whitespace, dots of initials ("В.В.Путин") and stray quotes split; hyphens kept. */
function tokens(name: string): string[] {
  return name
    .replace(/[«»"“”„()@]/g, " ")
    .replace(/\./g, ". ")
    .split(/\s+/)
    .filter((token) => /\p{L}/u.test(token));
}

export function parsePersonName(name: string): PersonName {
  const all = tokens(name).map((token) => toLatin(token).replace(/[^a-z-]/g, ""));
  const junior = all.some((token) => JUNIOR.test(token));
  const raw = tokens(name)
    .map((token) => ({ initial: /^\p{L}\.?$/u.test(token), latin: toLatin(token).replace(/[^a-z-]/g, "") }))
    .filter((token) => token.latin.length > 0 && !SUFFIXES.has(token.latin.replace(/-/g, "")));
  // "Байден-старший": the generational word is glued by a hyphen.
  for (const token of raw) token.latin = token.latin.replace(/-(mladshij|starshij|mladshi|starshi|jr|sr)$/, "");
  const last = raw.at(-1);
  const lone = raw.length === 1 && last !== undefined && isKnownGivenName(last.latin);
  const surnameToken = last && !last.initial && !lone ? last : undefined;
  const givenTokens = (surnameToken ? raw.slice(0, -1) : raw).filter(
    (token) =>
      !PARTICLES.has(token.latin) && !(token.latin.length > 6 && PATRONYMIC.test(token.latin) && !token.initial),
  );
  const surname = surnameToken ? surnameKey(surnameToken.latin) : null;
  let gender: Gender = surname?.gender ?? null;
  const given = givenTokens.map((token): GivenPart => {
    if (token.initial) return { key: "", initials: new Set(token.latin.slice(0, 1)), isInitial: true };
    const info = givenNameKey(token.latin);
    const givenGender = givenNameGender(token.latin);
    if (gender === null && givenGender !== null && isKnownGivenName(token.latin)) gender = givenGender;
    return { key: info.key, initials: givenNameInitials(token.latin), isInitial: false };
  });
  return { given, surname, gender, junior };
}
