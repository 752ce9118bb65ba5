import type { Finding, LintResult } from '../types.js';
import { countOf } from '../text/count.js';
import type { FormatContext } from './types.js';

/** Makes text safe inside a GitHub-flavoured Markdown table cell, keeping line breaks as `<br>`. */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_~[\]|]/g, (character) => `\\${character}`)
    .trim()
    .replace(/\s*(?:\r\n|\r|\n)\s*/g, '<br>');
}

function findingRow(finding: Finding): string {
  const cells = [
    `${finding.file}:${finding.line}:${finding.column}`,
    finding.severity,
    finding.ruleId,
    finding.service ?? '',
    finding.message,
  ];
  return `| ${cells.map(escapeMarkdownCell).join(' | ')} |`;
}

/** A Markdown report for pull-request comments and GitHub step summaries. */
export function formatMarkdown(result: LintResult, _context: FormatContext): string {
  const { summary } = result;
  const scope = `${countOf(summary.files, 'file')} (${countOf(summary.services, 'service')})`;
  if (result.findings.length === 0) {
    return `### svc-lint\n\nNo problems found in ${scope}.\n`;
  }
  const counts = [
    countOf(summary.errors, 'error'),
    countOf(summary.warnings, 'warning'),
    countOf(summary.infos, 'info', 'info'),
  ].join(', ');
  return [
    '### svc-lint',
    '',
    `**${counts}** in ${scope}.`,
    '',
    '| Location | Severity | Rule | Service | Message |',
    '| --- | --- | --- | --- | --- |',
    ...result.findings.map(findingRow),
    '',
  ].join('\n');
}
