import { basesUsed, type CapacityEstimate } from '../../analysis/capacity.js';
import type { LintResult } from '../../lint.js';
import { capacityRow } from '../capacity/rows.js';
import { inPieces, jsonPieces } from '../../io/json-pieces.js';
import { joinedPieces, mapped } from './pieces.js';
import type { FormatContext, Formatter } from './types.js';
import type { OutputFormat } from '../format.js';

/** An estimate with the per-instance figures it used; the profiles' names and sources are listed once, under `profiles`. */
function compactEstimate(estimate: CapacityEstimate | undefined) {
  if (!estimate) return null;
  const { figures } = estimate;
  return {
    language: estimate.languageId,
    instances: estimate.instances,
    memoryMb: estimate.memoryMb,
    imageMb: estimate.imageMb,
    throughputRpsPerInstance: figures.throughputRps,
    memoryMbPerInstance: figures.memoryMb,
  };
}

function profilesUsed(result: LintResult) {
  const used = basesUsed(result.analysis.capacity().services);
  return Object.fromEntries([...used].map(([languageId, figures]) => [languageId, { benchmark: figures.benchmarkLabel, source: figures.source }]));
}

/**
 * The stable machine format (`version` 1): findings with locations, a summary, the rules that reported them (with
 * their remediation), and the capacity of every service. One line, like ESLint's json format: indentation would
 * double its size on a large fleet (pipe it through `jq` to read it).
 *
 * The text comes in pieces, one per finding and per service, so a fleet's report is never built whole in memory.
 */
export function formatJsonPieces(result: LintResult, _context: FormatContext): Iterable<string> {
  const reporting = new Set(result.findings.map((finding) => finding.ruleId));
  const findings = mapped(result.findings, (finding) => ({
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
  const services = mapped(result.analysis.capacity().services, (capacity) => capacityRow(capacity, compactEstimate));
  const document = {
    version: 1,
    findings: inPieces(findings),
    summary: result.summary,
    ...(result.fixed && { fixed: result.fixed }),
    rules: Object.fromEntries(
      result.rules
        .filter((rule) => reporting.has(rule.id))
        .map((rule) => [rule.id, { description: rule.description, remediation: rule.remediation }]),
    ),
    services: inPieces(services),
    undeclared: result.undeclared,
    fleet: result.analysis.capacity().totals,
    profiles: profilesUsed(result),
  };
  return jsonPieces(document, 0);
}

export const formatJson: Formatter = joinedPieces(formatJsonPieces);

export const jsonFormat = {
  name: 'json',
  description: 'one line of JSON: findings (exempted ones marked), services, fleet, profiles',
  commands: ['lint', 'report'],
  showsExemptions: true,
  render: formatJsonPieces,
} as const satisfies OutputFormat;
