import { describe, expect, it } from 'vitest';
import { sarifSuppressions } from './sarif-suppressions.js';

describe('sarifSuppressions', () => {
  it('maps an inline directive to an inSource suppression with its reason as justification', () => {
    expect(sarifSuppressions({ kind: 'inline', reason: 'PLAT-123' })).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'PLAT-123' },
    ]);
  });

  it('maps a waiver to an external suppression carrying owner and expiry', () => {
    expect(sarifSuppressions({ kind: 'waiver', reason: 'Rewrite in Go', owner: 'team-search', expires: '2027-03-31' })).toEqual([
      { kind: 'external', status: 'accepted', justification: 'Rewrite in Go', properties: { owner: 'team-search', expires: '2027-03-31' } },
    ]);
  });

  it('gives nothing for a finding that is not suppressed', () => {
    expect(sarifSuppressions(undefined)).toBeUndefined();
  });
});
