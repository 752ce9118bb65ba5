import { describe, expect, it } from 'vitest';
import { isIdentifiedPaths, isTable, rowOf, rowsPerPart, TableReader, toTable, withText, type Row } from './cache-table.js';

const identity = { size: 1, ino: 2, mtimeMs: 3, ctimeMs: 4 };

/** The table of `rows` as a run reads it back from the cache, and every range of its texts the reader asked for. */
function readBack(rows: ReadonlyMap<string, Row>, texts?: (written: Buffer) => Buffer) {
  const written = toTable(rows, 0);
  const bytes = texts ? texts(written.texts) : written.texts;
  const reads: [number, number][] = [];
  const reader = new TableReader(written.table, (start, end) => {
    reads.push([start, end]);
    return end <= bytes.length ? bytes.subarray(start, end) : undefined;
  });
  return { reader, reads, table: written.table };
}

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
  const rows = new Map([['/a', rowOf(identity, ['x', 'ÿ{}'])]]);

  it('wants every row to have the columns asked for, cut in order, and a digest for each part', () => {
    const { table } = toTable(rows, 0);
    expect(isTable(table, 2)).toBe(true);
    expect(isTable(table, 3)).toBe(false);
    expect(isTable({ ...table, paths: [1] }, 2)).toBe(false);
    expect(isTable({ ...table, ends: Uint32Array.of(2, 1) }, 2)).toBe(false);
    expect(isTable({ ...table, ends: [...table.ends] }, 2)).toBe(false);
    expect(isTable({ ...table, digests: table.digests.subarray(32) }, 2)).toBe(false);
    expect(isTable({ ...table, blob: '0' }, 2)).toBe(false);
  });
});

describe('TableReader', () => {
  const rows = new Map([['/a', rowOf(identity, ['x', 'ÿ{}'])]]);

  it('gives back each text as it was written, multi-byte characters included', () => {
    const { reader } = readBack(rows);
    const row = reader.row('/a')!;
    expect([row.text(0), row.text(1)]).toEqual(['x', 'ÿ{}']);
    expect(row.identity).toEqual(identity);
    expect(reader.row('/b')).toBeUndefined();
    // A row read back is written again, with a text replaced where asked.
    const again = readBack(new Map([['/a', withText(row, 0, 'é')]])).reader.row('/a')!;
    expect([again.text(0), again.text(1)]).toEqual(['é', 'ÿ{}']);
  });

  it('writes rows read from a table again as they were, copying their bytes, beside rows this run made', () => {
    const texts = ['a → b', '', '😀 ×2', 'plain'];
    const first = readBack(new Map([['/a', rowOf(identity, texts)], ['/b', rowOf(identity, ['x', 'y', 'z', 'é'])]])).reader;
    const again = readBack(new Map([['/c', rowOf(identity, ['ÿ', '', '', '→'])], ['/a', first.row('/a')!], ['/b', first.row('/b')!]])).reader;
    const textsOf = (path: string) => [0, 1, 2, 3].map((column) => again.row(path)!.text(column));
    expect([textsOf('/a'), textsOf('/b'), textsOf('/c')]).toEqual([texts, ['x', 'y', 'z', 'é'], ['ÿ', '', '', '→']]);
    expect(again.row('/a')!.identity).toEqual(identity);
  });

  it('cuts the texts column by column where each ends in UTF-8, for characters of two, three and four bytes', () => {
    const texts = ['a → b', '', '😀 ×2', 'plain'];
    const { reader, table } = readBack(new Map([['/a', rowOf(identity, texts)], ['/b', rowOf(identity, ['1', '2', '3', '4'])]]));
    expect([...table.ends]).toEqual([7, 8, 8, 9, 17, 18, 23, 24]);
    expect(texts.map((_, column) => reader.row('/a')!.text(column))).toEqual(texts);
    expect(reader.row('/b')!.isEmpty(1)).toBe(false);
    expect(reader.row('/a')!.isEmpty(1)).toBe(true);
  });

  const many = new Map(Array.from({ length: rowsPerPart * 2 + 7 }, (_, index) => [`/${index}`, rowOf(identity, [`origin ${index}`, `{"n":${index},"é":"→"}`])]));

  it('reads only the part of a column that holds the text asked for, once', () => {
    const { reader, reads, table } = readBack(many);
    expect(reader.row(`/${rowsPerPart + 3}`)!.text(1)).toBe(`{"n":${rowsPerPart + 3},"é":"→"}`);
    expect(reader.row(`/${rowsPerPart + 4}`)!.text(1)).toBe(`{"n":${rowsPerPart + 4},"é":"→"}`);
    const secondPartOfSecondColumn = many.size + rowsPerPart;
    expect(reads).toEqual([[table.ends[secondPartOfSecondColumn - 1], table.ends[secondPartOfSecondColumn + rowsPerPart - 1]]]);
    expect(reader.row('/0')!.isEmpty(0)).toBe(false);
    expect(reads).toHaveLength(1);
    expect([...many.keys()].map((path) => reader.row(path)!.text(0))).toEqual([...many.values()].map((row) => row.text(0)));
    expect(reads).toHaveLength(4);
  });

  it('gives no text of a part whose bytes changed, and the rows of other parts as they were', () => {
    // A byte of the second part of the first column: the text of row rowsPerPart + 1.
    const at = toTable(many, 0).table.ends[rowsPerPart]!;
    const { reader } = readBack(many, (written) => {
      const changed = Buffer.from(written);
      changed.writeUInt8(changed.readUInt8(at) ^ 1, at);
      return changed;
    });
    expect(reader.row('/3')!.text(0)).toBe('origin 3');
    expect(reader.damaged).toBe(false);
    expect(reader.row(`/${rowsPerPart + 1}`)!.text(0)).toBeUndefined();
    expect(reader.damaged).toBe(true);
    expect(reader.row(`/${rowsPerPart + 1}`)!.text(1)).toBe(`{"n":${rowsPerPart + 1},"é":"→"}`);
    // Written again, the rows of the damaged part are left out.
    const again = readBack(new Map([...many.keys()].map((path) => [path, reader.row(path)!]))).reader;
    expect(again.paths).toHaveLength(many.size - rowsPerPart);
    expect(again.row('/3')!.text(1)).toBe('{"n":3,"é":"→"}');
  });

  it('gives no text of a part it cannot read (the cache written anew meanwhile), which is not damage', () => {
    const { reader } = readBack(many, (written) => written.subarray(0, 10));
    expect(reader.row('/3')!.text(1)).toBeUndefined();
    expect(reader.damaged).toBe(false);
  });
});

describe('copyIdentity', () => {
  it('writes each row’s identity at its index, for rows made this run, rows read back and rows with a text replaced', () => {
    const second = { size: 10, ino: 20, mtimeMs: 30.5, ctimeMs: 40.25 };
    const { reader } = readBack(new Map([['/a', rowOf(identity, ['x'])], ['/b', rowOf(second, ['y'])]]));
    const into = new Float64Array(16);
    reader.row('/b')!.copyIdentity(into, 0);
    rowOf(identity, ['x']).copyIdentity(into, 1);
    withText(reader.row('/a')!, 0, 'z').copyIdentity(into, 3);
    expect([...into]).toEqual([10, 20, 30.5, 40.25, 1, 2, 3, 4, 0, 0, 0, 0, 1, 2, 3, 4]);
  });
});
