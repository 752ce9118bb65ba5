import { describe, expect, it } from 'vitest';
import { isIdentifiedPaths, isTable, rowOf, TableReader, toTable, withText } from './cache-table.js';

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
  const rows = new Map([['/a', rowOf({ size: 1, ino: 2, mtimeMs: 3, ctimeMs: 4 }, ['x', 'ÿ{}'])]]);

  it('wants every row to have the columns asked for, cut within its texts in order', () => {
    const table = toTable(rows);
    expect(isTable(table, 2)).toBe(true);
    expect(isTable(table, 3)).toBe(false);
    expect(isTable({ ...table, paths: [1] }, 2)).toBe(false);
    expect(isTable({ ...table, ends: Uint32Array.of(2, 1) }, 2)).toBe(false);
    expect(isTable({ ...table, texts: table.texts.slice(0, 3) }, 2)).toBe(false);
    expect(isTable({ ...table, texts: [...table.texts] }, 2)).toBe(false);
    expect(isTable({ ...table, ends: [...table.ends] }, 2)).toBe(false);
  });

  it('gives back each text as it was written, multi-byte characters included', () => {
    const reader = new TableReader(toTable(rows));
    const row = reader.row('/a')!;
    expect([row.text(0), row.text(1)]).toEqual(['x', 'ÿ{}']);
    expect(row.identity).toEqual({ size: 1, ino: 2, mtimeMs: 3, ctimeMs: 4 });
    expect(reader.row('/b')).toBeUndefined();
    // A row read back is written again, with a text replaced where asked.
    const again = new TableReader(toTable(new Map([['/a', withText(row, 0, 'é')]]))).row('/a')!;
    expect([again.text(0), again.text(1)]).toEqual(['é', 'ÿ{}']);
  });

  it('writes rows read from a table again as they were, copying their bytes, beside rows this run made', () => {
    const texts = ['a → b', '', '😀 ×2', 'plain'];
    const identity = { size: 1, ino: 2, mtimeMs: 3, ctimeMs: 4 };
    const first = new TableReader(toTable(new Map([['/a', rowOf(identity, texts)], ['/b', rowOf(identity, ['x', 'y', 'z', 'é'])]])));
    const again = new TableReader(toTable(new Map([['/c', rowOf(identity, ['ÿ', '', '', '→'])], ['/a', first.row('/a')!], ['/b', first.row('/b')!]])));
    const textsOf = (path: string) => [0, 1, 2, 3].map((column) => again.row(path)!.text(column));
    expect([textsOf('/a'), textsOf('/b'), textsOf('/c')]).toEqual([texts, ['x', 'y', 'z', 'é'], ['ÿ', '', '', '→']]);
    expect(again.row('/a')!.identity).toEqual(identity);
  });

  it('cuts the texts where each ends in UTF-8, for characters of two, three and four bytes', () => {
    const texts = ['a → b', '', '😀 ×2', 'plain'];
    const table = toTable(new Map([['/a', rowOf({ size: 1, ino: 2, mtimeMs: 3, ctimeMs: 4 }, texts)]]));
    expect([...table.ends]).toEqual([7, 7, 15, 20]);
    const row = new TableReader(table).row('/a')!;
    expect(texts.map((_, column) => row.text(column))).toEqual(texts);
  });
});
