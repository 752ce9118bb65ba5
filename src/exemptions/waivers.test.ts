import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../types.js';
import { applyWaivers } from './waivers.js';
import { waiverDateProblem, type Waiver } from '../config/waivers.js';

function finding(ruleId: string, service: string | undefined): RawFinding {
  return {
    ruleId,
    messageId: 'default',
    data: {},
    file: `services/${service ?? 'broken'}.yaml`,
    ...(service ? { service } : {}),
    range: { line: 7, column: 13, endLine: 7, endColumn: 19 },
  };
}

/** Waiver i sits on line i + 2 of the config, as a stand-in for the config's own ranges. */
const waiverRange = (waiverIndex: number) => ({ line: waiverIndex + 2, column: 5, endLine: waiverIndex + 2, endColumn: 9 });

const searchWaiver: Waiver = {
  rule: 'hot-path-throughput',
  services: ['legacy-search', 'billing-*'],
  reason: 'Rewrite in Go tracked in PLAT-123',
  owner: 'team-search',
  expires: '2027-03-31',
};

const options = { today: '2027-01-15', expiringWithinDays: 30, configFile: '.svc-lint.yaml', waiverRange };

describe('applyWaivers', () => {
  it('waives the rule for named and globbed services only', () => {
    const findings = [
      finding('hot-path-throughput', 'legacy-search'),
      finding('hot-path-throughput', 'billing-api'),
      finding('hot-path-throughput', 'payments'),
      finding('team-language', 'legacy-search'),
      finding('hot-path-throughput', undefined),
    ];
    const result = applyWaivers(findings, [searchWaiver], options);
    const waived = { kind: 'waiver', reason: 'Rewrite in Go tracked in PLAT-123', owner: 'team-search', expires: '2027-03-31' };
    expect(result.findings.map((item) => item.suppressed)).toEqual([waived, waived, undefined, undefined, undefined]);
    expect(result.problems).toEqual([]);
  });

  it('does not replace an inline suppression', () => {
    const inline = { ...finding('hot-path-throughput', 'legacy-search'), suppressed: { kind: 'inline' as const, reason: 'here' } };
    expect(applyWaivers([inline], [searchWaiver], options).findings).toEqual([inline]);
  });

  it('still applies on its last day and warns that it is expiring', () => {
    const result = applyWaivers([finding('hot-path-throughput', 'legacy-search')], [searchWaiver], { ...options, today: '2027-03-31' });
    expect(result.findings[0]?.suppressed?.kind).toBe('waiver');
    expect(result.problems).toEqual([
      {
        ruleId: 'waiver-expiring',
        messageId: 'default',
        data: { rule: 'hot-path-throughput', services: 'legacy-search, billing-*', owner: 'team-search', expires: '2027-03-31', days: 0 },
        file: '.svc-lint.yaml',
        range: waiverRange(0),
      },
    ]);
  });

  it('stops applying the day after it expires and reports it with its index', () => {
    const other: Waiver = { ...searchWaiver, rule: 'team-language', expires: '2028-01-01' };
    const result = applyWaivers([finding('hot-path-throughput', 'legacy-search')], [other, searchWaiver], { ...options, today: '2027-04-01' });
    expect(result.findings[0]?.suppressed).toBeUndefined();
    expect(result.problems).toEqual([
      {
        ruleId: 'waiver-expired',
        messageId: 'default',
        data: {
          rule: 'hot-path-throughput',
          services: 'legacy-search, billing-*',
          owner: 'team-search',
          expires: '2027-03-31',
          today: '2027-04-01',
        },
        file: '.svc-lint.yaml',
        range: waiverRange(1),
      },
    ]);
  });

  it.each([
    ['2027-02-28', 31, []],
    ['2027-03-01', 30, ['waiver-expiring']],
    ['2027-03-24', 7, ['waiver-expiring']],
  ])('on %s, %i days before expiry, reports %j with the default window', (today, days, expected) => {
    const result = applyWaivers([], [searchWaiver], { ...options, today });
    expect(result.problems.map((problem) => problem.ruleId)).toEqual(expected);
    if (expected.length > 0) expect(result.problems[0]?.data.days).toBe(days);
  });

  it('uses the configured window', () => {
    const result = applyWaivers([], [searchWaiver], { ...options, today: '2027-03-01', expiringWithinDays: 14 });
    expect(result.problems).toEqual([]);
  });
});

describe('waiverDateProblem', () => {
  it('finds the first waiver whose expires is not a real date, which the schema pattern lets through', () => {
    expect(waiverDateProblem([searchWaiver, { ...searchWaiver, expires: '2027-02-30' }])).toEqual({
      waiverIndex: 1,
      message: '"expires" must be a date written YYYY-MM-DD, not "2027-02-30"',
    });
    expect(waiverDateProblem([searchWaiver])).toBeUndefined();
  });
});
