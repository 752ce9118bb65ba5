import { formatNumber } from '../../text/number.js';
import type { GraphEdge, GraphNode } from './view.js';
import { terminalSafe } from '../../text/terminal.js';

export const pathColours: Record<GraphNode['path'], { fill: string; stroke: string }> = {
  hot: { fill: '#dbeafe', stroke: '#1d4ed8' },
  smart: { fill: '#fef3c7', stroke: '#b45309' },
  neither: { fill: '#f3f4f6', stroke: '#6b7280' },
  missing: { fill: '#ffffff', stroke: '#9ca3af' },
};

export const flaggedStroke = '#dc2626';
export const cycleStroke = '#dc2626';
export const flaggedMark = '⚠ ';

/**
 * The label's lines, unescaped: the name (marked when flagged), then language and effective peak, and the decision
 * framework's recommendation when it is another language.
 */
export function nodeLabelLines(node: GraphNode): string[] {
  const name = `${node.flagged ? flaggedMark : ''}${singleLine(node.name)}`;
  if (node.path === 'missing') return [name, 'not declared'];
  const lines = [name, `${singleLine(node.languageName ?? node.language ?? '')} · ${formatNumber(node.effectiveRps ?? 0)} req/s`];
  const { recommended } = node;
  if (recommended && recommended.language !== node.language) lines.push(`Q${recommended.question} → ${singleLine(recommended.name)}`);
  return lines;
}

export function edgeLabel(edge: GraphEdge): string {
  if (edge.inCycle) return 'sync cycle';
  const rps = `${formatNumber(edge.rps)} req/s`;
  return edge.call === 'async' ? `async · ${rps}` : rps;
}

/** A name from a manifest on one line, its control characters shown as escapes: pictures are printed to terminals too. */
function singleLine(text: string): string {
  return terminalSafe(text.replace(/\s+/g, ' '));
}
