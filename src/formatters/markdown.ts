import type { Finding, LintResult } from '../types.js';
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

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
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
  const scope = `${plural(summary.files, 'file')} (${plural(summary.services, 'service')})`;
  if (result.findings.length === 0) {
    return `### svc-lint\n\nNo problems found in ${scope}.\n`;
  }
  const counts = [
    plural(summary.errors, 'error'),
    plural(summary.warnings, 'warning'),
    plural(summary.infos, 'info', 'info'),
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
