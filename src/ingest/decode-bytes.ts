import chardet from "chardet";
import iconv from "iconv-lite";
import type { Diagnostic } from "../model/diagnostic.js";
import { diagnostic } from "../model/diagnostic.js";
import { MAX_CONTROL_CHAR_SHARE, MAX_INPUT_BYTES, SNIFF_BYTES } from "./limits.js";

export type Decoded =
  | { ok: true; text: string; charset: string; diagnostics: Diagnostic[] }
  | { ok: false; reason: string };

/** Magic numbers of binary formats people feed by mistake, to name them in the message. */
const MAGIC: Array<{ name: string; bytes: number[] }> = [
  { name: "gzip data", bytes: [0x1f, 0x8b] },
  { name: "ZIP archive", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: "PNG image", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: "JPEG image", bytes: [0xff, 0xd8, 0xff] },
  { name: "GIF image", bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: "PDF document", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

/** Share of NUL bytes on one parity above which BOM-less text is UTF-16 (ASCII-heavy UTF-16 is ~50% NULs). */
const UTF16_NUL_SHARE = 0.3;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { charset: "utf-8", length: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { charset: "utf-16le", length: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { charset: "utf-16be", length: 2 };
  return null;
}

/** UTF-16 without a BOM shows NULs on one byte parity only. */
function utf16WithoutBom(head: Uint8Array): string | null {
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
  }
  const half = head.length / 2;
  if (oddNul / half > UTF16_NUL_SHARE && evenNul === 0) return "utf-16le";
  if (evenNul / half > UTF16_NUL_SHARE && oddNul === 0) return "utf-16be";
  return null;
}

function binaryReason(head: Uint8Array): string | null {
  if (head.includes(0)) return "Unexpected binary content (NUL bytes), expected text";
  let controls = 0;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  if (head.length > 0 && controls / head.length > MAX_CONTROL_CHAR_SHARE) {
    return "Unexpected binary content (control bytes), expected text";
  }
  return null;
}

/** Charset names people write that iconv-lite knows under another name, or that browsers widen. */
function canonicalCharset(name: string): string | null {
  const lower = name
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, "");
  // Browsers decode latin-1 and us-ascii labels as windows-1252; pages rely on it for curly quotes.
  if (["iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"].includes(lower)) return "windows-1252";
  if (lower === "utf8") return "utf-8";
  return iconv.encodingExists(lower) ? lower : null;
}

interface Declared {
  charset: string;
  by: string;
}

function declaredCharset(head: string, contentType: string | null | undefined): Declared | null {
  const fromHeader = contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] : undefined;
  if (fromHeader) return { charset: fromHeader, by: "Content-Type" };
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (xml) return { charset: xml, by: "<?xml encoding>" };
  const meta = /<meta\s[^>]*?charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  if (meta) return { charset: meta, by: "<meta charset>" };
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasMultiByte(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

/**
 * Turns input bytes into text: size and binary checks, then BOM, declared charset, UTF-8 when valid, else chardet.
 * Never fails on invalid UTF-8 alone; every non-UTF-8 decoding is recorded as a diagnostic naming the charset.
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string | null): Decoded {
  if (bytes.length > MAX_INPUT_BYTES) {
    return {
      ok: false,
      reason: `Unexpected file size ${formatMegabytes(bytes.length)}, expected at most ${formatMegabytes(MAX_INPUT_BYTES)}`,
    };
  }
  if (bytes.length === 0) return { ok: false, reason: "Unexpected empty file, expected an article" };
  const diagnostics: Diagnostic[] = [];
  const bom = bomCharset(bytes);
  const head = bytes.subarray(0, SNIFF_BYTES);
  const charsetOnly = (charset: string, body: Uint8Array): Decoded => {
    const text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), charset);
    return { ok: true, text, charset, diagnostics };
  };
  if (bom) return charsetOnly(bom.charset, bytes.subarray(bom.length));
  const magic = MAGIC.find((m) => startsWith(head, m.bytes));
  if (magic) return { ok: false, reason: `Unexpected binary content (${magic.name}), expected text` };
  const utf16 = utf16WithoutBom(head);
  if (utf16) {
    diagnostics.push(
      diagnostic(
        "ingest:charset",
        `Unexpected text without a byte-order mark, expected one; decoded as ${utf16}`,
        null,
        "info",
      ),
    );
    return charsetOnly(utf16, bytes);
  }
  const binary = binaryReason(head);
  if (binary) return { ok: false, reason: binary };

  const valid = isValidUtf8(bytes);
  const headText = Buffer.from(head).toString("latin1");
  const declared = declaredCharset(headText, contentType);
  if (declared) {
    const charset = canonicalCharset(declared.charset);
    if (charset === null) {
      diagnostics.push(
        diagnostic(
          "ingest:charset",
          `Unexpected charset '${declared.charset}' in ${declared.by}, expected a known charset`,
          { field: declared.by },
        ),
      );
    } else if (charset === "utf-8" && valid) {
      return charsetOnly("utf-8", bytes);
    } else if (charset !== "utf-8" && !(valid && hasMultiByte(bytes))) {
      if (hasMultiByte(bytes)) {
        diagnostics.push(
          diagnostic(
            "ingest:charset",
            `Unexpected non-UTF-8 bytes, expected UTF-8; decoded as ${charset} (declared by ${declared.by})`,
            { field: declared.by },
            "info",
          ),
        );
      }
      return charsetOnly(charset, bytes);
    } else if (charset !== "utf-8") {
      // A page labelled latin-1 whose bytes are valid multi-byte UTF-8 is UTF-8 with a stale label.
      diagnostics.push(
        diagnostic(
          "ingest:charset",
          `Unexpected charset '${declared.charset}' in ${declared.by} for valid UTF-8 bytes, expected utf-8; decoded as utf-8`,
          { field: declared.by },
          "info",
        ),
      );
      return charsetOnly("utf-8", bytes);
    }
  }
  if (valid) return charsetOnly("utf-8", bytes);
  const guess = detectCharset(bytes);
  diagnostics.push(
    diagnostic(
      "ingest:charset",
      `Unexpected invalid UTF-8, expected UTF-8 or a declared charset; decoded as ${guess} (detected)`,
      null,
      "warning",
    ),
  );
  return charsetOnly(guess, bytes);
}

/** chardet's best single-byte guess; latin-1 widens to windows-1252 as browsers do. */
function detectCharset(bytes: Uint8Array): string {
  for (const candidate of chardet.analyse(bytes)) {
    if (candidate.name === "UTF-8" || candidate.name === "ASCII") continue;
    const charset = canonicalCharset(candidate.name);
    if (charset) return charset;
  }
  return "windows-1252";
}
