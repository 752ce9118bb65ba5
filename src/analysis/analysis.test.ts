import { describe, expect, it, vi } from 'vitest';
import { fakeLanguages, makeService, seedFramework } from '../../test/support/services.js';
import * as capacity from './capacity.js';
import { analysisOf } from './analysis.js';
import { decideWorkspace } from './decisions.js';

describe('analysisOf', () => {
  it('computes the capacity on its first use only, and keeps it', () => {
    const languages = fakeLanguages();
    const decisions = decideWorkspace([makeService('a', { language: 'python', peakRps: 100 })], seedFramework, languages);
    const estimate = vi.spyOn(capacity, 'estimateCapacity');
    const analysis = analysisOf(decisions, languages);
    expect(estimate).not.toHaveBeenCalled();
    const first = analysis.capacity();
    expect(analysis.capacity()).toBe(first);
    expect(estimate).toHaveBeenCalledTimes(1);
    expect(first.services.map((row) => row.service.name)).toEqual(['a']);
  });
});
