import { basesUsed } from '../../analysis/capacity.js';
import { formatNumber } from '../../text/number.js';
import { describeDecision } from './decision-text.js';
import type { LintResult } from '../../lint.js';
import { capacityRows, inferenceCaveat, type CapacityRow, type EstimateRow } from './rows.js';
import { countOf } from '../../text/count.js';
import { terminalSafe, terminalSafeLineStart } from '../../text/terminal.js';
import type { OutputFormat } from '../format.js';

const number = (value: number) => formatNumber(value, 1);

function change(row: CapacityRow, pick: (estimate: EstimateRow) => string): string {
  const { declaredEstimate: now, recommendedEstimate: then } = row;
  if (!now || !then) return '-';
  return now.language === then.language ? pick(now) : `${pick(now)} → ${pick(then)}`;
}

function table(rows: readonly string[][]): string {
  // A loop, not Math.max(...): spreading one argument per service overflows the stack in a large fleet.
  const widths = rows[0]!.map(() => 0);
  for (const row of rows) row.forEach((cell, column) => (widths[column] = Math.max(widths[column]!, cell.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

/** `svc-lint report`: per service, what the framework recommends and what it would cost in instances and memory. */
export function formatCapacityText(result: LintResult): string {
  const rows = capacityRows(result);
  const header = ['service', 'language', 'workload', 'peak rps', 'effective', 'recommended', 'instances', 'memory MB', 'image MB'];
  const body = rows.map((row) => [
    row.caveat ? `${row.service} *` : row.service,
    row.languageName,
    row.workload,
    row.declaredRps === null ? '-' : number(row.declaredRps),
    number(row.effectiveRps),
    `${row.recommended.name} (Q${row.recommended.question}: ${describeDecision(row.recommended.reason)})`,
    change(row, (estimate) => number(estimate.instances)),
    change(row, (estimate) => number(estimate.memoryMb)),
    change(row, (estimate) => `${estimate.imageMb.min}-${estimate.imageMb.max}`),
  ]);
  // Names and languages come from manifests: shown escaped, and a name never starts a line with `::`.
  const safeBody = body.map(([service, ...cells]) => [terminalSafeLineStart(service!), ...cells.map(terminalSafe)]);
  const { servicesCompared, declared, recommended } = result.analysis.capacity().totals;
  const lines = [
    table([header, ...safeBody]),
    '',
    `fleet (${countOf(servicesCompared, 'service')} with estimates): ` +
      `${number(declared.instances)} → ${number(recommended.instances)} instances, ` +
      `${number(declared.memoryMb)} → ${number(recommended.memoryMb)} MB memory, ` +
      `${number(declared.imageMb.min)}-${number(declared.imageMb.max)} → ${number(recommended.imageMb.min)}-${number(recommended.imageMb.max)} MB of images`,
    'estimates: instances = ceil(effective peak / per-instance throughput); memory = instances × per-instance memory',
    ...(rows.some((row) => row.caveat) ? [`  * ML model serving: ${inferenceCaveat}`] : []),
    ...[...basesUsed(result.analysis.capacity().services).values()].map(
      (figures) => `  ${figures.benchmarkLabel}: ${number(figures.throughputRps)} req/s and ${number(figures.memoryMb)} MB per instance (${figures.source})`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

export const capacityTextFormat = {
  name: 'text',
  description: 'a table of capacity and cost per service, with the fleet total',
  commands: ['report'],
  showsExemptions: false,
  render: formatCapacityText,
} as const satisfies OutputFormat;
