import { createHash } from "node:crypto";

/** The one stylesheet of the HTML report. Inline so the file is self-contained; allowed by hash in the CSP. */
export const REPORT_CSS = `
:root { color-scheme: light dark; --muted: #666; --line: #ccc; --conflict: #b00020; --bg-conflict: #fde7ea; }
body { font: 16px/1.5 system-ui, sans-serif; max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1, h2, h3 { line-height: 1.2; }
.meta { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
tr.conflicting td { background: var(--bg-conflict); }
.status-conflicting { color: var(--conflict); font-weight: bold; }
section.story { border-top: 2px solid var(--line); margin-top: 2rem; }
article.source { border-top: 1px solid var(--line); padding-top: 0.5rem; }
article.source:target { outline: 3px solid #4a7; }
.diagnostics { color: var(--muted); font-size: 0.9rem; }
@media (max-width: 40rem) { body { padding: 0.5rem; } td, th { padding: 0.2rem; } }
`;

export function styleHash(css: string): string {
  return `sha256-${createHash("sha256").update(css).digest("base64")}`;
}

/** No scripts, no remote loads: only this stylesheet and same-document links. */
export function contentSecurityPolicy(css: string): string {
  return `default-src 'none'; style-src '${styleHash(css)}'; img-src 'none'; form-action 'none'; base-uri 'none'`;
}
