import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { lint, type Workload } from '../../src/index.js';
import { capacityRows } from '../../src/output/capacity/rows.js';
import { makeWorkspace, removeWorkspaces } from '../cli/run-cli.js';

afterAll(removeWorkspaces);

/**
 * A reference for the ordered framework, written apart from svc-lint's: services are numbered and call only
 * services with a higher number, so effective traffic is one pass in order; the five questions are asked as the
 * seed lists them. The property compares svc-lint's findings and its report with what this reference derives.
 */
interface Spec {
  language: 'go' | 'python';
  workload: Workload;
  peakRps?: number;
  p99Ms?: number;
  team?: ('go' | 'python')[];
  target: 'container' | 'serverless';
  calls: { to: number; share: number; async: boolean }[];
}

interface Thresholds {
  above: number;
  below: number;
}

const workloadsUsed: Workload[] = ['api', 'ml-serving', 'etl', 'data-processing', 'infrastructure', 'worker', 'prototype'];

const spec = (index: number, count: number): fc.Arbitrary<Spec> =>
  fc.record(
    {
      language: fc.constantFrom('go', 'python'),
      workload: fc.constantFrom(...workloadsUsed),
      peakRps: fc.option(fc.constantFrom(0, 500, 1_000, 5_000, 9_999, 10_000, 10_001, 15_000, 20_000, 40_000), { nil: undefined }),
      p99Ms: fc.option(fc.constantFrom(1, 2, 4.9, 5, 10, 50), { nil: undefined }),
      team: fc.option(fc.subarray(['go', 'python'] as const), { nil: undefined }),
      target: fc.constantFrom('container', 'serverless'),
      calls:
        index + 1 < count
          ? fc.uniqueArray(
              fc.record({ to: fc.integer({ min: index + 1, max: count - 1 }), share: fc.constantFrom(0.1, 0.5, 1, 2), async: fc.boolean() }),
              { maxLength: 3, selector: (call) => call.to },
            )
          : fc.constant([]),
    },
    { requiredKeys: ['language', 'workload', 'target', 'calls'] },
  ) as fc.Arbitrary<Spec>;

const workspace = fc.integer({ min: 1, max: 7 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => spec(index, count))));
const thresholds = fc.record({ above: fc.constantFrom(5_000, 10_000, 20_000), below: fc.constantFrom(2, 5, 10) });

function manifest(specs: Spec[]): string {
  return specs
    .map((service, index) =>
      stringify({
        apiVersion: 'svc-lint/v1',
        kind: 'Service',
        metadata: { name: `s${index}` },
        spec: {
          language: service.language,
          workload: service.workload,
          ...(service.peakRps !== undefined && { traffic: { peakRps: service.peakRps } }),
          ...(service.p99Ms !== undefined && { latency: { p99Ms: service.p99Ms } }),
          ...(service.team !== undefined && { team: { languages: service.team } }),
          deployment: { target: service.target },
          ...(service.calls.length > 0 && {
            dependsOn: service.calls.map((call) => ({ service: `s${call.to}`, call: call.async ? 'async' : 'sync', rpsShare: call.share })),
          }),
        },
      }),
    )
    .join('---\n');
}

interface Reference {
  effectiveRps: number;
  question: number;
  recommended: string;
  /** The language rules this reference expects to fire (edge-footprint and moderate-traffic aside). */
  rules: string[];
}

function reference(specs: Spec[], { above, below }: Thresholds): Reference[] {
  const received = specs.map(() => 0);
  const effective: number[] = [];
  specs.forEach((service, index) => {
    effective[index] = Math.max(service.peakRps ?? 0, Math.round(received[index]! * 1000) / 1000);
    for (const call of service.calls) if (!call.async) received[call.to]! += Math.round(effective[index]! * call.share * 1000) / 1000;
  });
  return specs.map((service, index) => {
    const rules: string[] = [];
    const python = service.language === 'python';
    const declaredHot = (service.peakRps ?? 0) > above;
    const receivedHot = !declaredHot && effective[index]! > above;
    const lowLatency = service.p99Ms !== undefined && service.p99Ms < below;
    const decided = (question: number, recommended: string): Reference => ({ effectiveRps: effective[index]!, question, recommended, rules });
    if (service.workload === 'ml-serving') {
      if (!python) rules.push('ml-serving-language');
      if (declaredHot || lowLatency) rules.push('hot-smart-split');
      return decided(1, 'python');
    }
    if (declaredHot || receivedHot || lowLatency) {
      if (python && declaredHot) rules.push('hot-path-throughput');
      if (python && receivedHot) rules.push('inherited-hot-path');
      if (python && lowLatency) rules.push('hot-path-latency');
      return decided(2, 'go');
    }
    if (service.workload === 'etl' || service.workload === 'data-processing') {
      if (!python) rules.push('data-processing-language');
      return decided(3, 'python');
    }
    if (service.workload === 'infrastructure') {
      if (python) rules.push('infrastructure-language');
      return decided(4, 'go');
    }
    const team = service.team ?? [];
    if (team.length > 0 && !team.includes(service.language)) rules.push('team-expertise');
    return decided(5, team.length === 0 || team.includes(service.language) ? service.language : team[0]!);
  });
}

const judgedRules = [
  'ml-serving-language',
  'hot-smart-split',
  'hot-path-throughput',
  'hot-path-latency',
  'inherited-hot-path',
  'data-processing-language',
  'infrastructure-language',
  'team-expertise',
];

describe('one decision per service', () => {
  it('the findings and the report follow the ordered framework, also with other thresholds in the config', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(workspace, thresholds, async (specs, limits) => {
        const root = makeWorkspace();
        writeFileSync(join(root, 'fleet.service.yaml'), manifest(specs));
        writeFileSync(
          join(root, '.svc-lint.yaml'),
          stringify({ rules: { 'hot-path-throughput': { params: { above: limits.above } }, 'hot-path-latency': { params: { below: limits.below } } } }),
        );
        const result = await lint({ cwd: root, patterns: ['fleet.service.yaml'], config: '.svc-lint.yaml', workspace: false });
        const expected = reference(specs, limits);
        const rows = capacityRows(result);
        specs.forEach((_, index) => {
          const name = `s${index}`;
          const row = rows.find((candidate) => candidate.service === name)!;
          expect({ effective: row.effectiveRps, question: row.recommended.question, language: row.recommended.language }, name).toEqual({
            effective: expected[index]!.effectiveRps,
            question: expected[index]!.question,
            language: expected[index]!.recommended,
          });
          const fired = result.findings.filter((finding) => finding.service === name && judgedRules.includes(finding.ruleId)).map((finding) => finding.ruleId);
          expect(fired.sort(), name).toEqual([...expected[index]!.rules].sort());
          expect(fired.includes('hot-path-throughput') && fired.includes('inherited-hot-path'), name).toBe(false);
          const moderate = result.findings.some((finding) => finding.service === name && finding.ruleId === 'moderate-traffic');
          if (moderate) expect(expected[index]!.question, `${name}: moderate-traffic beside question 2`).toBeGreaterThan(2);
        });
      }),
      { numRuns: 150, seed: 20_261_202 },
    );
  });
});
