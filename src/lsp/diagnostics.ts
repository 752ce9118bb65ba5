import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analysis.js';
import { isCounted, type Finding, type Severity } from '../types.js';
import type { FileProblem } from './file-problem.js';
import { lspRange } from './positions.js';
import { relatedInformationOf } from './related.js';

export const diagnosticSource = 'svc-lint';

const severityOf = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const satisfies Record<Severity, DiagnosticSeverity>;

/** Findings about text that does nothing: editors fade it. */
const unnecessaryRules = new Set(['unused-suppression', 'unused-waiver']);

/** What a client shows of a finding, plus what it needs to offer a fix (`data`: the finding's message id and values). */
export function diagnosticOf(finding: Finding, analysis: Analysis, root: string, withRelated: boolean): Diagnostic {
  const related = withRelated ? relatedInformationOf(finding, analysis, root) : [];
  return {
    range: lspRange(finding),
    severity: severityOf[finding.severity],
    code: finding.ruleId,
    source: diagnosticSource,
    message: finding.message,
    ...(unnecessaryRules.has(finding.ruleId) && { tags: [DiagnosticTag.Unnecessary] }),
    ...(related.length > 0 && { relatedInformation: related }),
    data: { messageId: finding.messageId, values: finding.data },
  };
}

/** A finding shows in the editor when it counts, as in the CLI's plain formats: not suppressed, not in the baseline. */
export function shownFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter(isCounted);
}

export function diagnosticOfProblem(problem: FileProblem): Diagnostic {
  return { range: lspRange(problem.range), severity: DiagnosticSeverity.Error, source: diagnosticSource, message: problem.message };
}
