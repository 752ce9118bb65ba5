import { describe, expect, it } from 'vitest';
import { matchesGlob } from './glob.js';

describe('matchesGlob', () => {
  it.each([
    ['legacy-search', 'legacy-search', true],
    ['legacy-search', 'legacy-search-v2', false],
    ['billing-*', 'billing-api', true],
    ['billing-*', 'billing-', true],
    ['billing-*', 'payments-billing-api', false],
    ['*-api', 'billing-api', true],
    ['*', 'anything', true],
    ['search-v?', 'search-v2', true],
    ['search-v?', 'search-v', false],
    ['search-v?', 'search-v10', false],
    ['a.b', 'axb', false],
    ['a.b', 'a.b', true],
    ['(team)+[x]', '(team)+[x]', true],
  ])('%s against %s → %s', (pattern, name, expected) => {
    expect(matchesGlob(pattern, name)).toBe(expected);
  });
});
