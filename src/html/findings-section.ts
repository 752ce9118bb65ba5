import { severities, type Finding, type LintResult, type ResolvedRule } from '../types.js';
import { escapeHtml, jsonForScript } from './escape.js';
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

export function findingsSection(result: LintResult): string {
  const { findings } = result;
  const body =
    findings.length === 0
      ? '<p class="empty">No problems found.</p>'
      : [filters(findings), table(findings, result.rules), rulesWithFindings(findings, result.rules)].join('\n');
  return `<section id="findings" aria-labelledby="findings-heading">\n<h2 id="findings-heading">Findings</h2>\n${body}\n</section>`;
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

function table(findings: readonly Finding[], rules: readonly ResolvedRule[]): string {
  const descriptions = new Map(rules.map((rule) => [rule.id, rule.description]));
  const header = columns
    .map(({ key, label }) => `<th scope="col" data-sort="${key}" aria-sort="none"><button type="button">${label}</button></th>`)
    .join('');
  const rows = findings.map((finding, index) => findingRow(finding, index, descriptions.get(finding.ruleId)));
  const data: FindingRowData[] = findings.map((finding) => ({
    file: finding.file,
    line: finding.line,
    column: finding.column,
    severity: finding.severity,
    rule: finding.ruleId,
    service: finding.service ?? '',
    message: finding.message,
    status: statusOf(finding),
  }));
  return [
    '<div class="table-scroll"><table class="findings">',
    `<thead><tr>${header}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table></div>',
    `<script type="application/json" id="${findingsDataId}">${jsonForScript(data)}</script>`,
  ].join('\n');
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
