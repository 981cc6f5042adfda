/** Batch work returns one of these per input; the CLI turns them into its exit code. */
export type ItemResult<T> =
  | { status: "ok"; source: string; value: T }
  | { status: "failed"; source: string; reason: string };

export function ok<T>(source: string, value: T): ItemResult<T> {
  return { status: "ok", source, value };
}

export function failed<T>(source: string, reason: string): ItemResult<T> {
  return { status: "failed", source, reason };
}
