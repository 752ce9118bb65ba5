import type { Severity } from '../../types.js';
import type { LintResult } from '../../lint.js';
import { toSingleLine } from './compact.js';
import { fingerprintFindings } from './fingerprint.js';
import { inPieces, jsonPieces } from '../../io/json-pieces.js';
import { joinedPieces } from './pieces.js';
import type { FormatContext, Formatter } from './types.js';
import type { OutputFormat } from '../format.js';

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

/** GitLab Code Quality report (a JSON array of issues) for `artifacts:reports:codequality`, an issue per piece. */
export function formatGitlabPieces(result: LintResult, _context: FormatContext): Iterable<string> {
  return jsonPieces(inPieces(codeQualityIssues(result)), 2);
}

function* codeQualityIssues(result: LintResult): Generator<CodeQualityIssue> {
  const fingerprints = fingerprintFindings(result.findings);
  for (const [index, finding] of result.findings.entries()) {
    yield {
      description: toSingleLine(finding.message),
      check_name: finding.ruleId,
      fingerprint: fingerprints[index]!,
      severity: codeQualitySeverity[finding.severity],
      location: { path: finding.file, lines: { begin: finding.line } },
    };
  }
}

export const formatGitlab: Formatter = joinedPieces(formatGitlabPieces);

export const gitlabFormat = {
  name: 'gitlab',
  description: 'GitLab Code Quality JSON',
  commands: ['lint'],
  showsExemptions: false,
  render: formatGitlabPieces,
} as const satisfies OutputFormat;
