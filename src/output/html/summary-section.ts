import type { LintResult } from '../../lint.js';
import { escapeHtml } from './escape.js';

export function summarySection(result: LintResult): string {
  const { summary } = result;
  const figures: { label: string; value: number; className: string }[] = [
    { label: summary.errors === 1 ? 'error' : 'errors', value: summary.errors, className: 'errors' },
    { label: summary.warnings === 1 ? 'warning' : 'warnings', value: summary.warnings, className: 'warnings' },
    { label: 'info', value: summary.infos, className: 'infos' },
    { label: summary.files === 1 ? 'file' : 'files', value: summary.files, className: 'files' },
    { label: summary.services === 1 ? 'service' : 'services', value: summary.services, className: 'services' },
    { label: 'suppressed', value: summary.suppressed, className: 'suppressed' },
    { label: 'baselined', value: summary.baselined, className: 'baselined' },
  ];
  const tiles = figures.map(
    ({ label, value, className }) =>
      `<div class="figure ${className}" data-figure="${className}"><span class="value">${value}</span> <span class="label">${label}</span></div>`,
  );
  const fixed = result.fixed ?? [];
  const extras = [
    // The notes already name every path or glob that matched nothing.
    ...result.notes.map((note) => `<li>${escapeHtml(note)}</li>`),
    ...(fixed.length > 0 ? [`<li>${fixed.length} baseline ${fixed.length === 1 ? 'entry no longer occurs' : 'entries no longer occur'}</li>`] : []),
  ];
  return [
    '<section id="summary" aria-labelledby="summary-heading">',
    '<h2 id="summary-heading">Summary</h2>',
    '<p class="scope">Counts leave out suppressed and baselined findings; the table below shows them all.</p>',
    `<div class="figures">\n${tiles.join('\n')}\n</div>`,
    ...(extras.length > 0 ? [`<ul class="notes">\n${extras.join('\n')}\n</ul>`] : []),
    '</section>',
  ].join('\n');
}
