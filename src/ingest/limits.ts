/**
 * The largest input read as one document. News articles are well under 2 MB even with inline markup; 20 MB leaves
 * room for big JSONL/feed exports while keeping a runaway file (a video, a database dump) from exhausting memory.
 */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** franc needs a few sentences to be right; below this many letters its guess is noise. */
export const MIN_LANGUAGE_TEXT_CHARS = 40;

/** How far into the bytes charset declarations and binary signs are looked for: headers sit at the top. */
export const SNIFF_BYTES = 8192;

/** Share of control characters (not tab/CR/LF/FF/ESC) above which text is really binary; real text has ~0. */
export const MAX_CONTROL_CHAR_SHARE = 0.1;
