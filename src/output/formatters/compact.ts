import type { Finding, Severity } from '../../types.js';
import type { LintResult } from '../../lint.js';
import { terminalSafe, terminalSafePath } from '../../text/terminal.js';
import type { FormatContext } from './types.js';
import type { OutputFormat } from '../format.js';

const severityLabels = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
} as const satisfies Record<Severity, string>;

/** Joins the lines of a message with single spaces, for formats that give a finding one line. */
export function toSingleLine(text: string): string {
  return text.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ').trim();
}

function compactLine(finding: Finding): string {
  const message = terminalSafe(toSingleLine(finding.message) || finding.messageId);
  const severity = severityLabels[finding.severity];
  return `${terminalSafePath(finding.file)}: line ${finding.line}, col ${finding.column}, ${severity} - ${message} (${finding.ruleId})`;
}

/** ESLint's compact format, one line per finding, as VS Code's `$eslint-compact` matcher reads it. */
export function formatCompact(result: LintResult, _context: FormatContext): string {
  return result.findings.map((finding) => `${compactLine(finding)}\n`).join('');
}

export const compactFormat = {
  name: 'compact',
  description: "one line per finding, as VS Code's $eslint-compact matcher reads it",
  commands: ['lint'],
  showsExemptions: false,
  render: formatCompact,
} as const satisfies OutputFormat;
