import { describe, expect, it } from 'vitest';
import type { Finding } from '../../types.js';
import { fingerprintFindings } from './fingerprint.js';
import { buildTestResult } from '../../../test/support/result.js';

function shiftLines(findings: Finding[], by: number): Finding[] {
  return findings.map((f) => ({ ...f, line: f.line + by, endLine: f.endLine + by }));
}

describe('fingerprintFindings', () => {
  const { findings } = buildTestResult();

  it('gives each finding a distinct sha-256 hex fingerprint, identical findings included', () => {
    const fingerprints = fingerprintFindings(findings);
    expect(fingerprints).toHaveLength(findings.length);
    for (const fingerprint of fingerprints) expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(fingerprints).size).toBe(findings.length);
  });

  it('is the same when lines above the findings are added or removed', () => {
    const fingerprints = fingerprintFindings(findings);
    expect(fingerprintFindings(shiftLines(findings, 7))).toEqual(fingerprints);
    expect(fingerprintFindings(findings.map((f) => ({ ...f, column: f.column + 2 })))).toEqual(fingerprints);
  });

  it('does not depend on the order of the findings or of their data keys', () => {
    const fingerprints = fingerprintFindings(findings);
    const reversed = [...findings].reverse().map((f) => ({ ...f, data: Object.fromEntries(Object.entries(f.data).reverse()) }));
    expect(fingerprintFindings(reversed)).toEqual([...fingerprints].reverse());
  });

  it('numbers identical findings by position, so the first keeps its fingerprint when a later one goes', () => {
    const identical = findings.filter((f) => f.ruleId === 'unknown-dependency');
    expect(identical).toHaveLength(2);
    const [first, second] = fingerprintFindings(identical);
    expect(fingerprintFindings([identical[0]!])).toEqual([first]);
    expect(fingerprintFindings([identical[1]!])).toEqual([first]);
    expect(second).not.toBe(first);
  });

  it('changes with the file, service, rule, message id or data', () => {
    const base = findings[0]!;
    const [baseFingerprint] = fingerprintFindings([base]);
    const variants: Finding[] = [
      { ...base, file: 'services/other.yaml' },
      { ...base, service: 'other' },
      { ...base, service: undefined },
      { ...base, ruleId: 'latency-budget' },
      { ...base, messageId: 'other' },
      { ...base, data: { ...base.data, peakRps: 40001 } },
      { ...base, data: { ...base.data, peakRps: '40000' } },
    ];
    for (const variant of variants) expect(fingerprintFindings([variant])[0]).not.toBe(baseFingerprint);
  });

  it('ignores the rendered message and severity, which may change with wording or config', () => {
    const base = findings[0]!;
    const reworded = { ...base, message: 'reworded', severity: 'warning' as const };
    expect(fingerprintFindings([reworded])).toEqual(fingerprintFindings([base]));
  });
});
