import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../types.js';
import { applyInlineSuppressions } from './inline.js';
import { parseDirectives } from '../sources/manifest/directives.js';

function finding(ruleId: string, line: number): RawFinding {
  return {
    ruleId,
    messageId: 'default',
    data: {},
    file: 'services/search.yaml',
    service: 'legacy-search',
    range: { line, column: 3, endLine: line, endColumn: 10 },
  };
}

const manifest = (directive: string) =>
  [
    'apiVersion: svc-lint/v1',
    'kind: Service',
    'metadata:',
    '  name: legacy-search',
    'spec:',
    `  ${directive}`,
    '  language: python',
    '  workload: api',
  ].join('\n');

function run(text: string, findings: RawFinding[], today = '2027-01-15', allowInline = true) {
  return applyInlineSuppressions(findings, parseDirectives(text), { file: 'services/search.yaml', today, allowInline });
}

describe('applyInlineSuppressions', () => {
  it('suppresses the named rule on the next line only, keeping the finding visible', () => {
    const text = manifest('# svc-lint-disable-next-line hot-path-throughput -- rewrite tracked in PLAT-123');
    const result = run(text, [finding('hot-path-throughput', 7), finding('hot-path-throughput', 8), finding('team-language', 7)]);
    expect(result.findings.map((item) => item.suppressed)).toEqual([
      { kind: 'inline', reason: 'rewrite tracked in PLAT-123' },
      undefined,
      undefined,
    ]);
    expect(result.problems).toEqual([]);
  });

  it('suppresses several rules of one directive and reports the one that matched nothing', () => {
    const text = manifest('# svc-lint-disable-next-line hot-path-throughput, team-language, latency-budget -- legacy');
    const result = run(text, [finding('hot-path-throughput', 7), finding('team-language', 7)]);
    expect(result.findings.every((item) => item.suppressed?.reason === 'legacy')).toBe(true);
    expect(result.problems).toEqual([
      {
        ruleId: 'unused-suppression',
        messageId: 'default',
        data: { directive: 'svc-lint-disable-next-line', rule: 'latency-budget' },
        file: 'services/search.yaml',
        range: { line: 6, column: 3, endLine: 6, endColumn: 92 },
      },
    ]);
  });

  it('covers the whole document with the document-level form', () => {
    const text = `# svc-lint-disable hot-path-throughput until 2027-03-31 -- rewrite tracked in PLAT-123\n${manifest('')}\n---\nname: other\n`;
    const result = run(text, [finding('hot-path-throughput', 3), finding('hot-path-throughput', 9), finding('hot-path-throughput', 11)]);
    expect(result.findings.map((item) => item.suppressed)).toEqual([
      { kind: 'inline', reason: 'rewrite tracked in PLAT-123', expires: '2027-03-31' },
      { kind: 'inline', reason: 'rewrite tracked in PLAT-123', expires: '2027-03-31' },
      undefined,
    ]);
  });

  it('does not suppress without a reason, reports suppression-reason and not unused-suppression', () => {
    const text = manifest('# svc-lint-disable-next-line hot-path-throughput');
    const result = run(text, [finding('hot-path-throughput', 7)]);
    expect(result.findings[0]?.suppressed).toBeUndefined();
    expect(result.problems).toEqual([
      {
        ruleId: 'suppression-reason',
        messageId: 'default',
        data: { directive: 'svc-lint-disable-next-line', rules: 'hot-path-throughput' },
        file: 'services/search.yaml',
        range: { line: 6, column: 3, endLine: 6, endColumn: 51 },
      },
    ]);
  });

  describe('expiry', () => {
    const text = manifest('# svc-lint-disable-next-line hot-path-throughput until 2027-03-31 -- PLAT-123');

    it.each(['2027-03-30', '2027-03-31'])('still suppresses on %s', (today) => {
      const result = run(text, [finding('hot-path-throughput', 7)], today);
      expect(result.findings[0]?.suppressed).toEqual({ kind: 'inline', reason: 'PLAT-123', expires: '2027-03-31' });
      expect(result.problems).toEqual([]);
    });

    it('stops suppressing the day after and reports suppression-expired at the directive', () => {
      const result = run(text, [finding('hot-path-throughput', 7)], '2027-04-01');
      expect(result.findings[0]?.suppressed).toBeUndefined();
      expect(result.problems).toEqual([
        {
          ruleId: 'suppression-expired',
          messageId: 'default',
          data: { directive: 'svc-lint-disable-next-line', rules: 'hot-path-throughput', until: '2027-03-31', today: '2027-04-01' },
          file: 'services/search.yaml',
          range: { line: 6, column: 3, endLine: 6, endColumn: 80 },
        },
      ]);
    });

    it('reports an expired directive that no longer matches anything as expired, not unused', () => {
      const result = run(text, [], '2027-04-01');
      expect(result.problems.map((problem) => problem.ruleId)).toEqual(['suppression-expired']);
    });
  });

  it('reports a directive that suppresses nothing', () => {
    const result = run(manifest('# svc-lint-disable-next-line hot-path-throughput -- legacy'), [finding('hot-path-throughput', 8)]);
    expect(result.problems.map((problem) => [problem.ruleId, problem.data.rule, problem.range.line])).toEqual([
      ['unused-suppression', 'hot-path-throughput', 6],
    ]);
  });

  it('credits the next-line directive when a document-level one covers the same finding', () => {
    const text = `# svc-lint-disable hot-path-throughput -- whole service\n${manifest('# svc-lint-disable-next-line hot-path-throughput -- this line')}`;
    const result = run(text, [finding('hot-path-throughput', 8)]);
    expect(result.findings[0]?.suppressed?.reason).toBe('this line');
    expect(result.problems.map((problem) => [problem.ruleId, problem.range.line])).toEqual([['unused-suppression', 1]]);
  });

  it('reports malformed directives as unused-suppression/malformed', () => {
    const result = run(manifest('# svc-lint-disable-next-line hot-path-throughput until 2027-02-30 -- PLAT-123'), [finding('hot-path-throughput', 7)]);
    expect(result.findings[0]?.suppressed).toBeUndefined();
    expect(result.problems).toEqual([
      {
        ruleId: 'unused-suppression',
        messageId: 'malformed',
        data: { problem: '"2027-02-30" is not a date (YYYY-MM-DD)' },
        file: 'services/search.yaml',
        range: { line: 6, column: 3, endLine: 6, endColumn: 80 },
      },
    ]);
  });

  it('ignores every directive when inline suppressions are not allowed', () => {
    const text = manifest('# svc-lint-disable-next-line hot-path-throughput until 2020-01-01');
    const result = run(text, [finding('hot-path-throughput', 7)], '2027-01-15', false);
    expect(result).toEqual({ findings: [finding('hot-path-throughput', 7)], problems: [] });
  });

  it('leaves a finding that is already suppressed alone', () => {
    const waived = { ...finding('hot-path-throughput', 7), suppressed: { kind: 'waiver' as const, reason: 'PLAT-9', owner: 'team-search' } };
    const result = run(manifest('# svc-lint-disable-next-line hot-path-throughput -- legacy'), [waived]);
    expect(result.findings).toEqual([waived]);
    expect(result.problems.map((problem) => problem.ruleId)).toEqual(['unused-suppression']);
  });
});
