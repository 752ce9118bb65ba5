import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText } from './compare.js';
import { closestNames, nameIndex, type SuggestionOptions } from './closest.js';

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

/** Whether `outer` is `inner` with whole `-`-separated parts added, no longer in all than `inner` itself. */
function containsAsParts(outer: string, inner: string): boolean {
  const outerParts = outer.split('-');
  const innerParts = inner.split('-');
  if (outerParts.length > 16 || innerParts.length >= outerParts.length || 2 * inner.length < outer.length || inner === '') return false;
  for (let first = 0; first + innerParts.length <= outerParts.length; first++) {
    if (outerParts.slice(first, first + innerParts.length).join('-') === inner) return true;
  }
  return false;
}

function closestByComparingEach(name: string, candidates: readonly string[], options: SuggestionOptions): string[] {
  const target = name.toLowerCase();
  const limit = Math.max(options.maxDistance, Math.floor((options.maxDistanceRatio ?? 0) * target.length));
  return candidates
    .map((candidate) => ({ candidate, lowered: candidate.toLowerCase(), distance: editDistance(target, candidate.toLowerCase()) }))
    .filter(
      (entry) =>
        entry.distance <= limit ||
        (options.wholeParts === true && (containsAsParts(entry.lowered, target) || containsAsParts(target, entry.lowered))),
    )
    .sort((a, b) => a.distance - b.distance || compareText(a.lowered, b.lowered) || compareText(a.candidate, b.candidate))
    .slice(0, options.maxSuggestions)
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

  it('lets a longer name be further off, in proportion to its length', () => {
    const fleet = ['recommendation-engine-v2', 'checkout'];
    // 4 edits: beyond 3, within a fifth of 21 characters.
    expect(closestNames('recomendaton-engne-v3', fleet, { maxDistance: 3, maxSuggestions: 3 })).toEqual([]);
    expect(closestNames('recomendaton-engne-v3', fleet, { maxDistance: 3, maxSuggestions: 3, maxDistanceRatio: 0.2 })).toEqual([
      'recommendation-engine-v2',
    ]);
    expect(closestNames('chekout', fleet, { maxDistance: 0, maxSuggestions: 3, maxDistanceRatio: 0.2 })).toEqual(['checkout']);
  });

  it('offers names that add or drop whole parts, nearest first', () => {
    const fleet = ['one-platform-apps-service', 'apps', 'platform-apps-service-admin', 'apps-service'];
    const options = { maxDistance: 3, maxSuggestions: 3, maxDistanceRatio: 0.2, wholeParts: true };
    // The real typo: distance 8, far beyond 3 edits, but the name is the declared one with a part repeated.
    expect(closestNames('one-platform-apps-service-service', fleet, options)).toEqual(['one-platform-apps-service']);
    expect(closestNames('apps-service-service', fleet, options)).toEqual(['apps-service']);
    // `apps` is shorter than the parts it would need: not offered for `apps-service-service`, but for `apps-x`.
    expect(closestNames('apps-x', fleet, options)).toEqual(['apps']);
    expect(closestNames('apps-service-service', fleet, { ...options, wholeParts: false })).toEqual([]);
  });

  it('finds what comparing with every name finds', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '-', '0', '😀', '😁'), maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 40 }),
        word,
        fc.record({
          maxDistance: fc.integer({ min: 0, max: 3 }),
          maxSuggestions: fc.integer({ min: 1, max: 5 }),
          maxDistanceRatio: fc.constantFrom(0, 0.2, 0.5),
          wholeParts: fc.boolean(),
        }),
        (candidates, name, options) => {
          const unique = [...new Set(candidates)];
          expect(nameIndex(unique).closest(name, options)).toEqual(closestByComparingEach(name, unique, options));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
