import { type ParseError, parse, printParseErrorCode } from "jsonc-parser";

/** What each jsonc-parser error code means to a reader, phrased as what was expected. */
const EXPECTED: Record<string, string> = {
  ValueExpected: "a value",
  ColonExpected: "':' after a property name",
  CommaExpected: "',' between values",
  CloseBraceExpected: "'}'",
  CloseBracketExpected: "']'",
  PropertyNameExpected: "a property name in double quotes",
  InvalidSymbol: "a JSON value",
  EndOfFileExpected: "the end after the JSON value",
  UnexpectedEndOfString: "a closing '\"'",
  InvalidEscapeCharacter: "a valid escape",
  InvalidCharacter: "an escaped control character",
  InvalidUnicode: "a valid \\u escape",
  InvalidNumberFormat: "a number",
  InvalidCommentToken: "no comment",
};

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * A reader-friendly reason for text JSON.parse rejected: "Unexpected end of JSON at line 3, expected ']'".
 * jsonc-parser finds the place (JSON.parse on Node 20 often gives none); `firstLine` shifts lines for JSONL.
 */
export function describeJsonError(text: string, firstLine = 1): string {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const error = errors[0];
  if (!error) return `Unexpected JSON at line ${firstLine}, expected valid JSON`;
  const code = printParseErrorCode(error.error);
  const expected = EXPECTED[code] ?? "valid JSON";
  const atEnd = error.offset >= text.trimEnd().length || code === "UnexpectedEndOfString";
  // At the end, point at the last line with content rather than the empty line after it.
  const { line, column } = lineAndColumn(text, atEnd ? text.trimEnd().length : error.offset);
  const at = `at line ${line + firstLine - 1}`;
  if (atEnd) return `Unexpected end of JSON ${at}, expected ${expected}`;
  const found = JSON.stringify(text.slice(error.offset, error.offset + Math.max(1, Math.min(error.length, 12))));
  return `Unexpected ${found} in JSON ${at} column ${column}, expected ${expected}`;
}
