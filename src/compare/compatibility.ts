import type { Fact } from "../extract/facts/types.js";

/** Whether two statements of the same subject and property can both be true. */
export function compatible(a: Fact, b: Fact): boolean {
  if (a.kind === "role" && b.kind === "role") {
    if (a.roleHead !== b.roleHead) return true;
    if (Boolean(a.former) !== Boolean(b.former)) return false;
    // The word right before the title names the portfolio: "interior minister" and "foreign minister" differ;
    // "minister" and "interior minister" agree, and so do "city police chief" and "Lyubrava police chief".
    const pa = modifiers(a.value).at(-1);
    const pb = modifiers(b.value).at(-1);
    return pa === undefined || pb === undefined || pa === pb;
  }
  if (a.low !== undefined && b.low !== undefined && a.high !== undefined && b.high !== undefined) {
    if (a.unit !== b.unit) return true;
    return a.low <= b.high && b.low <= a.high;
  }
  return a.value === b.value || a.kind === "relation";
}

function modifiers(value: string): string[] {
  return value
    .replace(/^former /, "")
    .split(" ")
    .slice(0, -1);
}

/** Why two incompatible statements may still both be right: counted at different times, or counting differently. */
export function explainDifference(a: Fact, b: Fact): "different-time" | "different-definition" | null {
  if (a.time && b.time && a.time.date !== b.time.date) return "different-time";
  if (a.definition && b.definition && a.definition !== b.definition) return "different-definition";
  return null;
}
