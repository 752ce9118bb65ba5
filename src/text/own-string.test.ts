import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ownString } from './own-string.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

describe('ownString', () => {
  it('gives the same characters, short or long, Unicode included', () => {
    for (const text of ['', 'go', 'pricing-service-00042', 'zahlungsdienst-überweisung', 'a'.repeat(300)]) expect(ownString(text)).toBe(text);
  });

  it('keeps nothing of the text a part was cut from', () => {
    const kept: string[] = [];
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    for (let file = 0; file < 20; file++) {
      // A file's text of 1 MB, and the name a parser cuts out of it.
      const text = `name: service-${String(file).padStart(5, '0')}-${'x'.repeat(20)}\n${'#'.repeat(1 << 20)}`;
      kept.push(ownString(text.slice(6, 40)));
    }
    collectGarbage();
    const retainedMb = (process.memoryUsage().heapUsed - before) / (1 << 20);
    expect(kept[3]).toBe(`service-00003-${'x'.repeat(20)}`);
    expect(retainedMb).toBeLessThan(5);
  });
});
