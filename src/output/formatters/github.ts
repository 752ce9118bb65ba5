import type { Finding, Severity } from '../../types.js';
import type { LintResult } from '../../lint.js';
import type { FormatContext } from './types.js';
import type { OutputFormat } from '../format.js';

const commandBySeverity = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
} as const satisfies Record<Severity, string>;

/** The escaping @actions/core applies to a command's message. */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The escaping @actions/core applies to a command's property values. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(finding: Finding): string {
  const properties: [string, string | number][] = [
    ['file', finding.file],
    ['line', finding.line],
    ['col', finding.column],
    ['endLine', finding.endLine],
    ['endColumn', finding.endColumn],
    ['title', `svc-lint ${finding.ruleId}`],
  ];
  const propertyText = properties.map(([key, value]) => `${key}=${escapeCommandProperty(String(value))}`).join(',');
  return `::${commandBySeverity[finding.severity]} ${propertyText}::${escapeCommandData(finding.message)}`;
}

/** GitHub Actions workflow commands, one annotation per finding. */
export function formatGithub(result: LintResult, _context: FormatContext): string {
  return result.findings.map((finding) => `${annotation(finding)}\n`).join('');
}

export const githubFormat = {
  name: 'github',
  description: 'GitHub Actions workflow commands (annotations)',
  commands: ['lint'],
  showsExemptions: false,
  render: formatGithub,
} as const satisfies OutputFormat;
