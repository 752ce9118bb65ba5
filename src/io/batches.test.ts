import { describe, expect, it } from 'vitest';
import { inBatches } from './batches.js';

describe('inBatches', () => {
  it('joins small pieces up to the batch size and keeps their order', () => {
    expect([...inBatches(['ab', 'cd', 'e', 'fgh', 'i'], 4)]).toEqual(['abcd', 'efgh', 'i']);
  });

  it('passes a piece larger than the batch size on whole', () => {
    expect([...inBatches(['a', 'bcdefg', 'h'], 3)]).toEqual(['abcdefg', 'h']);
  });

  it('yields nothing for no text', () => {
    expect([...inBatches([], 4)]).toEqual([]);
    expect([...inBatches(['', ''], 4)]).toEqual([]);
  });
});
