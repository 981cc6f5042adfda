const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Time-zone names that RFC 2822 dates still use; anything else is left to the explicit offset. */
const ZONES: Record<string, string> = {
  UT: "+00:00",
  UTC: "+00:00",
  GMT: "+00:00",
  Z: "+00:00",
  EST: "-05:00",
  EDT: "-04:00",
  CST: "-06:00",
  CDT: "-05:00",
  MST: "-07:00",
  MDT: "-06:00",
  PST: "-08:00",
  PDT: "-07:00",
  CET: "+01:00",
  CEST: "+02:00",
  BST: "+01:00",
};

/** Epoch values below this are seconds, above are milliseconds (1e11 s is the year 5138). */
const EPOCH_MS_THRESHOLD = 1e11;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function offsetOf(zone: string | undefined): string | null | undefined {
  if (zone === undefined || zone === "") return undefined;
  const upper = zone.toUpperCase();
  if (ZONES[upper]) return upper === "Z" ? "Z" : ZONES[upper];
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  return `${m[1]}${m[2]}:${m[3] ?? "00"}`;
}

function compose(
  year: number,
  month: number,
  day: number,
  time: { h: number; mi: number; s?: number; frac?: string } | null,
  zone: string | undefined,
): string | null {
  if (!validDay(year, month, day)) return null;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (!time) return date;
  if (time.h > 23 || time.mi > 59 || (time.s ?? 0) > 60) return null;
  const offset = offsetOf(zone);
  if (offset === null) return null;
  const seconds = `:${pad(time.s ?? 0)}${time.frac ? `.${time.frac}` : ""}`;
  return `${date}T${pad(time.h)}:${pad(time.mi)}${seconds}${offset ?? ""}`;
}

function month(name: string): number | undefined {
  return MONTHS[
    name
      .toLowerCase()
      .replace(/\.$/, "")
      .slice(0, name.toLowerCase().startsWith("sept") ? 4 : 3)
  ];
}

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(am|pm|a\.m\.|p\.m\.)?`;
const ZONE = String.raw`\s*(Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4})?`;

function timeOf(h?: string, mi?: string, s?: string, frac?: string, meridiem?: string) {
  if (h === undefined || mi === undefined) return null;
  let hour = Number(h);
  const m = meridiem?.toLowerCase().replace(/\./g, "");
  if (m === "pm" && hour < 12) hour += 12;
  if (m === "am" && hour === 12) hour = 0;
  return { h: hour, mi: Number(mi), s: s === undefined ? undefined : Number(s), frac };
}

/**
 * Normalises a date to ISO 8601, keeping the offset the input gave (`2026-03-14T09:30:00+01:00`) and a bare date
 * when no time was given. Accepts ISO 8601, RFC 2822 (feeds), "March 14, 2026", "14 March 2026", `2026/03/14`
 * and epoch numbers. Returns null for anything else: day-first vs month-first slashes (03/04/2026) are ambiguous.
 */
export function normalizeDate(input: string | number): string | null {
  if (typeof input === "number") {
    if (!Number.isFinite(input) || input <= 0) return null;
    const ms = input < EPOCH_MS_THRESHOLD ? input * 1000 : input;
    return new Date(ms).toISOString().replace(".000Z", "Z");
  }
  const value = input.trim().replace(/\s+/g, " ");
  if (value === "") return null;
  if (/^\d{9,13}$/.test(value)) return normalizeDate(Number(value));

  let m = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[T ]${TIME}${ZONE})?$`, "i").exec(value);
  if (m) {
    return compose(Number(m[1]), Number(m[2]), Number(m[3]), timeOf(m[4], m[5], m[6], m[7], m[8]), m[9]);
  }
  m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})?)?$/.exec(value);
  if (m) return compose(Number(m[1]), Number(m[2]), Number(m[3]), timeOf(m[4], m[5], m[6]), m[7]);
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(value);
  if (m) return compose(Number(m[1]), Number(m[2]), Number(m[3]), null, undefined);

  // RFC 2822 and friends: "Sat, 14 Mar 2026 09:30:00 +0100", "14 March 2026", "14 March 2026 09:30 GMT".
  m = new RegExp(
    String.raw`^(?:[A-Za-z]{3,9},? )?(\d{1,2}) ([A-Za-z]{3,9}\.?),? (\d{4})(?:,? (?:at )?${TIME}${ZONE})?$`,
    "i",
  ).exec(value);
  if (m) {
    const mo = month(m[2] ?? "");
    if (mo === undefined) return null;
    return compose(Number(m[3]), mo, Number(m[1]), timeOf(m[4], m[5], m[6], m[7], m[8]), m[9]);
  }
  // "March 14, 2026", "Saturday, March 14, 2026 9:30 AM EST".
  m = new RegExp(
    String.raw`^(?:[A-Za-z]{3,9},? )?([A-Za-z]{3,9}\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?:,? (?:at )?${TIME}${ZONE})?$`,
    "i",
  ).exec(value);
  if (m) {
    const mo = month(m[1] ?? "");
    if (mo === undefined) return null;
    return compose(Number(m[3]), mo, Number(m[2]), timeOf(m[4], m[5], m[6], m[7], m[8]), m[9]);
  }
  return null;
}

/** Month and day without a year ("March 14" in a dateline): the most recent such day not after `now`. */
export function dateWithoutYear(monthName: string, day: number, now: Date): string | null {
  const mo = month(monthName);
  if (mo === undefined) return null;
  let year = now.getUTCFullYear();
  // A dateline a few days ahead of `now` is a clock skew, not next year's story; beyond that it is last year's.
  const SKEW_DAYS = 2;
  if (Date.UTC(year, mo - 1, day) > now.getTime() + SKEW_DAYS * 86_400_000) year -= 1;
  return compose(year, mo, day, null, undefined);
}

export function dateReason(value: string): string {
  return `Unexpected date '${value}', expected ISO 8601 or a common date form`;
}
