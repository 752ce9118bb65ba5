import { describe, expect, it } from 'vitest';
import { daysBetween, hasExpired, isIsoDate } from './dates.js';

describe('isIsoDate', () => {
  it.each([
    ['2027-03-31', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-02-30', false],
    ['2027-13-01', false],
    ['2027-3-31', false],
    ['31/03/2027', false],
    ['2027-03-31T00:00:00Z', false],
  ])('%s → %s', (date, expected) => {
    expect(isIsoDate(date)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it('counts calendar days across month and year ends', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2027-03-01', '2027-02-27')).toBe(-2);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });

  it('rejects a malformed date', () => {
    expect(() => daysBetween('2027-02-30', '2027-03-01')).toThrow('Not a YYYY-MM-DD date: 2027-02-30');
  });
});

describe('hasExpired', () => {
  it('treats the last day as still valid', () => {
    expect(hasExpired('2027-03-31', '2027-03-30')).toBe(false);
    expect(hasExpired('2027-03-31', '2027-03-31')).toBe(false);
    expect(hasExpired('2027-03-31', '2027-04-01')).toBe(true);
  });
});
