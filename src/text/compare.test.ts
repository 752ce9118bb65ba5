import { describe, expect, it } from 'vitest';
import { compareText } from './compare.js';

describe('compareText', () => {
  it('orders by code unit, whatever the locale would say', () => {
    expect(['b', 'B', 'a', 'A', 'a-b', 'a_b', 'ab'].sort(compareText)).toEqual(['A', 'B', 'a', 'a-b', 'a_b', 'ab', 'b']);
    expect(compareText('same', 'same')).toBe(0);
  });
});
