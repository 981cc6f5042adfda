import { AGED_JOIN_SIMILARITY, AGING_GRACE_MS, AGING_RAMP_MS } from "./cluster-params.js";

/**
 * The similarity an article (or a story, for a merge) must reach to join a story, given the time between them.
 * Inside the grace period the base bar holds; then it rises linearly to AGED_JOIN_SIMILARITY, so a report months
 * later about the same people starts a new story unless it clearly continues the old one.
 */
export function requiredSimilarity(base: number, time: number, firstSeen: number, lastSeen: number): number {
  const gap = Math.max(0, time - lastSeen, firstSeen - time);
  const ramp = Math.min(1, Math.max(0, (gap - AGING_GRACE_MS) / AGING_RAMP_MS));
  return Math.max(base, base + (AGED_JOIN_SIMILARITY - base) * ramp);
}
