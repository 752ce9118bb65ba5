import type { GraphNode, GraphView } from './view.js';
import { cycleStroke, edgeLabel, flaggedStroke, nodeLabelLines, pathColours } from './render-style.js';
import type { OutputFormat } from '../format.js';
import { graphViewOf } from './view.js';

/** A Mermaid flowchart, as GitHub renders inside a ```mermaid block. */
export function renderMermaid(view: GraphView): string {
  const lines = ['flowchart LR'];
  for (const node of view.nodes) {
    lines.push(`  ${node.id}["${nodeLabelLines(node).map(escapeMermaid).join('<br/>')}"]`);
  }
  const cycleLinks: number[] = [];
  view.edges.forEach((edge, index) => {
    const arrow = edge.call === 'sync' ? '-->' : '-.->';
    lines.push(`  ${edge.from} ${arrow}|"${escapeMermaid(edgeLabel(edge))}"| ${edge.to}`);
    if (edge.inCycle) cycleLinks.push(index);
  });
  for (const [path, colour] of Object.entries(pathColours)) {
    const dashes = path === 'missing' ? ',stroke-dasharray:4 3' : '';
    lines.push(`  classDef ${path} fill:${colour.fill},stroke:${colour.stroke},color:#111827${dashes}`);
  }
  lines.push(`  classDef flagged stroke:${flaggedStroke},stroke-width:3px`);
  for (const path of Object.keys(pathColours)) {
    const ids = idsWhere(view.nodes, (node) => node.path === path);
    if (ids) lines.push(`  class ${ids} ${path}`);
  }
  const flaggedIds = idsWhere(view.nodes, (node) => node.flagged);
  if (flaggedIds) lines.push(`  class ${flaggedIds} flagged`);
  if (cycleLinks.length > 0) lines.push(`  linkStyle ${cycleLinks.join(',')} stroke:${cycleStroke},stroke-width:2px`);
  return `${lines.join('\n')}\n`;
}

function idsWhere(nodes: readonly GraphNode[], predicate: (node: GraphNode) => boolean): string {
  return nodes
    .filter(predicate)
    .map((node) => node.id)
    .join(',');
}

/** Mermaid entity codes, so quotes, markup and `#` in a name stay text. */
export function escapeMermaid(text: string): string {
  return text.replace(/[#"<>&]/g, (character) => `#${character.charCodeAt(0)};`);
}

export const mermaidFormat = {
  name: 'mermaid',
  description: 'a Mermaid flowchart, as GitHub renders it',
  commands: ['graph'],
  showsExemptions: false,
  render: (result) => renderMermaid(graphViewOf(result)),
} as const satisfies OutputFormat;
