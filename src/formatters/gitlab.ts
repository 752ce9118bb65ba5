import type { LintResult, Severity } from '../types.js';
import { toSingleLine } from './compact.js';
import { fingerprintFindings } from './fingerprint.js';
import type { FormatContext } from './types.js';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/**
 * Errors fail the gate but describe a design mismatch, not a crash or a vulnerability, so they
 * rank as `major` and leave `critical`/`blocker` to tools that report those.
 */
export const codeQualitySeverity = {
  error: 'major',
  warning: 'minor',
  info: 'info',
} as const satisfies Record<Severity, CodeQualitySeverity>;

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number } };
}

/** GitLab Code Quality report (a JSON array of issues) for `artifacts:reports:codequality`. */
export function formatGitlab(result: LintResult, _context: FormatContext): string {
  const fingerprints = fingerprintFindings(result.findings);
  const issues = result.findings.map(
    (finding, index): CodeQualityIssue => ({
      description: toSingleLine(finding.message),
      check_name: finding.ruleId,
      fingerprint: fingerprints[index]!,
      severity: codeQualitySeverity[finding.severity],
      location: { path: finding.file, lines: { begin: finding.line } },
    }),
  );
  return `${JSON.stringify(issues, null, 2)}\n`;
}
