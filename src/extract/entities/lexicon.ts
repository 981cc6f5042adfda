import { toLatin } from "../../resolve/transliterate.js";
import { GIVEN_NAMES } from "./data/given-names.js";
import {
  KNOWN_ORGANIZATIONS,
  ORG_CUE_NOUNS,
  ORG_HEADS_WITH_OF,
  ORG_PREFIXES,
  ORG_SUFFIXES,
} from "./data/organizations.js";
import {
  KNOWN_PLACE_PHRASES,
  KNOWN_PLACES,
  PLACE_ACRONYMS,
  PLACE_HEADS_WITH_OF,
  PLACE_LEAD_WORDS,
  PLACE_PREFIXES,
  PLACE_PREPOSITIONS,
  PLACE_SUFFIXES,
} from "./data/places.js";
import { HONORIFICS, NATIONALITIES, ROLE_HEADS, ROLE_MODIFIERS } from "./data/roles.js";
import { NAME_CONNECTORS, NON_NAME_WORDS, PERSON_PARTICLES, SPEECH_VERBS } from "./data/stop-words.js";

/** Lexicon form of a word: lower-case, diacritics folded, Cyrillic romanised, so "Анна" finds "anna". */
export function fold(word: string): string {
  return toLatin(word).replace(/[’']/g, "'");
}

const PLACE_PHRASES = new Set(KNOWN_PLACE_PHRASES);

export const lexicon = {
  isGivenName: (word: string): boolean => GIVEN_NAMES.has(fold(word)),
  isNonName: (word: string): boolean => NON_NAME_WORDS.has(word.toLowerCase()),
  isSpeechVerb: (word: string): boolean => SPEECH_VERBS.has(word.toLowerCase()),
  isConnector: (word: string): boolean => NAME_CONNECTORS.has(word.toLowerCase()),
  isPersonParticle: (word: string): boolean => PERSON_PARTICLES.has(word.toLowerCase()),
  isHonorific: (word: string): boolean => HONORIFICS.has(word.toLowerCase().replace(/\.$/, "")),
  isRoleHead: (word: string): boolean => ROLE_HEADS.has(word.toLowerCase()),
  isRoleWord: (word: string): boolean => {
    const w = word.toLowerCase();
    return ROLE_HEADS.has(w) || ROLE_MODIFIERS.has(w) || NATIONALITIES.has(w);
  },
  isNationality: (word: string): boolean => NATIONALITIES.has(word.toLowerCase()),
  isOrgSuffix: (word: string): boolean => ORG_SUFFIXES.has(word.toLowerCase()),
  isOrgHeadWithOf: (word: string): boolean => ORG_HEADS_WITH_OF.has(word.toLowerCase()),
  isOrgCue: (word: string): boolean => ORG_CUE_NOUNS.has(word.toLowerCase()),
  isKnownOrg: (phrase: string): boolean => KNOWN_ORGANIZATIONS.has(fold(phrase)),
  isKnownPlace: (phrase: string): boolean => KNOWN_PLACES.has(fold(phrase)) || PLACE_PHRASES.has(fold(phrase)),
  isPlaceAcronym: (word: string): boolean => PLACE_ACRONYMS.has(word.toLowerCase().replace(/\./g, "")),
  isPlaceSuffix: (word: string): boolean => PLACE_SUFFIXES.has(word.toLowerCase()),
  isOrgPrefix: (word: string): boolean => ORG_PREFIXES.has(word.toLowerCase()),
  isPlaceHeadWithOf: (word: string): boolean => PLACE_HEADS_WITH_OF.has(word.toLowerCase()),
  isPlaceLeadWord: (word: string): boolean => PLACE_LEAD_WORDS.has(word),
  isPlacePrefix: (word: string): boolean => PLACE_PREFIXES.has(word.toLowerCase()),
  isPlacePreposition: (word: string): boolean => PLACE_PREPOSITIONS.has(word.toLowerCase()),
};
