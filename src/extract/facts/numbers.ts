/**
 * Number phrases in English prose: digits ("2,150", "2.5", "3 million"), words ("seven", "forty-two", "two
 * thousand", "a dozen") and vague magnitudes ("dozens", "tens of thousands"). Each becomes an interval so that later
 * stages can test whether two reports are compatible.
 */

export interface NumberPhrase {
  /** Offsets relative to the string that was scanned. */
  start: number;
  end: number;
  text: string;
  /** The best single value: the number itself, or the middle of a vague magnitude. */
  value: number;
  low: number;
  high: number;
  /** True for words like "dozens" or "tens of thousands" that name a magnitude, not a figure. */
  vague: boolean;
}

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  m: 1_000_000,
  mn: 1_000_000,
  bn: 1_000_000_000,
};

/**
 * Vague magnitudes as [low, high]. The bounds are the literal reading ("dozens" is at least two dozen), so that
 * "dozens" and 40 agree while "thousands" and 900 do not.
 */
const MAGNITUDES: ReadonlyArray<[RegExp, number, number]> = [
  [/^hundreds of thousands$/i, 200_000, 999_999],
  [/^tens of thousands$/i, 20_000, 99_999],
  [/^(?:several |a few )?dozens?$/i, 24, 99],
  [/^scores$/i, 40, 199],
  [/^hundreds$/i, 200, 999],
  // Reporters write "thousands" for crowds well past ten thousand; only "hundreds of thousands" is out of reach.
  [/^thousands$/i, 2_000, 99_999],
  [/^millions$/i, 2_000_000, 999_999_999],
];

const WORD = `(?:${Object.keys(TENS).join("|")})(?:[- ](?:${Object.keys(UNITS).slice(1, 10).join("|")}))?|${Object.keys(UNITS).join("|")}`;
const SCALE = "hundred|thousand|million|billion";
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

const NUMBER_RE = new RegExp(
  [
    "hundreds of thousands|tens of thousands|(?:several |a few )?dozens|a dozen|scores(?= of)|hundreds(?= of| more)|thousands|millions",
    String.raw`(?:${DIGITS})(?:\s*(?:${SCALE}|bn|mn|m)\b)?`,
    String.raw`(?:a|${WORD})(?:\s+(?:${SCALE}))+(?:\s+(?:and\s+)?(?:${WORD}))?`,
    WORD,
  ]
    .map((p) => `(?:${p})`)
    .join("|"),
  "gi",
);

/** Every number phrase in `text`, left to right, longest first at each position. */
export function findNumbers(text: string): NumberPhrase[] {
  const out: NumberPhrase[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const start = m.index ?? 0;
    const raw = m[0];
    const end = start + raw.length;
    // Inside a word ("someone", "often") or glued to letters ("A4", "COVID-19") is not a figure.
    if (/[\p{L}\d]/u.test(text[start - 1] ?? "") || /[\p{L}]/u.test(text[end] ?? "")) continue;
    if (text[start - 1] === "-" && /\p{L}/u.test(text[start - 2] ?? "")) continue;
    const parsed = parseNumber(raw);
    if (parsed) out.push({ start, end, text: raw, ...parsed });
  }
  return out;
}

/** Parses one number phrase; null when it is not one. */
export function parseNumber(raw: string): Omit<NumberPhrase, "start" | "end" | "text"> | null {
  const t = raw.trim().toLowerCase().replace(/\s+/g, " ");
  for (const [re, low, high] of MAGNITUDES) {
    if (re.test(t)) return { value: Math.round((low + high) / 2), low, high, vague: true };
  }
  if (t === "a dozen") return exact(12);
  const digits = /^([\d,]+(?:\.\d+)?)\s*([a-z]+)?$/.exec(t);
  if (digits) {
    const n = Number((digits[1] ?? "").replace(/,/g, ""));
    const scale = digits[2] ? SCALES[digits[2]] : 1;
    if (!Number.isFinite(n) || scale === undefined) return null;
    return exact(round(n * scale));
  }
  const value = parseWords(t);
  return value === null ? null : exact(value);
}

function exact(value: number): Omit<NumberPhrase, "start" | "end" | "text"> {
  return { value, low: value, high: value, vague: false };
}

// Floating point makes 2.3 * 1e6 = 2299999.9999999995; figures in news never need more than 6 decimals.
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function parseWords(t: string): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of t.split(/[\s-]+/)) {
    if (word === "and") continue;
    if (word === "a") {
      current = 1;
      seen = true;
    } else if (word in UNITS) {
      current += UNITS[word] ?? 0;
      seen = true;
    } else if (word in TENS) {
      current += TENS[word] ?? 0;
      seen = true;
    } else if (word === "hundred") {
      current = (current || 1) * 100;
    } else if (word in SCALES) {
      total += (current || 1) * (SCALES[word] ?? 1);
      current = 0;
    } else return null;
  }
  return seen || total > 0 ? total + current : null;
}

/** Formats a value the way English news writes it: 2150 -> "2,150". */
export function formatNumber(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 6 });
}
