import type { Finding } from '../../types.js';
import type { LintResult } from '../../lint.js';
import { countOf } from '../../text/count.js';
import { terminalSafe } from '../../text/terminal.js';
import type { FormatContext } from './types.js';
import type { OutputFormat } from '../format.js';

const zeroWidthSpace = '&#8203;';

/**
 * Breaks what GitHub would turn into a notification or a link in a pull-request comment (`@octocat`, `@org/team`,
 * `#123`, `GH-123`, `https://…`, `www.…`) with an invisible zero-width space, as Dependabot and Renovate do: a value
 * from a manifest must not ping people or link anywhere.
 */
function neutralizeReferences(text: string): string {
  // `#` first: the entity the others insert holds a `#` and a digit.
  return text
    .replace(/#(?=\d)/g, `#${zeroWidthSpace}`)
    .replace(/@(?=[A-Za-z0-9])/g, `@${zeroWidthSpace}`)
    .replace(/\bGH-(?=\d)/gi, (prefix) => `${prefix.slice(0, 2)}${zeroWidthSpace}-`)
    .replace(/:\/\//g, `:${zeroWidthSpace}//`)
    .replace(/\bwww\./gi, (prefix) => `${prefix.slice(0, 3)}${zeroWidthSpace}.`);
}

function escapeMarkdownLine(line: string): string {
  const markup = terminalSafe(line)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_~[\]|]/g, (character) => `\\${character}`);
  return neutralizeReferences(markup);
}

/**
 * Makes text safe inside a GitHub-flavoured Markdown table cell, keeping line breaks as `<br>`: markup and HTML are
 * escaped, control characters shown as escapes, and mentions, references and links neutralized.
 */
export function escapeMarkdownCell(text: string): string {
  return text.trim().split(/\s*(?:\r\n|\r|\n)\s*/).map(escapeMarkdownLine).join('<br>');
}

function findingRow(finding: Finding): string {
  // A line break in a file or service name is shown as an escape; only a message's own lines become `<br>`.
  const cells = [
    terminalSafe(`${finding.file}:${finding.line}:${finding.column}`),
    finding.severity,
    finding.ruleId,
    terminalSafe(finding.service ?? ''),
    finding.message,
  ];
  return `| ${cells.map(escapeMarkdownCell).join(' | ')} |`;
}

function headLines(result: LintResult): string[] {
  const { summary } = result;
  const scope = `${countOf(summary.files, 'file')} (${countOf(summary.services, 'service')})`;
  const counts = [
    countOf(summary.errors, 'error'),
    countOf(summary.warnings, 'warning'),
    countOf(summary.infos, 'info', 'info'),
  ].join(', ');
  return ['### svc-lint', '', `**${counts}** in ${scope}.`, '', '| Location | Severity | Rule | Service | Message |', '| --- | --- | --- | --- | --- |'];
}

function noProblems(result: LintResult): string {
  const { summary } = result;
  return `### svc-lint\n\nNo problems found in ${countOf(summary.files, 'file')} (${countOf(summary.services, 'service')}).\n`;
}

/** A Markdown report for pull-request comments and GitHub step summaries. */
export function formatMarkdown(result: LintResult, _context: FormatContext): string {
  if (result.findings.length === 0) return noProblems(result);
  return [...headLines(result), ...result.findings.map(findingRow), ''].join('\n');
}

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');
// Room kept for the closing line that says how many findings were left out.
const closingLineBytes = 200;

/**
 * The Markdown report in at most `maxBytes` of UTF-8: the rows that fit, then how many were left out and where they
 * all are; empty when not even the table's head fits. GitHub drops a step summary over 1 MiB whole.
 */
export function formatMarkdownWithin(result: LintResult, context: FormatContext, maxBytes: number): string {
  const whole = formatMarkdown(result, context);
  if (utf8Bytes(whole) <= maxBytes) return whole;
  const lines = headLines(result);
  let used = utf8Bytes(lines.join('\n')) + 1 + closingLineBytes;
  if (used > maxBytes) return '';
  let shown = 0;
  for (const finding of result.findings) {
    const row = findingRow(finding);
    if (used + utf8Bytes(row) + 1 > maxBytes) break;
    lines.push(row);
    used += utf8Bytes(row) + 1;
    shown += 1;
  }
  const left = countOf(result.findings.length - shown, 'more finding');
  lines.push('', `${left} not shown: GitHub keeps at most 1 MiB of summary per step. The json and sarif reports list them all.`, '');
  return lines.join('\n');
}

export const markdownFormat = {
  name: 'markdown',
  description: 'a Markdown table, for a pull-request comment or a job summary',
  commands: ['lint'],
  showsExemptions: false,
  render: formatMarkdown,
} as const satisfies OutputFormat;
