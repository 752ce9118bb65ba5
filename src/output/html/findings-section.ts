import { severities, type Finding, type ResolvedRule } from '../../types.js';
import { type LintResult } from '../../lint.js';
import { inPieces, jsonPieces } from '../../io/json-pieces.js';
import { mapped } from '../formatters/pieces.js';
import { escapeForScript, escapeHtml } from './escape.js';
import { findingStatuses, statusOf, statusText, type FindingStatus } from './finding-status.js';

/** What the page's script sorts and filters by, one entry per table row (`data-index`). */
export interface FindingRowData {
  file: string;
  line: number;
  column: number;
  severity: Finding['severity'];
  rule: string;
  service: string;
  message: string;
  status: FindingStatus;
}

export const findingsDataId = 'findings-data';

const columns: { key: string; label: string }[] = [
  { key: 'location', label: 'Location' },
  { key: 'severity', label: 'Severity' },
  { key: 'rule', label: 'Rule' },
  { key: 'service', label: 'Service' },
  { key: 'message', label: 'Message' },
  { key: 'status', label: 'Status' },
];

/** The findings section in pieces: a table row per piece, and the rows' data for the script in pieces too. */
export function* findingsSectionPieces(result: LintResult): Generator<string> {
  const { findings } = result;
  yield '<section id="findings" aria-labelledby="findings-heading">\n<h2 id="findings-heading">Findings</h2>\n';
  if (findings.length === 0) {
    yield '<p class="empty">No problems found.</p>\n';
  } else {
    yield `${filters(findings)}\n`;
    yield* tablePieces(findings, result.rules);
    yield `${rulesWithFindings(findings, result.rules)}\n`;
  }
  yield '</section>';
}

function filters(findings: readonly Finding[]): string {
  const checkbox = (name: string, value: string, count: number) =>
    `<label><input type="checkbox" name="${name}" value="${value}" checked> ${value} <span class="count">${count}</span></label>`;
  const count = <T>(pick: (finding: Finding) => T, value: T) => findings.filter((finding) => pick(finding) === value).length;
  const statuses = findingStatuses.filter((status) => status === 'counted' || count(statusOf, status) > 0);
  return [
    '<form class="filters" role="search" aria-label="Filter findings">',
    '<fieldset><legend>Severity</legend>',
    ...severities.map((severity) => checkbox('severity', severity, count((finding) => finding.severity, severity))),
    '</fieldset>',
    '<fieldset><legend>Status</legend>',
    ...statuses.map((status) => checkbox('status', status, count(statusOf, status))),
    '</fieldset>',
    '<label class="text-filter">Contains <input type="search" name="text" placeholder="file, rule, service or message" autocomplete="off"></label>',
    `<output class="shown-count" aria-live="polite">${findings.length} of ${findings.length} shown</output>`,
    '</form>',
  ].join('\n');
}

function* tablePieces(findings: readonly Finding[], rules: readonly ResolvedRule[]): Generator<string> {
  const descriptions = new Map(rules.map((rule) => [rule.id, rule.description]));
  const header = columns
    .map(({ key, label }) => `<th scope="col" data-sort="${key}" aria-sort="none"><button type="button">${label}</button></th>`)
    .join('');
  yield `<div class="table-scroll"><table class="findings">\n<thead><tr>${header}</tr></thead>\n<tbody>\n`;
  for (const [index, finding] of findings.entries()) yield `${findingRow(finding, index, descriptions.get(finding.ruleId))}\n`;
  yield `</tbody>\n</table></div>\n<script type="application/json" id="${findingsDataId}">`;
  const data = mapped(findings, (finding): FindingRowData => ({
    file: finding.file,
    line: finding.line,
    column: finding.column,
    severity: finding.severity,
    rule: finding.ruleId,
    service: finding.service ?? '',
    message: finding.message,
    status: statusOf(finding),
  }));
  // The escapes replace single characters, so escaping piece by piece escapes the whole text.
  for (const piece of jsonPieces(inPieces(data), 0)) if (piece !== '\n') yield escapeForScript(piece);
  yield '</script>\n';
}

function findingRow(finding: Finding, index: number, ruleDescription: string | undefined): string {
  const status = statusOf(finding);
  const location = `${finding.file}:${finding.line}:${finding.column}`;
  const ruleTitle = ruleDescription === undefined ? '' : ` title="${escapeHtml(ruleDescription)}"`;
  const cells = [
    `<td class="location">${escapeHtml(location)}</td>`,
    `<td><span class="severity severity-${finding.severity}">${finding.severity}</span></td>`,
    `<td class="rule"${ruleTitle}><a href="#rule-${escapeHtml(finding.ruleId)}">${escapeHtml(finding.ruleId)}</a></td>`,
    `<td class="service">${escapeHtml(finding.service ?? '')}</td>`,
    `<td class="message">${escapeHtml(finding.message)}</td>`,
    `<td class="status">${escapeHtml(statusText(finding))}</td>`,
  ];
  return `<tr data-index="${index}" data-severity="${finding.severity}" data-status="${status}" class="status-${status}">${cells.join('')}</tr>`;
}

function rulesWithFindings(findings: readonly Finding[], rules: readonly ResolvedRule[]): string {
  const used = new Set(findings.map((finding) => finding.ruleId));
  const entries = rules
    .filter((rule) => used.has(rule.id))
    .map((rule) =>
      [
        `<div class="rule-entry" id="rule-${escapeHtml(rule.id)}">`,
        `<dt><code>${escapeHtml(rule.id)}</code> <span class="severity severity-${rule.severity}">${rule.severity}</span></dt>`,
        `<dd><p>${escapeHtml(rule.description)}</p><p><strong>Fix:</strong> ${escapeHtml(rule.remediation)}</p></dd>`,
        '</div>',
      ].join(''),
    );
  if (entries.length === 0) return '';
  return `<h3>Rules with findings</h3>\n<dl class="rules">\n${entries.join('\n')}\n</dl>`;
}
