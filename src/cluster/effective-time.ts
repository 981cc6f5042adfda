/** The time the clusterer files an article under, and a note when it had to choose one. */
export interface EffectiveTime {
  time: number;
  note: string | null;
}

/**
 * No date: the arrival time (when the stream handed the article over) is the best estimate of when it appeared.
 * A date after arrival is impossible (a typo, a wrong time zone, an embargo timestamp): clamp it to arrival, so one
 * bad date cannot age every story it is compared with or open a story in the future.
 */
export function effectiveTime(publishedAt: string | null, arrivedAt: number): EffectiveTime {
  if (publishedAt === null)
    return { time: arrivedAt, note: "Unexpected missing date, expected a publication date; used the arrival time" };
  const published = Date.parse(publishedAt);
  if (Number.isNaN(published)) {
    return { time: arrivedAt, note: `Unexpected date "${publishedAt}", expected ISO 8601; used the arrival time` };
  }
  if (published > arrivedAt) {
    return {
      time: arrivedAt,
      note: `Unexpected date ${publishedAt} after arrival ${new Date(arrivedAt).toISOString()}, expected a past date; clamped to arrival`,
    };
  }
  return { time: published, note: null };
}
