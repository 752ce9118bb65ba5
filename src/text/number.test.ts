import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from './number.js';

const intl = (digits: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });

describe('formatNumber', () => {
  it('groups thousands and drops trailing zeros', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1000)).toBe('1,000');
    expect(formatNumber(12500)).toBe('12,500');
    expect(formatNumber(1234567.5)).toBe('1,234,567.5');
    expect(formatNumber(0.25)).toBe('0.25');
    expect(formatNumber(2.5, 0)).toBe('3');
    expect(formatNumber(1e21)).toBe('1,000,000,000,000,000,000,000');
  });

  it('rounds the number as written, half away from zero', () => {
    expect(formatNumber(1.005)).toBe('1.01'); // stored as 1.00499999…, written 1.005
    expect(formatNumber(2.675)).toBe('2.68');
    expect(formatNumber(0.125)).toBe('0.13');
    expect(formatNumber(1e-7)).toBe('0');
    expect(formatNumber(0.0000096, 5)).toBe('0.00001');
    expect(formatNumber(-0.125)).toBe('-0.13');
    expect(formatNumber(1.25, 1)).toBe('1.3');
  });

  it('prints what Intl.NumberFormat en-US prints, for any finite number', () => {
    const numbers = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
      fc.integer({ min: 0, max: 1e6 }).map((n) => n / 8),
    );
    fc.assert(
      fc.property(numbers, fc.integer({ min: 0, max: 3 }), (value, digits) => {
        expect(formatNumber(value, digits)).toBe(intl(digits).format(Object.is(value, -0) ? 0 : value));
      }),
      { numRuns: 5000 },
    );
  });

  it('names what is not a finite number', () => {
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe('-∞');
  });
});
