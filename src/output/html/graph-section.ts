import { edgeLabel, flaggedStroke, pathColours } from '../graph/render-style.js';
import { formatNumber } from '../../text/number.js';
import type { GraphNode, GraphView } from '../graph/view.js';
import { escapeHtml } from './escape.js';
import { renderGraphSvg } from './graph-svg.js';

/** Beyond this many services a drawing stops being readable; the page lists the calls instead. */
export const maxDrawnServices = 300;

const legendEntries: { path: GraphNode['path']; label: string }[] = [
  { path: 'hot', label: 'hot path' },
  { path: 'smart', label: 'smart path' },
  { path: 'neither', label: 'neither path' },
  { path: 'missing', label: 'not declared' },
];

export function graphSection(view: GraphView): string {
  const body =
    view.nodes.length === 0
      ? '<p class="empty">No services in the workspace.</p>'
      : view.nodes.length > maxDrawnServices
        ? callList(view)
        : `${legend()}\n<div class="graph-scroll">\n${renderGraphSvg(view)}\n</div>`;
  return `<section id="graph" aria-labelledby="graph-heading">\n<h2 id="graph-heading">Service graph</h2>\n${body}\n</section>`;
}

function legend(): string {
  const swatches = legendEntries.map(({ path, label }) => {
    const colour = pathColours[path];
    const style = `background:${colour.fill};border-color:${colour.stroke}${path === 'missing' ? ';border-style:dashed' : ''}`;
    return `<li><span class="swatch" style="${style}"></span>${escapeHtml(label)}</li>`;
  });
  return [
    '<ul class="legend">',
    ...swatches,
    `<li><span class="swatch" style="border-color:${flaggedStroke};border-width:3px"></span>has findings</li>`,
    '<li><span class="line"></span>sync call</li>',
    '<li><span class="line dashed"></span>async call</li>',
    '</ul>',
  ].join('\n');
}

function callList(view: GraphView): string {
  const names = new Map(view.nodes.map((node) => [node.id, node.name]));
  const rows = view.edges.map((edge) => {
    const cells = [names.get(edge.from) ?? edge.from, names.get(edge.to) ?? edge.to, edge.call, edgeLabel(edge)];
    return `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`;
  });
  return [
    `<p class="note">The workspace has ${formatNumber(view.nodes.length)} services, more than the ${maxDrawnServices} a drawing can show legibly; its ${formatNumber(view.edges.length)} calls are listed instead.</p>`,
    '<div class="table-scroll"><table class="calls">',
    '<thead><tr><th scope="col">Caller</th><th scope="col">Callee</th><th scope="col">Call</th><th scope="col">Traffic</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table></div>',
  ].join('\n');
}
