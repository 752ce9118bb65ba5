import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { setUp, type Finding, type Severity } from '../../src/index.js';
import { makeWorkspace, manifest, removeWorkspaces } from '../cli/run-cli.js';
import { lintText } from '../hostile/support.js';
import { manifestText, positionOf } from './support.js';

afterAll(removeWorkspaces);

const seed = 20_260_115;
const ruleIds = setUp({ cwd: makeWorkspace(), config: false }).rules.map((entry) => entry.rule.id);
const severity = fc.constantFrom<Severity>('info', 'warning', 'error');

const hotPythonApi = manifest('orders', ['language: python', 'workload: api', 'traffic:', '  peakRps: 50000']);

function byPosition(findings: readonly Finding[]): string[] {
  return findings.map(positionOf).sort();
}

describe('severity overrides change severities only', () => {
  it('knows the rules it overrides', () => {
    expect(ruleIds).toContain('hot-path-throughput');
    expect(ruleIds).toContain('manifest-schema');
  });

  it('the same findings exist at the same places, each with the severity its override names', { timeout: 60_000 }, async () => {
    const overrides = fc.dictionary(fc.constantFrom(...ruleIds), severity, { minKeys: 1 });
    const rulesSeen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(manifestText, overrides, async (text, ruleOverrides) => {
        const plain = await lintText(text);
        const overridden = await lintText(text, 'service.yaml', { ruleOverrides });
        expect(byPosition(overridden.findings)).toEqual(byPosition(plain.findings));
        for (const finding of plain.findings) rulesSeen.add(finding.ruleId);
        for (const finding of overridden.findings) {
          const expected = ruleOverrides[finding.ruleId];
          if (expected !== undefined) expect(`${finding.ruleId} ${finding.severity}`).toBe(`${finding.ruleId} ${expected}`);
        }
      }),
      // Fields above the schema's maximums never reach a rule: one plainly hot Python API makes sure one does.
      { numRuns: 150, seed, examples: [[hotPythonApi, { 'hot-path-throughput': 'warning' }]] },
    );
    // The generated manifests reach the rules, not only the schema check.
    expect([...rulesSeen]).toEqual(expect.arrayContaining(['manifest-schema', 'hot-path-throughput', 'unknown-dependency']));
  });
});
