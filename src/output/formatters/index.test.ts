import { describe, expect, it } from 'vitest';
import { formatNames, formatResult, formatResultPieces } from './index.js';
import { buildTestResult, testContext } from '../../../test/support/result.js';

describe('formatResultPieces', () => {
  it.each(formatNames)('gives the text of formatResult for %s', (name) => {
    const result = buildTestResult();
    const pieces = [...formatResultPieces(name, result, testContext)];
    expect(pieces.join('')).toBe(formatResult(name, result, testContext));
  });

  it.each(['json', 'sarif', 'gitlab', 'stylish', 'junit', 'html'] as const)('writes %s in several pieces', (name) => {
    expect([...formatResultPieces(name, buildTestResult(), testContext)].length).toBeGreaterThan(3);
  });
});
