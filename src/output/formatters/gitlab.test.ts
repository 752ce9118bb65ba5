import { describe, expect, it } from 'vitest';
import { fingerprintFindings } from './fingerprint.js';
import { formatGitlab } from './gitlab.js';
import { buildCleanTestResult, buildTestResult, testContext } from '../../../test/support/result.js';

const codeQualitySeverities = ['info', 'minor', 'major', 'critical', 'blocker'];

describe('formatGitlab', () => {
  const result = buildTestResult();
  const issues = JSON.parse(formatGitlab(result, testContext)) as Record<string, any>[];

  it('is a JSON array with one issue per finding', () => {
    expect(Array.isArray(issues)).toBe(true);
    expect(issues).toHaveLength(result.findings.length);
  });

  it('gives every issue the fields GitLab requires, with their types', () => {
    for (const issue of issues) {
      expect(typeof issue.description).toBe('string');
      expect(issue.description.length).toBeGreaterThan(0);
      expect(typeof issue.check_name).toBe('string');
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(codeQualitySeverities).toContain(issue.severity);
      expect(typeof issue.location.path).toBe('string');
      expect(Number.isInteger(issue.location.lines.begin)).toBe(true);
      expect(issue.location.lines.begin).toBeGreaterThanOrEqual(1);
    }
  });

  it('writes the finding as an issue on one line', () => {
    expect(issues[1]).toEqual({
      description: 'checkout-worker peaks at 15,000 req/s, above the 10,000 req/s line',
      check_name: 'hot-path-language',
      fingerprint: fingerprintFindings(result.findings)[1],
      severity: 'major',
      location: { path: 'services/checkout.yaml', lines: { begin: 16 } },
    });
  });

  it('maps error, warning and info to major, minor and info', () => {
    expect(issues.map((issue) => issue.severity)).toEqual(['major', 'major', 'minor', 'info', 'major', 'major', 'major']);
  });

  it('gives identical findings different fingerprints, since GitLab tells issues apart by them', () => {
    const fingerprints = issues.map((issue) => issue.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  it('writes an empty array when nothing was found', () => {
    expect(formatGitlab(buildCleanTestResult(), testContext)).toBe('[]\n');
  });
});
