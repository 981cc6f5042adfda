export { eventText } from "./event-text.js";
export { type DatedEvent, extractDates } from "./extract-dates.js";
export { contentStems, mergeTimeline, overlap } from "./merge-timeline.js";
export {
  type CalendarDay,
  type DateMention,
  type DatePrecision,
  findDates,
  formatDate,
  referenceDay,
  type UnresolvedDate,
} from "./resolve-date.js";
