import { describe, expect, it } from 'vitest';
import { decide } from './decision.js';
import { fakeLanguages, makeService, seedFramework, type ServiceSpec } from '../../test/support/services.js';

describe('decide', () => {
  it.each<{ name: string; spec: ServiceSpec; effective?: number; expected: object }>([
    {
      name: 'ml serving goes to Python before anything else',
      spec: { workload: 'ml-serving', language: 'go', peakRps: 50_000, p99Ms: 2 },
      expected: { question: 1, reason: 'ml-serving', recommended: 'python' },
    },
    {
      name: 'a peak above 10,000 req/s goes to Go',
      spec: { workload: 'etl', language: 'python', peakRps: 10_001 },
      expected: { question: 2, reason: 'high-throughput', recommended: 'go', throughput: 'declared' },
    },
    {
      name: 'a peak of exactly 10,000 req/s does not',
      spec: { workload: 'etl', language: 'python', peakRps: 10_000 },
      expected: { question: 3, reason: 'data-processing', recommended: 'python' },
    },
    {
      name: 'the effective peak replaces the declared one',
      spec: { language: 'python', peakRps: 100 },
      effective: 12_000,
      expected: { question: 2, reason: 'high-throughput', recommended: 'go', throughput: 'received' },
    },
    {
      name: 'a p99 under 5 ms goes to Go',
      spec: { language: 'python', p99Ms: 4.9 },
      expected: { question: 2, reason: 'low-latency', recommended: 'go', lowLatency: true },
    },
    {
      name: 'a p99 of exactly 5 ms does not',
      spec: { language: 'python', p99Ms: 5, teamLanguages: ['python'] },
      expected: { question: 5, reason: 'team-knows-language', recommended: 'python' },
    },
    {
      name: 'data processing goes to Python',
      spec: { workload: 'data-processing', language: 'go' },
      expected: { question: 3, reason: 'data-processing', recommended: 'python' },
    },
    {
      name: 'infrastructure goes to Go',
      spec: { workload: 'infrastructure', language: 'python' },
      expected: { question: 4, reason: 'infrastructure', recommended: 'go' },
    },
    {
      name: 'otherwise the team language with a profile wins',
      spec: { workload: 'worker', language: 'go', teamLanguages: ['java', 'python'] },
      expected: { question: 5, reason: 'team-expertise', recommended: 'python' },
    },
    {
      name: 'with no team languages the current language stays',
      spec: { workload: 'prototype', language: 'python' },
      expected: { question: 5, reason: 'no-constraint', recommended: 'python' },
    },
  ])('$name', ({ spec, effective, expected }) => {
    const service = makeService('svc', spec);
    const traffic = { declaredRps: spec.peakRps, effectiveRps: Math.max(effective ?? 0, spec.peakRps ?? 0) };
    expect(decide(service, traffic, seedFramework, fakeLanguages())).toEqual(expected);
  });
});
