import { describe, expect, it } from 'vitest';
import { isIdentifiedPaths, isTable } from './cache-table.js';

describe('isIdentifiedPaths', () => {
  const two = new Float64Array(8);

  it('takes string paths with four identity numbers each', () => {
    expect(isIdentifiedPaths(['/a', '/b'], two)).toBe(true);
    expect(isIdentifiedPaths([], new Float64Array(0))).toBe(true);
  });

  it('refuses a path that is not a string, a count that differs, and identities that are not a Float64Array', () => {
    expect(isIdentifiedPaths(['/a', 7], two)).toBe(false);
    expect(isIdentifiedPaths(['/a'], two)).toBe(false);
    expect(isIdentifiedPaths(['/a', '/b'], [...two])).toBe(false);
    expect(isIdentifiedPaths('/a', two)).toBe(false);
  });
});

describe('isTable', () => {
  it('wants every row to have the columns asked for', () => {
    const table = { paths: ['/a'], identities: new Float64Array(4), texts: [['x', 'y']] };
    expect(isTable(table, 2)).toBe(true);
    expect(isTable(table, 3)).toBe(false);
    expect(isTable({ ...table, paths: [1] }, 2)).toBe(false);
  });
});
