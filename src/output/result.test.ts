import { describe, expect, it } from 'vitest';
import { buildCleanTestResult } from '../../test/support/result.js';
import { resultWith } from './result.js';

describe('resultWith', () => {
  it('replaces fields on a copy that shares the analysis, so a view computed once serves both', () => {
    const result = buildCleanTestResult();
    const copy = resultWith(result, { findings: [], notes: ['changed'] });
    expect(copy.notes).toEqual(['changed']);
    expect(result.notes).toEqual([]);
    expect(copy.analysis).toBe(result.analysis);
    expect(copy.analysis.capacity()).toBe(result.analysis.capacity());
  });
});
