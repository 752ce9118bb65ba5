import { describe, expect, it } from 'vitest';
import { garbageCollectionFlags } from './thread-heap.js';

describe('garbageCollectionFlags', () => {
  it('collects garbage on the thread that needs it where a run takes every core (two or fewer)', () => {
    expect(garbageCollectionFlags(1)).toEqual(['--single-threaded-gc']);
    expect(garbageCollectionFlags(2)).toEqual(['--single-threaded-gc']);
  });

  it('leaves V8 as it is where cores are to spare', () => {
    expect(garbageCollectionFlags(3)).toEqual([]);
    expect(garbageCollectionFlags(16)).toEqual([]);
  });
});
