import { franc } from "franc-min";
import type { Diagnostic } from "../model/diagnostic.js";
import { diagnostic } from "../model/diagnostic.js";
import { MIN_LANGUAGE_TEXT_CHARS } from "./limits.js";

/** franc's ISO 639-3 codes to ISO 639-1, for the languages franc-min knows plus the single-script ones. */
const ISO_639_1: Record<string, string> = {
  spa: "es",
  eng: "en",
  por: "pt",
  ind: "id",
  fra: "fr",
  deu: "de",
  jav: "jv",
  vie: "vi",
  ita: "it",
  tur: "tr",
  pol: "pl",
  swh: "sw",
  sun: "su",
  ron: "ro",
  hau: "ha",
  bos: "bs",
  hrv: "hr",
  nld: "nl",
  srp: "sr",
  ckb: "ku",
  yor: "yo",
  uzn: "uz",
  zlm: "ms",
  ibo: "ig",
  ceb: "ceb",
  tgl: "tl",
  hun: "hu",
  azj: "az",
  ces: "cs",
  run: "rn",
  plt: "mg",
  nya: "ny",
  kin: "rw",
  zul: "zu",
  swe: "sv",
  lin: "ln",
  som: "so",
  ilo: "ilo",
  rus: "ru",
  ukr: "uk",
  bel: "be",
  bul: "bg",
  kaz: "kk",
  arb: "ar",
  urd: "ur",
  pes: "fa",
  hin: "hi",
  mar: "mr",
  npi: "ne",
  cmn: "zh",
  jpn: "ja",
  kor: "ko",
  ell: "el",
  heb: "he",
  tha: "th",
  kat: "ka",
  hye: "hy",
  ben: "bn",
  tam: "ta",
  tel: "te",
  kan: "kn",
  mal: "ml",
  guj: "gu",
  pan: "pa",
  khm: "km",
  lao: "lo",
  mya: "my",
  sin: "si",
  amh: "am",
};

const SCRIPTS: Array<{ name: string; pattern: RegExp; languages: string[] }> = [
  {
    name: "Cyrillic",
    pattern: /\p{Script=Cyrillic}/gu,
    languages: ["ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "mn", "tg"],
  },
  { name: "Arabic", pattern: /\p{Script=Arabic}/gu, languages: ["ar", "fa", "ur", "ps", "ku", "sd", "ug"] },
  { name: "Greek", pattern: /\p{Script=Greek}/gu, languages: ["el"] },
  { name: "Hebrew", pattern: /\p{Script=Hebrew}/gu, languages: ["he", "yi"] },
  { name: "Devanagari", pattern: /\p{Script=Devanagari}/gu, languages: ["hi", "mr", "ne", "sa"] },
  { name: "Han", pattern: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, languages: ["zh", "ja"] },
  { name: "Hangul", pattern: /\p{Script=Hangul}/gu, languages: ["ko"] },
  { name: "Thai", pattern: /\p{Script=Thai}/gu, languages: ["th"] },
  { name: "Latin", pattern: /\p{Script=Latin}/gu, languages: [] },
];

function dominantScript(text: string): (typeof SCRIPTS)[number] | null {
  let best: (typeof SCRIPTS)[number] | null = null;
  let bestCount = 0;
  for (const script of SCRIPTS) {
    const count = text.match(script.pattern)?.length ?? 0;
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return best;
}

/** "en-GB", "EN_us", "eng" → "en"; null when it is not a language tag. */
export function normalizeLanguageTag(tag: string | null | undefined): string | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (!primary || !/^[a-z]{2,3}$/.test(primary)) return null;
  return primary.length === 3 ? (ISO_639_1[primary] ?? primary) : primary;
}

function scriptAccepts(script: (typeof SCRIPTS)[number], language: string): boolean {
  if (script.name === "Latin") return !SCRIPTS.some((s) => s.languages.includes(language)) || language === "sr";
  return script.languages.includes(language);
}

export interface LanguageDecision {
  language: string | null;
  source: "detected" | "declared" | null;
  diagnostics: Diagnostic[];
}

/**
 * The article's language: the declared one when it agrees with the text's script, else franc's guess (null for
 * short text or when franc cannot tell).
 */
export function detectLanguage(text: string, declared: string | null): LanguageDecision {
  const declaredTag = normalizeLanguageTag(declared);
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const script = dominantScript(text);
  if (declaredTag && (script === null || letters < MIN_LANGUAGE_TEXT_CHARS || scriptAccepts(script, declaredTag))) {
    return { language: declaredTag, source: "declared", diagnostics: [] };
  }
  const detected = letters < MIN_LANGUAGE_TEXT_CHARS ? "und" : franc(text);
  const language = detected === "und" ? null : (ISO_639_1[detected] ?? null);
  const diagnostics: Diagnostic[] = [];
  if (declaredTag && script) {
    diagnostics.push(
      diagnostic(
        "ingest:language",
        `Unexpected declared language '${declared}' for ${script.name} text, expected a language written in ${script.name}; using ${language ?? "unknown"}`,
        { field: "language" },
      ),
    );
  }
  return { language, source: language ? "detected" : null, diagnostics };
}
