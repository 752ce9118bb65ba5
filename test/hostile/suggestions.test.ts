import { describe, expect, it } from 'vitest';
import { nameIndex } from '../../src/text/closest.js';

const options = { maxDistance: 3, maxDistanceRatio: 0.2, maxSuggestions: 3, wholeParts: true, nearestOnly: true };

function seconds(work: () => void): number {
  const started = performance.now();
  work();
  return (performance.now() - started) / 1000;
}

describe('did-you-mean suggestions on hostile fleets', () => {
  // 5,000 unknown dependencies within 3 edits of 5,000 long names took 26 s when every lookup sorted every near name.
  it('stay bounded when thousands of names are all within reach', { timeout: 120_000 }, () => {
    const base = 'payments-settlement-reconciliation-batch-exporter-';
    const alphabet = 'abcdefghijklmnopqr';
    const names = Array.from({ length: 5000 }, (_, index) => {
      const suffix = [index % 18, Math.floor(index / 18) % 18, Math.floor(index / 324) % 18].map((digit) => alphabet[digit]).join('');
      return `${base}${suffix}`;
    });
    const index = nameIndex(names);
    let suggestions: string[] = [];
    const took = seconds(() => {
      for (let lookup = 0; lookup < 5000; lookup++) suggestions = index.closest(`${base}zz${alphabet[lookup % 18]}`, options);
    });
    // The last lookup ends in `n`: the nearest names are 2 edits away (those ending in `n`), ties by name.
    expect(suggestions).toEqual([`${base}aan`, `${base}abn`, `${base}acn`]);
    expect(took).toBeLessThan(15);
  });

  // Ten 900,000-character references against 9,000 services took 40 s: each was compared with every name in full.
  it('never compare a reference longer than every name in full', { timeout: 120_000 }, () => {
    const names = Array.from({ length: 9000 }, (_, index) => `service-${index}`);
    const index = nameIndex(names);
    const huge = `service-${'9'.repeat(900_000)}`;
    let suggestions: string[] = ['not run'];
    const took = seconds(() => {
      for (let lookup = 0; lookup < 10; lookup++) suggestions = index.closest(huge, options);
    });
    expect(suggestions).toEqual([]);
    expect(took).toBeLessThan(5);
  });

  it('stay linear at 10,000 services each calling a name nobody declares, or a near typo', { timeout: 120_000 }, () => {
    const names = Array.from({ length: 10_000 }, (_, index) => `svc-${(index * 7919) % 100_000}-api`);
    const index = nameIndex(names);
    const took = seconds(() => {
      for (const [position, name] of names.entries()) {
        index.closest(`undeclared-${position}`, options);
        index.closest(name.replace('-api', '-apl'), options);
      }
    });
    expect(index.closest('svc-7919-apl', options)).toEqual(['svc-7919-api']);
    expect(took).toBeLessThan(30);
  });
});
