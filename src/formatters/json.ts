import type { LintResult } from '../types.js';
import { capacityRows, type CapacityRow, type EstimateRow } from '../report/capacity-rows.js';
import type { FormatContext } from './types.js';

/** An estimate with the per-instance figures it used; the profiles' names and sources are listed once, under `profiles`. */
function compactEstimate(estimate: EstimateRow | null) {
  if (!estimate) return null;
  const { basis, ...figures } = estimate;
  return { ...figures, throughputRpsPerInstance: basis.throughputRpsPerInstance, memoryMbPerInstance: basis.memoryMbPerInstance };
}

function profilesUsed(rows: readonly CapacityRow[]) {
  const profiles: Record<string, { benchmark: string; source: string }> = {};
  for (const row of rows) {
    for (const estimate of [row.declaredEstimate, row.recommendedEstimate]) {
      if (estimate) profiles[estimate.language] ??= { benchmark: estimate.basis.benchmark, source: estimate.basis.source };
    }
  }
  return profiles;
}

/**
 * The stable machine format (`version` 1): findings with locations, a summary, the rules that reported them (with
 * their remediation), and the capacity of every service. One line, like ESLint's json format: indentation would
 * double its size on a large fleet (pipe it through `jq` to read it).
 */
export function formatJson(result: LintResult, _context: FormatContext): string {
  const reporting = new Set(result.findings.map((finding) => finding.ruleId));
  const rows = capacityRows(result);
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
      ...(finding.suppressed && { suppressed: finding.suppressed }),
      ...(finding.baselineState && { baselineState: finding.baselineState }),
    })),
    summary: result.summary,
    ...(result.fixed && { fixed: result.fixed }),
    rules: Object.fromEntries(
      result.rules
        .filter((rule) => reporting.has(rule.id))
        .map((rule) => [rule.id, { description: rule.description, remediation: rule.remediation }]),
    ),
    services: rows.map((row) => ({
      ...row,
      declaredEstimate: compactEstimate(row.declaredEstimate),
      recommendedEstimate: compactEstimate(row.recommendedEstimate),
    })),
    fleet: result.capacity.totals,
    profiles: profilesUsed(rows),
  };
  return `${JSON.stringify(output)}\n`;
}
