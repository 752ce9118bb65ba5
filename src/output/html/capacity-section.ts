import { describeDecision } from '../capacity/decision-text.js';
import { formatNumber } from '../../text/number.js';
import { basesUsed, type FleetCapacity, type ServiceCapacity } from '../../analysis/capacity.js';
import { capacityRow, type CapacityRow, type EstimateRow } from '../capacity/rows.js';
import type { LanguageRange } from '../../types.js';
import type { LintResult } from '../../lint.js';
import { escapeHtml } from './escape.js';
import { countOf } from '../../text/count.js';

/** The decision framework's reasons, as a reader of the table needs them. */

const headers = [
  'Service',
  'Language',
  'Workload',
  'Declared req/s',
  'Effective req/s',
  'Recommended',
  'Instances',
  'Memory MB',
  'Image MB',
];

/** The capacity section in pieces, a table row per piece. */
export function* capacitySectionPieces(result: LintResult): Generator<string> {
  yield '<section id="capacity" aria-labelledby="capacity-heading">\n<h2 id="capacity-heading">Capacity and cost</h2>\n';
  const { services, totals } = result.analysis.capacity();
  if (services.length === 0) {
    yield '<p class="empty">No services to estimate.</p>\n';
  } else {
    const headerCells = headers.map((label) => `<th scope="col">${label}</th>`).join('');
    yield `<div class="table-scroll"><table class="capacity">\n<thead><tr>${headerCells}</tr></thead>\n<tbody>\n`;
    for (const capacity of services) yield `${capacityRowHtml(capacityRow(capacity))}\n`;
    yield `</tbody>\n<tfoot>${fleetTotalRow(totals)}</tfoot>\n</table></div>\n`;
    yield `${basisList(services)}\n`;
  }
  yield '</section>';
}

function fleetTotalRow(totals: FleetCapacity['totals']): string {
  const { servicesCompared, declared, recommended } = totals;
  const fleetLabel = `Fleet total (${countOf(servicesCompared, 'service')} with both estimates)`;
  return (
    `<tr><th scope="row" colspan="6">${fleetLabel}</th>` +
    `<td class="number">${change(formatNumber(declared.instances), formatNumber(recommended.instances))}</td>` +
    `<td class="number">${change(formatNumber(declared.memoryMb), formatNumber(recommended.memoryMb))}</td>` +
    `<td class="number">${change(rangeText(declared.imageMb), rangeText(recommended.imageMb))}</td></tr>`
  );
}

function capacityRowHtml(row: CapacityRow): string {
  const reason = describeDecision(row.recommended.reason);
  const recommendation =
    `<strong>${escapeHtml(row.recommended.name)}</strong>` +
    ` <span class="decision">Q${row.recommended.question}: ${escapeHtml(reason)}</span>`;
  const moves = row.language !== row.recommended.language ? ' class="moves"' : '';
  const cells = [
    `<th scope="row">${escapeHtml(row.service)}${row.caveat ? ` <span class="caveat" title="${escapeHtml(row.caveat)}">*</span>` : ''}</th>`,
    `<td>${escapeHtml(row.languageName)}</td>`,
    `<td>${escapeHtml(row.workload)}</td>`,
    `<td class="number">${row.declaredRps === null ? '–' : formatNumber(row.declaredRps)}</td>`,
    `<td class="number">${formatNumber(row.effectiveRps)}</td>`,
    `<td${moves}>${recommendation}</td>`,
    `<td class="number">${estimateChange(row, (estimate) => formatNumber(estimate.instances))}</td>`,
    `<td class="number">${estimateChange(row, (estimate) => formatNumber(estimate.memoryMb))}</td>`,
    `<td class="number">${estimateChange(row, (estimate) => rangeText(estimate.imageMb))}</td>`,
  ];
  return `<tr data-service="${escapeHtml(row.service)}">${cells.join('')}</tr>`;
}

/** `now → recommended`, or one figure when the recommendation keeps the language; a dash without estimates. */
function estimateChange(row: CapacityRow, pick: (estimate: EstimateRow) => string): string {
  const { declaredEstimate: now, recommendedEstimate: then } = row;
  if (!now && !then) return '–';
  if (now && then && now.language === then.language) return escapeHtml(pick(now));
  return change(now ? pick(now) : '–', then ? pick(then) : '–');
}

function change(from: string, to: string): string {
  return from === to ? escapeHtml(from) : `${escapeHtml(from)} → ${escapeHtml(to)}`;
}

function rangeText(range: LanguageRange): string {
  return `${formatNumber(range.min)}–${formatNumber(range.max)}`;
}

function basisList(services: readonly ServiceCapacity[]): string {
  const items = [...basesUsed(services).values()].map(
    (figures) =>
      `<li><strong>${escapeHtml(figures.benchmarkLabel)}</strong>: ${formatNumber(figures.throughputRps)} req/s and ` +
      `${formatNumber(figures.memoryMb)} MB per instance, images of ${rangeText(figures.imageMb)} MB ` +
      `<cite>${escapeHtml(figures.source)}</cite></li>`,
  );
  return [
    '<div class="basis">',
    '<p>Instances = effective peak ÷ per-instance throughput, rounded up; memory = instances × per-instance memory; image = one container image of the language. Services without a traffic figure or a language profile have no estimate. The per-instance figures come from a JSON API benchmark: for ML model serving (marked *) they are not model inference figures. Figures used:</p>',
    items.length > 0 ? `<ul>\n${items.join('\n')}\n</ul>` : '<p>None: no service has an estimate.</p>',
    '</div>',
  ].join('\n');
}
