import type { LintResult } from '../types.js';
import { capacityRow, type EstimateRow } from '../report/capacity-rows.js';
import type { FormatContext } from './types.js';

/** An estimate with the per-instance figures it used; the profiles' names and sources are listed once, under `profiles`. */
function compactEstimate(estimate: EstimateRow | null) {
  if (!estimate) return null;
  const { basis, ...figures } = estimate;
  return { ...figures, throughputRpsPerInstance: basis.throughputRpsPerInstance, memoryMbPerInstance: basis.memoryMbPerInstance };
}

function profilesUsed(result: LintResult) {
  const profiles: Record<string, { benchmark: string; source: string }> = {};
  for (const capacity of result.capacity.services) {
    for (const estimate of [capacity.declared, capacity.recommended]) {
      if (estimate) profiles[estimate.languageId] ??= { benchmark: estimate.figures.benchmarkLabel, source: estimate.figures.source };
    }
  }
  return profiles;
}

function* jsonArray<Item>(items: Iterable<Item>, toJson: (item: Item) => unknown): Generator<string> {
  yield '[';
  let first = true;
  for (const item of items) {
    yield `${first ? '' : ','}${JSON.stringify(toJson(item))}`;
    first = false;
  }
  yield ']';
}

/**
 * The stable machine format (`version` 1): findings with locations, a summary, the rules that reported them (with
 * their remediation), and the capacity of every service. One line, like ESLint's json format: indentation would
 * double its size on a large fleet (pipe it through `jq` to read it).
 *
 * The text comes in pieces, one per finding and per service, so a fleet's report is never built whole in memory:
 * the CLI writes the pieces as they come. Joined, they are exactly `JSON.stringify` of the document.
 */
export function* formatJsonPieces(result: LintResult, _context: FormatContext): Generator<string> {
  const reporting = new Set(result.findings.map((finding) => finding.ruleId));
  yield '{"version":1,"findings":';
  yield* jsonArray(result.findings, (finding) => ({
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
  }));
  yield `,"summary":${JSON.stringify(result.summary)}`;
  if (result.fixed) yield `,"fixed":${JSON.stringify(result.fixed)}`;
  const rules = result.rules
    .filter((rule) => reporting.has(rule.id))
    .map((rule) => [rule.id, { description: rule.description, remediation: rule.remediation }]);
  yield `,"rules":${JSON.stringify(Object.fromEntries(rules))},"services":`;
  yield* jsonArray(result.capacity.services, (capacity) => {
    const row = capacityRow(capacity);
    return { ...row, declaredEstimate: compactEstimate(row.declaredEstimate), recommendedEstimate: compactEstimate(row.recommendedEstimate) };
  });
  yield `,"fleet":${JSON.stringify(result.capacity.totals)},"profiles":${JSON.stringify(profilesUsed(result))}}\n`;
}

export function formatJson(result: LintResult, context: FormatContext): string {
  return [...formatJsonPieces(result, context)].join('');
}
