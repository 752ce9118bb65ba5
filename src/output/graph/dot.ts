import type { GraphView } from './view.js';
import { cycleStroke, edgeLabel, flaggedStroke, nodeLabelLines, pathColours } from './render-style.js';
import type { OutputFormat } from '../format.js';
import { graphViewOf } from './view.js';

/** A Graphviz digraph, for `dot -Tsvg`. */
export function renderDot(view: GraphView): string {
  const lines = [
    'digraph services {',
    '  rankdir=LR;',
    '  node [shape=box, style="rounded,filled", fontname="Helvetica"];',
    '  edge [fontname="Helvetica"];',
  ];
  for (const node of view.nodes) {
    const colour = pathColours[node.path];
    const attributes = [
      `label=${quoteDot(nodeLabelLines(node).map(escapeDotText).join('\\n'), false)}`,
      `fillcolor=${quoteDot(colour.fill)}`,
      `color=${quoteDot(node.flagged ? flaggedStroke : colour.stroke)}`,
    ];
    if (node.flagged) attributes.push('penwidth=3');
    if (node.path === 'missing') attributes.push('style="rounded,filled,dashed"');
    lines.push(`  ${quoteDot(node.id)} [${attributes.join(', ')}];`);
  }
  for (const edge of view.edges) {
    const attributes = [`label=${quoteDot(edgeLabel(edge))}`, `style=${edge.call === 'sync' ? 'solid' : 'dashed'}`];
    if (edge.inCycle) attributes.push(`color=${quoteDot(cycleStroke)}`);
    lines.push(`  ${quoteDot(edge.from)} -> ${quoteDot(edge.to)} [${attributes.join(', ')}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Backslashes and quotes escaped, so Graphviz reads the text literally (no \n, \N... sequences). */
export function escapeDotText(text: string): string {
  return text.replace(/[\\"]/g, (character) => `\\${character}`);
}

function quoteDot(text: string, escape = true): string {
  return `"${escape ? escapeDotText(text) : text}"`;
}

export const dotFormat = {
  name: 'dot',
  description: 'Graphviz dot',
  commands: ['graph'],
  showsExemptions: false,
  render: (result) => renderDot(graphViewOf(result)),
} as const satisfies OutputFormat;
