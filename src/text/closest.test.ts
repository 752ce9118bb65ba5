import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText } from './compare.js';
import { closestNames, nameIndex } from './closest.js';

/** Levenshtein distance the plain way, as the reference the index must agree with. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function closestByComparingEach(name: string, candidates: readonly string[], maxDistance: number, maxSuggestions: number): string[] {
  return candidates
    .map((candidate) => ({ candidate, distance: editDistance(name.toLowerCase(), candidate.toLowerCase()) }))
    .filter((entry) => entry.distance <= maxDistance)
    .sort((a, b) => a.distance - b.distance || compareText(a.candidate, b.candidate))
    .slice(0, maxSuggestions)
    .map((entry) => entry.candidate);
}

describe('the reference edit distance', () => {
  it.each([
    ['orders', 'orders', 0],
    ['ordres', 'orders', 2],
    ['order', 'orders', 1],
    ['pricing', 'pricng', 1],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('%s → %s = %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe('closestNames', () => {
  const names = ['orders', 'order-history', 'pricing', 'payments', 'order'];

  it('returns the nearest names first, ties by name, up to the limit', () => {
    expect(closestNames('ordrs', names, { maxDistance: 3, maxSuggestions: 3 })).toEqual(['orders', 'order']);
    expect(closestNames('ordrs', names, { maxDistance: 3, maxSuggestions: 1 })).toEqual(['orders']);
    expect(closestNames('cart-c', ['cart-b', 'cart-a', 'cart'], { maxDistance: 2, maxSuggestions: 3 })).toEqual([
      'cart-a',
      'cart-b',
      'cart',
    ]);
  });

  it('ignores case and offers nothing beyond the distance', () => {
    expect(closestNames('PRICING', names, { maxDistance: 1, maxSuggestions: 3 })).toEqual(['pricing']);
    expect(closestNames('inventory', names, { maxDistance: 3, maxSuggestions: 3 })).toEqual([]);
  });

  it('finds what comparing with every name finds', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '-', '0', '😀', '😁'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), word, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 5 }), (candidates, name, maxDistance, maxSuggestions) => {
        const options = { maxDistance, maxSuggestions };
        expect(nameIndex(candidates).closest(name, options)).toEqual(closestByComparingEach(name, candidates, maxDistance, maxSuggestions));
      }),
      { numRuns: 2000 },
    );
  });
});
