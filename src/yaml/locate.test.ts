import { describe, expect, it } from 'vitest';
import { rangeOfOffsets } from './locate.js';
import { lineCounterFor as counterFor } from './text.js';

describe('rangeOfOffsets', () => {
  it('gives 1-based lines and columns, ending just past the last character', () => {
    const text = 'name: a\nlanguage: go\n';
    expect(rangeOfOffsets(counterFor(text), text.indexOf('go'), text.indexOf('go') + 2)).toEqual({ line: 2, column: 11, endLine: 2, endColumn: 13 });
  });

  it('ends a range that runs to the next line break at the end of its last line', () => {
    const text = 'a:\n  - x\n  - y\nb: 1\n';
    expect(rangeOfOffsets(counterFor(text), text.indexOf('- x'), text.indexOf('b:'))).toEqual({ line: 2, column: 3, endLine: 3, endColumn: 6 });
  });

  it('shares one frozen object between equal ranges of different files', () => {
    const first = rangeOfOffsets(counterFor('language: go\n'), 10, 12);
    const second = rangeOfOffsets(counterFor('language: py\n'), 10, 12);
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(rangeOfOffsets(counterFor('language: go\n'), 0, 8)).not.toBe(first);
  });

  it('still places positions too large to share', () => {
    const text = `${'x'.repeat(9000)}: go\n`;
    expect(rangeOfOffsets(counterFor(text), 9002, 9004)).toEqual({ line: 1, column: 9003, endLine: 1, endColumn: 9005 });
  });
});
