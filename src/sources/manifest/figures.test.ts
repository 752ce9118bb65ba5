import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../../index.js';
import { figureMaximums } from './figures.js';

const schema = JSON.parse(readFileSync(new URL('../../../schemas/service.schema.json', import.meta.url), 'utf8'));
const spec = schema.properties.spec.properties;

describe('figure maximums', () => {
  it('are the schema maximums', () => {
    expect(figureMaximums).toEqual({
      peakRps: spec.traffic.properties.peakRps.maximum,
      p99Ms: spec.latency.properties.p99Ms.maximum,
      rpsShare: spec.dependsOn.items.properties.rpsShare.maximum,
    });
  });

  it('a native figure above its maximum is reported by the schema and never reaches a rule', async () => {
    const text = [
      'apiVersion: svc-lint/v1',
      'kind: Service',
      'metadata:',
      '  name: orders',
      'spec:',
      '  language: python',
      '  workload: api',
      '  traffic:',
      '    peakRps: 1e300',
      '  latency:',
      '    p99Ms: 1e300',
      '',
    ].join('\n');
    const result = await lint({ cwd: '/', config: false, workspace: false, stdin: { text, filename: 'orders.service.yaml' } });
    expect(result.findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`)).toEqual([
      '9:14 manifest-schema spec.traffic.peakRps must be <= 1000000000000 (got 1e+300)',
      '11:12 manifest-schema spec.latency.p99Ms must be <= 86400000 (got 1e+300)',
    ]);
    expect(result.services[0]).not.toHaveProperty('peakRps');
    expect(result.services[0]).not.toHaveProperty('p99Ms');
  });
});
