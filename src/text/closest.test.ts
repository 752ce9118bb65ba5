import { describe, expect, it } from 'vitest';
import { closestNames, editDistance } from './closest.js';

describe('editDistance', () => {
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

  it('stops at the limit', () => {
    expect(editDistance('inventory', 'orders', 2)).toBe(3);
    expect(editDistance('ordres', 'orders', 2)).toBe(2);
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
});
