import { SvcLintError } from '../errors.js';
import type { ActiveRule } from '../ruleset/resolve.js';
import { didYouMean } from '../text/closest.js';
import { compareText } from '../text/compare.js';
import type { ResolvedRule, SeverityOrOff } from '../types.js';

function indent(text: string, prefix = '  '): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => (line === '' ? '' : prefix + line))
    .join('\n');
}

function sortedRules(rules: readonly ActiveRule[]): ResolvedRule[] {
  return rules.map(({ rule }) => rule).sort((a, b) => compareText(a.id, b.id));
}

function severityOf(rule: ResolvedRule): SeverityOrOff {
  return rule.enabled ? rule.severity : 'off';
}

export function formatRuleList(rules: readonly ActiveRule[]): string {
  const width = Math.max(...rules.map(({ rule }) => rule.id.length));
  const lines = sortedRules(rules).map((rule) => `${rule.id.padEnd(width)}  ${severityOf(rule).padEnd(7)}  ${rule.description}`);
  return `${lines.join('\n')}\n`;
}

/** `svc-lint rules --format json`: one object per rule, sorted by id, for tools. */
export function formatRuleListJson(rules: readonly ActiveRule[]): string {
  const list = sortedRules(rules).map((rule) => ({ id: rule.id, severity: severityOf(rule), template: rule.template, description: rule.description }));
  return `${JSON.stringify(list)}\n`;
}

export const ruleListFormats = { text: formatRuleList, json: formatRuleListJson } satisfies Record<string, (rules: readonly ActiveRule[]) => string>;

export function explainRule(rules: readonly ActiveRule[], id: string | undefined): string {
  if (!id) throw new SvcLintError('usage', 'explain needs a rule id: svc-lint explain <rule-id> (svc-lint rules lists them)');
  const entry = rules.find(({ rule }) => rule.id === id);
  if (!entry) {
    throw new SvcLintError('usage', `unknown rule id "${id}"${didYouMean(id, rules.map(({ rule }) => rule.id))}`);
  }
  const { rule } = entry;
  const sections = [
    `${rule.id} (${severityOf(rule)}, template ${rule.template}, from ${rule.source})`,
    '',
    indent(rule.description),
    '',
    'Why:',
    indent(rule.rationale),
    '',
    'How to fix:',
    indent(rule.remediation),
  ];
  if (Object.keys(rule.params).length > 0) {
    sections.push('', 'Params:', indent(JSON.stringify(rule.params, null, 2)));
  }
  if (rule.example) sections.push('', 'Example that triggers it:', indent(rule.example, '    '));
  return `${sections.join('\n')}\n`;
}
