import type { z } from "zod";
import { HttpError } from "./http-error.js";

/** Parses input with a zod schema; a failure becomes a 400 naming the first offending field. */
export function validate<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue === undefined || issue.path.length === 0 ? what : `${what} ${issue.path.join(".")}`;
  throw new HttpError(400, "invalid_request", `Unexpected ${path}: ${issue?.message ?? "invalid value"}`);
}
