import type { LintResult } from '../types.js';
import { capacityRows } from '../report/capacity-rows.js';
import type { FormatContext } from './types.js';

/** The stable machine format (`version` 1): findings with locations and a summary. */
export function formatJson(result: LintResult, _context: FormatContext): string {
  const remediationOf = new Map(result.rules.map((rule) => [rule.id, rule.remediation]));
  const output = {
    version: 1,
    findings: result.findings.map((finding) => ({
      file: finding.file,
      service: finding.service ?? null,
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      messageId: finding.messageId,
      data: finding.data,
      remediation: remediationOf.get(finding.ruleId) ?? null,
      ...(finding.suppressed && { suppressed: finding.suppressed }),
      ...(finding.baselineState && { baselineState: finding.baselineState }),
    })),
    summary: result.summary,
    ...(result.fixed && { fixed: result.fixed }),
    services: capacityRows(result),
    fleet: result.capacity.totals,
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
