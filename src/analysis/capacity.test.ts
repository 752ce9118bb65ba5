import { describe, expect, it } from 'vitest';
import { estimateCapacity } from './capacity.js';
import { fakeLanguages, makeService, seedFramework } from '../../test/support/services.js';
import { decideWorkspace } from './decisions.js';
import type { Service } from '../types.js';

function estimate(services: Service[]) {
  const languages = fakeLanguages();
  return estimateCapacity(decideWorkspace(services, seedFramework, languages), languages);
}

const pythonFigures = {
  languageId: 'python',
  benchmarkLabel: 'Python (FastAPI)',
  throughputRps: 12_500,
  memoryMb: 52,
  imageMb: { min: 180, max: 350 },
  source: 'Choosing Python or Go for Microservices: A Performance Reality Check',
};
const goFigures = { ...pythonFigures, languageId: 'go', benchmarkLabel: 'Go', throughputRps: 95_000, memoryMb: 12, imageMb: { min: 8, max: 15 } };

describe('estimateCapacity', () => {
  const services = [
    makeService('gateway', { language: 'go', peakRps: 40_000, dependsOn: ['pricing'] }),
    makeService('pricing', { language: 'python', peakRps: 800 }),
    makeService('reports', { language: 'python', workload: 'etl' }),
    makeService('legacy', { language: 'java', peakRps: 100 }),
  ];
  const fleet = estimate(services);
  const byName = Object.fromEntries(fleet.services.map((capacity) => [capacity.service.name, capacity]));

  it('estimates instances, memory and image for the declared and the recommended language from the effective peak', () => {
    expect(byName.pricing).toMatchObject({
      declaredRps: 800,
      effectiveRps: 40_000,
      decision: { question: 2, reason: 'high-throughput', recommended: 'go' },
      declared: { languageId: 'python', instances: 4, memoryMb: 208, imageMb: { min: 180, max: 350 }, figures: pythonFigures },
      recommended: { languageId: 'go', instances: 1, memoryMb: 12, imageMb: { min: 8, max: 15 }, figures: goFigures },
    });
  });

  it('gives no estimate without a traffic figure or a profile', () => {
    expect(byName.reports?.declared).toBeUndefined();
    expect(byName.reports?.decision.recommended).toBe('python');
    expect(byName.legacy?.declared).toBeUndefined();
    expect(byName.legacy?.recommended).toBeUndefined();
  });

  it('totals the services that have both estimates', () => {
    expect(fleet.totals).toEqual({
      servicesCompared: 2,
      declared: { instances: 5, memoryMb: 220, imageMb: { min: 188, max: 365 } },
      recommended: { instances: 2, memoryMb: 24, imageMb: { min: 16, max: 30 } },
    });
  });

  it('rounds instances up', () => {
    const [capacity] = estimate([makeService('a', { language: 'python', peakRps: 12_501, teamLanguages: ['python'] })]).services;
    expect(capacity?.declared?.instances).toBe(2);
  });
});
