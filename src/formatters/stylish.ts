import { Chalk } from 'chalk';
import { countOf } from '../text/count.js';
import type { Finding, LintResult, ResolvedRule, Severity } from '../types.js';
import { toSingleLine } from './compact.js';
import type { FormatContext } from './types.js';

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}

/** Human output: findings grouped by file with position, severity, message, rule id and the remediation. */
export function formatStylish(result: LintResult, context: FormatContext): string {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const paint = {
    error: chalk.red,
    warning: chalk.yellow,
    info: chalk.blue,
  } as const satisfies Record<Severity, (text: string) => string>;
  const remediationOf = new Map<string, string>(result.rules.map((rule: ResolvedRule) => [rule.id, rule.remediation]));

  const lines: string[] = [];
  for (const [file, findings] of groupByFile(result.findings)) {
    lines.push(chalk.underline(file));
    for (const finding of findings) {
      const position = `${finding.line}:${finding.column}`.padEnd(7);
      const severity = paint[finding.severity](finding.severity.padEnd(7));
      lines.push(`  ${chalk.dim(position)} ${severity} ${toSingleLine(finding.message)}  ${chalk.dim(finding.ruleId)}`);
      const remediation = remediationOf.get(finding.ruleId);
      if (remediation) lines.push(`  ${' '.repeat(15)} ${chalk.dim(`fix: ${toSingleLine(remediation)}`)}`);
    }
    lines.push('');
  }

  const { errors, warnings, infos, files, services } = result.summary;
  const problems = errors + warnings + infos;
  const scope = `${countOf(files, 'file')}, ${countOf(services, 'service')}`;
  if (problems === 0) {
    lines.push(chalk.green(`✔ no problems (${scope})`));
  } else {
    const mark = errors > 0 ? chalk.red.bold('✖') : warnings > 0 ? chalk.yellow.bold('⚠') : chalk.blue.bold('ℹ');
    const counts = `${countOf(errors, 'error')}, ${countOf(warnings, 'warning')}, ${countOf(infos, 'info')}`;
    lines.push(`${mark} ${countOf(problems, 'problem')} (${counts}) in ${scope}`);
  }
  const exempted = [
    ...(result.summary.suppressed > 0 ? [`${result.summary.suppressed} suppressed`] : []),
    ...(result.summary.baselined > 0 ? [`${result.summary.baselined} already in the baseline`] : []),
  ];
  if (exempted.length > 0) lines.push(chalk.dim(`  not counted: ${exempted.join(', ')}`));
  const fixed = result.fixed ?? [];
  if (fixed.length > 0) {
    lines.push(chalk.green(`  fixed since the baseline: ${fixed.map((entry) => `${entry.rule} in ${entry.file} (×${entry.count})`).join(', ')}`));
    lines.push(chalk.dim('  run svc-lint baseline --prune to drop them from the baseline'));
  }
  return `${lines.join('\n')}\n`;
}
