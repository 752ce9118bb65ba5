import { formatNumber } from '../../text/number.js';
import { edgeLabel, flaggedStroke, nodeLabelLines, pathColours } from '../graph/render-style.js';
import type { GraphNode, GraphView } from '../graph/view.js';
import { escapeHtml } from './escape.js';
import { layoutGraph, nodeHeight, nodeWidth, type PlacedEdge, type PlacedNode } from './layout.js';
import { countOf } from '../../text/count.js';

const nodeText = '#111827';
/** What fits on one line of a node at the sizes the stylesheet sets. */
const nameChars = 24;
const detailChars = 30;
/** Roughly the advance of one character of an 11px sans-serif label. */
const labelCharWidth = 6.2;

const pathNames: Record<GraphNode['path'], string> = {
  hot: 'hot path',
  smart: 'smart path',
  neither: 'neither path',
  missing: 'not declared in the workspace',
};

/** The service graph as inline SVG, laid out here so the page needs no script or library to show it. */
export function renderGraphSvg(view: GraphView): string {
  const layout = layoutGraph(view);
  const calls = view.edges.length;
  const title = `Service graph: ${view.nodes.length} services, ${countOf(calls, 'call')}`;
  return [
    `<svg class="graph" role="img" aria-labelledby="graph-title" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">`,
    `<title id="graph-title">${escapeHtml(title)}</title>`,
    '<defs>',
    arrowMarker('arrow', 'edge-arrow'),
    arrowMarker('arrow-cycle', 'edge-arrow-cycle'),
    '</defs>',
    '<g class="edges">',
    ...layout.edges.map(edgeElement),
    '</g>',
    '<g class="nodes">',
    ...layout.nodes.map(nodeElement),
    '</g>',
    '<g class="edge-labels">',
    ...layout.edges.map(edgeLabelElement),
    '</g>',
    '</svg>',
  ].join('\n');
}

function arrowMarker(id: string, className: string): string {
  return (
    `<marker id="${id}" class="${className}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto">` +
    '<path d="M0,0 L10,5 L0,10 z"/></marker>'
  );
}

function edgeElement(placed: PlacedEdge): string {
  const { edge, from, to } = placed;
  const classes = ['edge', `call-${edge.call}`, ...(edge.inCycle ? ['in-cycle'] : [])].join(' ');
  const description =
    `${from.node.name} → ${to.node.name}: ${edge.call} call, ${formatNumber(edge.rps)} req/s` +
    ` (share ${formatNumber(edge.rpsShare)})${edge.inCycle ? ', part of a sync cycle' : ''}`;
  return (
    `<g class="${classes}" data-from="${escapeHtml(from.node.name)}" data-to="${escapeHtml(to.node.name)}">` +
    `<title>${escapeHtml(description)}</title>` +
    `<path d="${placed.path}" marker-end="url(#${edge.inCycle ? 'arrow-cycle' : 'arrow'})"/></g>`
  );
}

/** Edge labels sit on a plate so the line does not run through them; its width is estimated from the text. */
function edgeLabelElement(placed: PlacedEdge): string {
  const { x, y } = placed.label;
  const text = edgeLabel(placed.edge);
  const width = Math.round([...text].length * labelCharWidth + 8);
  return (
    `<g class="edge-label"><rect x="${x - width / 2}" y="${y - 8}" width="${width}" height="16" rx="4"/>` +
    `<text x="${x}" y="${y + 4}" text-anchor="middle">${escapeHtml(text)}</text></g>`
  );
}

function nodeElement(placed: PlacedNode): string {
  const { node } = placed;
  const colour = pathColours[node.path];
  const [name = '', detail = ''] = nodeLabelLines(node);
  const classes = ['node', `path-${node.path}`, ...(node.flagged ? ['flagged'] : [])].join(' ');
  const dashes = node.path === 'missing' ? ' stroke-dasharray="5 3"' : '';
  return (
    `<g class="${classes}" data-service="${escapeHtml(node.name)}" transform="translate(${placed.x},${placed.y})">` +
    `<title>${escapeHtml(nodeDescription(node))}</title>` +
    `<rect width="${nodeWidth}" height="${nodeHeight}" rx="7" fill="${colour.fill}" ` +
    `stroke="${node.flagged ? flaggedStroke : colour.stroke}" stroke-width="${node.flagged ? 3 : 1.5}"${dashes}/>` +
    `<text class="node-name" x="10" y="19" fill="${nodeText}">${escapeHtml(truncate(name, nameChars))}</text>` +
    `<text class="node-detail" x="10" y="36" fill="${nodeText}">${escapeHtml(truncate(detail, detailChars))}</text></g>`
  );
}

function nodeDescription(node: GraphNode): string {
  if (node.path === 'missing') return `${node.name}: ${pathNames.missing}`;
  const declared = node.declaredRps === undefined ? 'no declared peak' : `${formatNumber(node.declaredRps)} declared`;
  const findings = node.flagged ? '; has findings' : '';
  return `${node.name}: ${node.language ?? '?'}, ${pathNames[node.path]}, ${formatNumber(node.effectiveRps ?? 0)} req/s effective (${declared})${findings}`;
}

function truncate(text: string, limit: number): string {
  const characters = [...text];
  return characters.length <= limit ? text : `${characters.slice(0, limit - 1).join('')}…`;
}
