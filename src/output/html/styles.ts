import { cycleStroke } from '../graph/render-style.js';

/** The page's stylesheet: system fonts only, light and dark schemes, nothing loaded from elsewhere. */
export const pageStyles = `
:root {
  color-scheme: light dark;
  --text: #111827;
  --muted: #4b5563;
  --background: #ffffff;
  --surface: #f9fafb;
  --border: #d1d5db;
  --accent: #1d4ed8;
  --edge: #4b5563;
  --error: #b91c1c;
  --warning: #a16207;
  --info: #1d4ed8;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e5e7eb;
    --muted: #9ca3af;
    --background: #111827;
    --surface: #1f2937;
    --border: #374151;
    --accent: #93c5fd;
    --edge: #9ca3af;
    --error: #f87171;
    --warning: #fbbf24;
    --info: #93c5fd;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0 auto;
  max-width: 1400px;
  padding: 1.5rem 2rem 3rem;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--text);
  background: var(--background);
}
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.5rem 1.5rem; border-bottom: 1px solid var(--border); }
header h1 { margin: 0 0 0.5rem; font-size: 1.6rem; }
header nav a { margin-right: 1rem; }
a { color: var(--accent); }
h2 { margin: 2rem 0 0.75rem; font-size: 1.3rem; }
h3 { margin: 1.5rem 0 0.5rem; font-size: 1.05rem; }
code, .location { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; }
.scope, .note, .empty, .basis, .version { color: var(--muted); }
.figures { display: flex; flex-wrap: wrap; gap: 0.75rem; }
.figure { min-width: 7.5rem; padding: 0.6rem 0.9rem; border: 1px solid var(--border); border-radius: 8px; background: var(--surface); }
.figure .value { display: block; font-size: 1.6rem; font-weight: 700; line-height: 1.2; }
.figure .label { color: var(--muted); }
.figure.errors .value { color: var(--error); }
.figure.warnings .value { color: var(--warning); }
.figure.infos .value { color: var(--info); }
.notes { color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem 1.25rem; margin-bottom: 0.75rem; }
.filters fieldset { display: flex; gap: 0.75rem; margin: 0; padding: 0.25rem 0.75rem 0.4rem; border: 1px solid var(--border); border-radius: 6px; }
.filters legend { padding: 0 0.25rem; color: var(--muted); font-size: 0.85rem; }
.filters .count { color: var(--muted); font-size: 0.85rem; }
.filters input[type="search"] { min-width: 18rem; padding: 0.3rem 0.5rem; font: inherit; border: 1px solid var(--border); border-radius: 6px; background: var(--background); color: var(--text); }
.shown-count { color: var(--muted); }
.table-scroll { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; }
th, td { padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
thead th { position: sticky; top: 0; background: var(--surface); white-space: nowrap; }
thead th button { all: unset; cursor: pointer; font-weight: 700; }
thead th button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
thead th[aria-sort="ascending"] button::after { content: " ▲"; }
thead th[aria-sort="descending"] button::after { content: " ▼"; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--border); }
td.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.location, td.rule, td.service, table.capacity tbody th { white-space: nowrap; }
td.message { white-space: pre-wrap; min-width: 20rem; }
td.status { min-width: 9rem; color: var(--muted); font-size: 0.85rem; }
tr[hidden] { display: none; }
tr.status-suppressed, tr.status-baselined { opacity: 0.65; }
.severity { display: inline-block; padding: 0 0.45rem; border-radius: 999px; border: 1px solid currentColor; font-size: 0.8rem; font-weight: 600; }
.severity-error { color: var(--error); }
.severity-warning { color: var(--warning); }
.severity-info { color: var(--info); }
.decision { color: var(--muted); font-size: 0.85rem; }
td.moves strong { color: var(--error); }
.rules dt { margin-top: 0.75rem; }
.rules dd { margin: 0.25rem 0 0 1.5rem; }
.rules dd p { margin: 0.2rem 0; }
.basis cite { color: var(--muted); }
.basis cite::before { content: "— "; }
.legend { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; padding: 0; list-style: none; font-size: 0.9rem; }
.legend li { display: flex; align-items: center; gap: 0.4rem; }
.legend .swatch { width: 1.4rem; height: 0.95rem; border: 2px solid; border-radius: 4px; }
.legend .line { width: 2rem; border-top: 2px solid var(--edge); }
.legend .line.dashed { border-top-style: dashed; }
.graph-scroll { overflow: auto; max-height: 80vh; border: 1px solid var(--border); border-radius: 8px; background: var(--surface); }
svg.graph { display: block; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
svg.graph .edge path { fill: none; stroke: var(--edge); stroke-width: 1.6; }
svg.graph .edge.call-async path { stroke-dasharray: 6 4; }
svg.graph .edge.in-cycle path { stroke: ${cycleStroke}; stroke-width: 2.2; }
svg.graph .edge-arrow path { fill: var(--edge); }
svg.graph .edge-arrow-cycle path { fill: ${cycleStroke}; }
svg.graph .node-name { font-size: 13px; font-weight: 700; }
svg.graph .node-detail { font-size: 11.5px; }
svg.graph .edge-label text { font-size: 11px; fill: var(--text); }
svg.graph .edge-label rect { fill: var(--surface); opacity: 0.9; }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.85rem; }
`;
