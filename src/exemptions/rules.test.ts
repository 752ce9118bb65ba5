import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../ruleset/messages.js';
import type { RawFinding } from '../types.js';
import { applyInlineSuppressions } from './inline.js';
import { parseDirectives } from '../sources/manifest/directives.js';
import { suppressionRuleIds, waiverRuleIds } from './types.js';
import { applyWaivers } from './waivers.js';

interface RuleFile {
  id: string;
  template: string;
  params: Record<string, unknown>;
  messages: Record<string, string>;
}

const readRule = (id: string) =>
  parse(readFileSync(new URL(`../../rules/${id}.yaml`, import.meta.url), 'utf8')) as RuleFile;

const hotPath: RawFinding = {
  ruleId: 'hot-path-throughput',
  messageId: 'default',
  data: {},
  file: 'a.yaml',
  service: 'legacy-search',
  range: { line: 3, column: 1, endLine: 3, endColumn: 5 },
};

const text = [
  '# svc-lint-disable-next-line team-language',
  '# svc-lint-disable-next-line latency-budgte, made-up-rule -- typos',
  '# svc-lint-disable-next-line latency-budget until 2020-01-01 -- PLAT-1',
  '# svc-lint-disable-next-line latency-budget -- PLAT-2',
  '# svc-lint-enable latency-budget',
  'name: legacy-search',
].join('\n');

const problems = [
  ...applyInlineSuppressions([hotPath], parseDirectives(text), {
    file: 'a.yaml',
    today: '2027-01-15',
    allowInline: true,
    knownRuleIds: ['team-language', 'latency-budget', 'hot-path-throughput'],
  }).problems,
  ...applyWaivers(
    [],
    [
      { rule: 'hot-path-throughput', services: ['a'], reason: 'r', owner: 'o', expires: '2027-01-01' },
      { rule: 'hot-path-throughput', services: ['a'], reason: 'r', owner: 'o', expires: '2027-01-20' },
      { rule: 'hot-path-throughput', services: ['legacy-serch', 'billing-*'], reason: 'r', owner: 'o', expires: '2027-06-01' },
    ],
    {
      today: '2027-01-15',
      expiringWithinDays: readRule('waiver-expiring').params.withinDays as number,
      serviceNames: ['a', 'legacy-search'],
      configFile: '.svc-lint.yaml',
      // Waiver i on line i + 1 of the config, entry j of its services in column j + 1.
      waiverRange: (waiverIndex, serviceIndex) => ({ line: waiverIndex + 1, column: (serviceIndex ?? 0) + 1, endLine: waiverIndex + 1, endColumn: 20 }),
    },
  ).problems,
];

describe('the built-in declarations of the suppression and waiver rules', () => {
  it.each([...suppressionRuleIds, ...waiverRuleIds])('%s is reported by the engine and every message it reports renders completely', (id) => {
    const rule = readRule(id);
    expect(rule.id).toBe(id);
    expect(rule.template).toBe('engine');
    const reported = problems.filter((problem) => problem.ruleId === id);
    expect(reported.length).toBeGreaterThan(0);
    for (const problem of reported) {
      const template = rule.messages[problem.messageId];
      expect(template, `${id} declares message ${problem.messageId}`).toBeDefined();
      expect(renderMessage(template ?? '', problem.data)).not.toMatch(/\{\{/);
    }
  });

  it('names a misspelt rule id in a directive with the close one, and an unknown one without', () => {
    const unknown = problems.filter((problem) => problem.messageId.startsWith('unknownRule'));
    expect(unknown.map((problem) => [problem.messageId, problem.data])).toEqual([
      ['unknownRuleDidYouMean', { directive: 'svc-lint-disable-next-line', rule: 'latency-budgte', suggestions: 'latency-budget' }],
      ['unknownRule', { directive: 'svc-lint-disable-next-line', rule: 'made-up-rule' }],
    ]);
  });

  it('reports each waiver entry that matches no service, at the entry, with close names for a plain name', () => {
    const unused = problems.filter((problem) => problem.ruleId === 'unused-waiver');
    expect(unused).toEqual([
      { ruleId: 'unused-waiver', messageId: 'didYouMean', data: { rule: 'hot-path-throughput', pattern: 'legacy-serch', suggestions: 'legacy-search' }, file: '.svc-lint.yaml', range: { line: 3, column: 1, endLine: 3, endColumn: 20 } },
      { ruleId: 'unused-waiver', messageId: 'default', data: { rule: 'hot-path-throughput', pattern: 'billing-*' }, file: '.svc-lint.yaml', range: { line: 3, column: 2, endLine: 3, endColumn: 20 } },
    ]);
  });

  it('reports the malformed message from unused-suppression', () => {
    expect(problems.filter((problem) => problem.messageId === 'malformed').map((problem) => problem.ruleId)).toEqual(['unused-suppression']);
  });
});
