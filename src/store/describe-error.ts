/**
 * A one-line reason for a caught value. Node reports a refused connection to a host with several addresses
 * (e.g. `localhost`: ::1 and 127.0.0.1) as an AggregateError whose own message is empty, so look inside it.
 */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.message === "") {
    const inner = [...new Set(error.errors.map(describeError))].filter((reason) => reason !== "");
    if (inner.length > 0) return inner.join("; ");
  }
  if (error instanceof Error) {
    if (error.message !== "") return error.message;
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" ? code : error.name;
  }
  return String(error);
}

/** The location as it may appear in a message or log: a URL without its password. */
export function redactLocation(location: string): string {
  // Matches `scheme://user:password@`; the password may hold any character but an unescaped `@`.
  return location.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@]*@/i, "$1@");
}
