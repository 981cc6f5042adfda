import { z } from "zod";
import { DEFAULT_PAGE_SIZE, MAX_ID_CHARS, MAX_PAGE_SIZE, MAX_QUERY_CHARS } from "./limits.js";

/** A form submits empty fields as ""; they mean "no filter". */
const optionalText = z
  .string()
  .max(MAX_QUERY_CHARS, `expected at most ${MAX_QUERY_CHARS} characters`)
  .transform((value) => value.trim())
  .optional()
  .transform((value) => (value === undefined || value === "" ? undefined : value));

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** A day (`2026-03-14`) or an ISO 8601 time; returned as epoch ms, with a day meaning its start (from) or end (to). */
function dateBound(edge: "start" | "end") {
  return z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === "") return undefined;
      const text = value.trim();
      const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
      const ms = DATE.test(text) ? Date.parse(day ? `${text}T00:00:00Z` : text) : Number.NaN;
      if (Number.isNaN(ms)) {
        context.addIssue({ code: "custom", message: "expected a date as YYYY-MM-DD or an ISO 8601 time" });
        return z.NEVER;
      }
      return day && edge === "end" ? ms + 86_400_000 - 1 : ms;
    });
}

function positiveInt(fallback: number, max: number) {
  return z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value === "") return fallback;
      if (!/^\d{1,9}$/.test(value) || Number(value) < 1 || Number(value) > max) {
        context.addIssue({ code: "custom", message: `expected a whole number from 1 to ${max}` });
        return z.NEVER;
      }
      return Number(value);
    });
}

/** Query of `GET /api/stories` and `GET /`: unknown parameters are refused so typos do not silently match all. */
export const storyQuerySchema = z
  .strictObject({
    q: optionalText,
    entity: optionalText,
    outlet: optionalText,
    from: dateBound("start"),
    to: dateBound("end"),
    page: positiveInt(1, 1_000_000),
    pageSize: positiveInt(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    message: "expected from to be on or before to",
    path: ["from"],
  });

export type StoryQuery = z.output<typeof storyQuerySchema>;

export const idSchema = z
  .string()
  .min(1)
  .max(MAX_ID_CHARS, `expected at most ${MAX_ID_CHARS} characters`)
  .regex(/^[A-Za-z0-9._:-]+$/, "expected letters, digits, '.', '_', ':' or '-'");

const nullableText = (max: number) => z.string().max(max).nullable().optional();

/** One article given as JSON. Field names follow the JSON files `parallax analyze` reads. */
export const articleInputSchema = z
  .strictObject({
    title: z.string().max(2_000).optional(),
    text: z.string().optional(),
    html: z.string().optional(),
    url: z.string().max(4_000).optional(),
    publishedAt: nullableText(100),
    author: nullableText(2_000),
    outlet: nullableText(500),
    language: nullableText(20),
  })
  .refine((input) => input.text !== undefined || input.html !== undefined || input.url !== undefined, {
    message: "expected text, html, or a url to fetch",
  })
  .refine((input) => !(input.text !== undefined && input.html !== undefined), {
    message: "expected text or html, not both",
  });

export type ArticleInput = z.output<typeof articleInputSchema>;
