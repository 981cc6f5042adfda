/**
 * The one stylesheet, served from /assets/app.css (the CSP allows styles only from this origin, none inline).
 * Colours meet WCAG AA contrast in both schemes; conflicts are marked with a word and an icon as well as colour.
 */
export const APP_CSS = `
:root {
  color-scheme: light dark;
  --bg: #fbfaf7; --fg: #1b1b1f; --muted: #5b5d66; --line: #d9d6ce; --panel: #ffffff; --accent: #1d4e89;
  --focus: #c2410c; --mark: #fde68a; --conflict: #a3142a; --conflict-bg: #fde8eb; --agreed: #166534;
  --agreed-bg: #e7f5ec; --single: #5b5d66; --edge-copy: #a3142a; --edge-rewrite: #1d4e89; --edge-credit: #6b4f00;
  --radius: 6px;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #15161a; --fg: #ececf0; --muted: #a6a8b3; --line: #3a3c44; --panel: #1d1f24; --accent: #8cb8ff;
    --focus: #fdba74; --mark: #6b5300; --conflict: #ff9aa8; --conflict-bg: #46161f; --agreed: #86efac;
    --agreed-bg: #12301e; --single: #a6a8b3; --edge-copy: #ff9aa8; --edge-rewrite: #8cb8ff; --edge-credit: #f4d27a;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, [tabindex]:focus-visible, summary:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px;
}
main:focus { outline: none; }
.skip-link { position: absolute; left: 0.5rem; top: -3rem; background: var(--panel); color: var(--accent); padding: 0.5rem 0.75rem; border: 2px solid var(--focus); z-index: 10; }
.skip-link:focus { top: 0.5rem; }
.site-header { border-bottom: 1px solid var(--line); background: var(--panel); }
.site-header nav, main, .site-footer { max-width: 80rem; margin: 0 auto; padding: 0.75rem 1rem; }
.brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; }
.tagline, .muted { color: var(--muted); }
.tagline { margin-left: 0.5rem; font-size: 0.9rem; }
.site-footer { color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--line); margin-top: 2rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; padding-top: 0.5rem; border-top: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 0.25rem 0; }
.meta { color: var(--muted); margin: 0.25rem 0 1rem; }
.empty { color: var(--muted); font-style: italic; }
code { font-size: 0.9em; }

/* search form */
.search { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0.5rem 0.75rem; align-items: end;
  background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); padding: 0.75rem; margin: 1rem 0; }
.search label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); gap: 0.2rem; }
.search input { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--muted); border-radius: 4px; padding: 0.35rem 0.5rem; min-width: 0; }
.search button, .button { font: inherit; cursor: pointer; background: var(--accent); color: var(--panel); border: 0; border-radius: 4px; padding: 0.45rem 1rem; text-decoration: none; display: inline-block; }
.search .actions { display: flex; gap: 0.75rem; align-items: center; }

/* tables */
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: var(--radius); background: var(--panel); }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; padding: 0.5rem 0.75rem; color: var(--muted); font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.75rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--bg); font-size: 0.85rem; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.stories th[scope="row"] { min-width: 16rem; }
.stories th .muted { font-weight: normal; font-size: 0.9rem; }
.pager { display: flex; gap: 1rem; align-items: center; margin: 1rem 0; flex-wrap: wrap; }

/* story page */
.toc ul { list-style: none; padding: 0; margin: 0.5rem 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.brief li { margin: 0.35rem 0; }
.cite { font-size: 0.85rem; white-space: nowrap; margin-left: 0.15rem; }
.claims th[scope="row"] { min-width: 10rem; }
.claims td { min-width: 9rem; }
.status { display: inline-block; font-size: 0.8rem; font-weight: 600; padding: 0 0.4rem; border-radius: 999px; border: 1px solid currentColor; white-space: nowrap; }
.status-conflicting { color: var(--conflict); }
.status-agreed { color: var(--agreed); }
.status-single-source { color: var(--single); }
tr.conflicting > * { background: var(--conflict-bg); }
tr.conflicting > th { border-left: 4px solid var(--conflict); }
.value { display: block; }
.claim-note { display: block; font-size: 0.8rem; color: var(--muted); }

/* figures: provenance graph and timeline */
figure { margin: 0.5rem 0 1rem; }
.scroll-x { overflow-x: auto; background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); }
.graph svg, .timeline svg { display: block; }
.timeline svg { width: 100%; max-width: 60rem; height: auto; min-width: 48rem; }
figcaption { color: var(--muted); font-size: 0.85rem; margin-top: 0.35rem; }
svg text { fill: var(--fg); font: 12px system-ui, sans-serif; }
svg .node rect { fill: var(--panel); stroke: var(--accent); stroke-width: 1.5; }
svg .node.external rect { stroke-dasharray: 4 3; stroke: var(--muted); }
svg .node .sub { fill: var(--muted); font-size: 11px; }
svg .edge path { fill: none; stroke-width: 2; }
svg .edge.duplicate path, svg .edge.near-duplicate path { stroke: var(--edge-copy); }
svg .edge.rewrite path { stroke: var(--edge-rewrite); stroke-dasharray: 6 4; }
svg .edge.credit path { stroke: var(--edge-credit); stroke-dasharray: 2 3; }
svg .edge text { font-size: 11px; paint-order: stroke; stroke: var(--panel); stroke-width: 4px; stroke-linejoin: round; }
svg .arrow-duplicate, svg .arrow-near-duplicate { fill: var(--edge-copy); }
svg .arrow-rewrite { fill: var(--edge-rewrite); }
svg .arrow-credit { fill: var(--edge-credit); }
svg .axis line, svg .tick line { stroke: var(--muted); }
svg .tick text, svg .axis text { fill: var(--muted); font-size: 11px; }
svg .event circle { fill: var(--accent); stroke: var(--panel); stroke-width: 2; }
svg .event text { font-weight: 600; font-size: 11px; }
svg .pub line { stroke: var(--muted); }
.edges, .events { margin: 0.5rem 0; padding-left: 2.5rem; }
.events li { margin: 0.25rem 0; }
.entities td:nth-child(3) { color: var(--muted); }
.quotes blockquote { margin: 0.5rem 0; padding: 0.25rem 0.75rem; border-left: 3px solid var(--line); }

/* articles side by side */
.columns { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(19rem, 1fr); gap: 1rem; overflow-x: auto;
  padding: 0.25rem 0.25rem 1rem; scroll-snap-type: x proximity; }
.column { background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); padding: 0.75rem 1rem; scroll-snap-align: start; min-width: 0; }
.column header { border-bottom: 1px solid var(--line); margin-bottom: 0.5rem; }
.column .outlet { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); font-weight: 600; }
.column p { margin: 0 0 0.75rem; overflow-wrap: anywhere; }
.column p { scroll-margin-top: 6rem; }
.column p:target { outline: 3px solid var(--focus); outline-offset: 4px; background: var(--bg); }
mark { background: var(--mark); color: inherit; padding: 0 0.1em; border-radius: 2px; }
.legend { font-size: 0.85rem; color: var(--muted); }

@media (max-width: 40rem) {
  body { font-size: 15px; }
  .site-header nav, main, .site-footer { padding: 0.5rem 0.75rem; }
  .tagline { display: none; }
  h1 { font-size: 1.35rem; }
  th, td { padding: 0.35rem 0.5rem; }
  .columns { grid-auto-columns: 85%; }
  .cite { white-space: normal; }
}
@media print { .search, .skip-link, .toc { display: none; } .columns { grid-auto-flow: row; } }
`;
