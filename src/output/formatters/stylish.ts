import { Chalk } from 'chalk';
import { compareText } from '../../text/compare.js';
import { countOf } from '../../text/count.js';
import { terminalSafe, terminalSafePath } from '../../text/terminal.js';
import type { Finding, ResolvedRule, Severity } from '../../types.js';
import type { LintResult } from '../../lint.js';
import { toSingleLine } from './compact.js';
import { joinedPieces } from './pieces.js';
import type { FormatContext, Formatter } from './types.js';
import type { OutputFormat } from '../format.js';

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}

/**
 * Human output: findings grouped by file with position, severity, message, rule id and the remediation; a line per
 * piece.
 */
export function* formatStylishPieces(result: LintResult, context: FormatContext): Generator<string> {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const paint = {
    error: chalk.red,
    warning: chalk.yellow,
    info: chalk.blue,
  } as const satisfies Record<Severity, (text: string) => string>;
  const line = (text: string) => `${text}\n`;
  const ruleIds = new Set<string>();
  for (const [file, findings] of groupByFile(result.findings)) {
    yield line(chalk.underline(terminalSafePath(file)));
    for (const finding of findings) {
      const position = `${finding.line}:${finding.column}`.padEnd(7);
      const severity = paint[finding.severity](finding.severity.padEnd(7));
      yield line(`  ${chalk.dim(position)} ${severity} ${terminalSafe(toSingleLine(finding.message))}  ${chalk.dim(finding.ruleId)}`);
      ruleIds.add(finding.ruleId);
    }
    yield line('');
  }
  // Each rule's fix once, after the findings: nine manifest-schema findings need one explanation, not nine.
  const fixes = result.rules.filter((rule: ResolvedRule) => ruleIds.has(rule.id)).sort((a, b) => compareText(a.id, b.id));
  if (fixes.length > 0) {
    yield line('How to fix:');
    for (const rule of fixes) yield line(`  ${rule.id}\n    ${chalk.dim(toSingleLine(rule.remediation))}`);
    yield line('');
  }

  const { errors, warnings, infos, files, services, skipped } = result.summary;
  const problems = errors + warnings + infos;
  const skippedFiles = skipped > 0 ? `; ${countOf(skipped, 'file')} skipped as not svc-lint's, --debug lists them` : '';
  const scope = `${countOf(files, 'file')}, ${countOf(services, 'service')}${skippedFiles}`;
  const hidden = hiddenText(context.hidden);
  if (problems === 0) {
    const none = context.hidden === undefined ? 'no problems' : context.hidden.warnings > 0 ? 'no errors' : 'no errors or warnings';
    yield line(chalk.green(`✔ ${none} (${scope})${hidden === '' ? '' : `; ${hidden}`}`));
  } else {
    const fails = context.fails ?? errors > 0;
    const mark = fails ? chalk.red.bold('✖') : warnings > 0 ? chalk.yellow.bold('⚠') : chalk.blue.bold('ℹ');
    const counts = `${countOf(errors, 'error')}, ${countOf(warnings, 'warning')}, ${countOf(infos, 'info')}`;
    yield line(`${mark} ${countOf(problems, 'problem')} (${counts}) in ${scope}${hidden === '' ? '' : `; ${hidden}`}`);
  }
  const exempted = [
    ...(result.summary.suppressed > 0 ? [`${result.summary.suppressed} suppressed`] : []),
    ...(result.summary.baselined > 0 ? [`${result.summary.baselined} already in the baseline`] : []),
  ];
  if (exempted.length > 0) yield line(chalk.dim(`  not counted: ${exempted.join(', ')}`));
  const fixed = result.fixed ?? [];
  if (fixed.length > 0) {
    const entries = fixed.map((entry) => `${entry.rule} in ${entry.file} (×${entry.count})`).join(', ');
    yield line(chalk.green(`  fixed since the baseline: ${terminalSafe(entries)}`));
    yield line(chalk.dim('  run svc-lint baseline --prune to drop them from the baseline'));
  }
}

/** "3 warnings and 1 info not shown (--quiet)", or nothing when `--quiet` hid nothing. */
function hiddenText(hidden: FormatContext['hidden']): string {
  if (!hidden) return '';
  const parts = [...(hidden.warnings > 0 ? [countOf(hidden.warnings, 'warning')] : []), ...(hidden.infos > 0 ? [countOf(hidden.infos, 'info')] : [])];
  return parts.length === 0 ? '' : `${parts.join(' and ')} not shown (--quiet)`;
}

export const formatStylish: Formatter = joinedPieces(formatStylishPieces);

export const stylishFormat = {
  name: 'stylish',
  description: 'for a terminal: findings by file, then each rule\'s fix once',
  commands: ['lint'],
  showsExemptions: false,
  render: formatStylishPieces,
} as const satisfies OutputFormat;
