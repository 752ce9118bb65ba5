import { sha256Bytes } from '../../io/sha256.js';
import { copyIdentity, identityWidth, readIdentity, storeIdentity, writeIdentity, type FileIdentity } from './file-identity.js';

/** One entry of a table: the identity its file or directory had, and its texts (JSON, decoded only when used). */
export interface Row {
  readonly identity: FileIdentity;
  readonly columns: number;
  /** The text of a column; undefined when the cache's bytes for it are damaged (the entry is then not used). */
  text(column: number): string | undefined;
  /** Whether a column's text is empty, without reading it. */
  isEmpty(column: number): boolean;
  /** Writes the identity at `index` of `into` (`identityWidth` numbers each). */
  copyIdentity(into: Float64Array, index: number): void;
}


/** A row this run made. */
export function rowOf(identity: FileIdentity, texts: readonly string[]): Row {
  return {
    identity,
    columns: texts.length,
    text: (column) => texts[column]!,
    isEmpty: (column) => texts[column] === '',
    copyIdentity: (into, index) => storeIdentity(identity, into, index),
  };
}

/** `row` with another text in one column. */
export function withText(row: Row, column: number, text: string): Row {
  const { identity, columns } = row;
  return {
    identity,
    columns,
    text: (at) => (at === column ? text : row.text(at)),
    isEmpty: (at) => (at === column ? text === '' : row.isEmpty(at)),
    copyIdentity: (into, index) => row.copyIdentity(into, index),
  };
}

/**
 * A row of a table read from the cache: where it lies in the table, nothing read. A class, so that a workspace of
 * thousands of rows makes no closure per row.
 */
export class TableRow implements Row {
  constructor(
    private readonly reader: TableReader,
    readonly position: number,
  ) {}

  get identity(): FileIdentity {
    return readIdentity(this.reader.table.identities, this.position);
  }

  get columns(): number {
    return this.reader.columns;
  }

  /** Copied from the table's numbers: a workspace's judgment key reads every row's identity. */
  copyIdentity(into: Float64Array, index: number): void {
    copyIdentity(this.reader.table.identities, this.position, into, index);
  }

  text(column: number): string | undefined {
    return this.reader.textOf(this.position, column);
  }

  isEmpty(column: number): boolean {
    const { ends, paths } = this.reader.table;
    const cell = column * paths.length + this.position;
    return startOf(ends, cell) === ends[cell];
  }

  /** A column's text as the table holds it, UTF-8: a row written again unchanged is copied, not decoded. */
  bytes(column: number): Buffer | undefined {
    return this.reader.bytesOf(this.position, column);
  }
}

/**
 * Entries by path, as the cache file keeps them: the paths, every identity in one typed array, and every text as UTF-8
 * in a blob after the head, column by column (each column row by row), cut at `ends`. The blob is read in parts of
 * `rowsPerPart` rows of one column, each checked by its SHA-256 in `digests`, when a run first reads a text in it: a
 * run that takes the judgment of a large workspace reads the parts of the files it lints, and of the columns every row
 * is asked for, not the megabytes of every declaration.
 */
export interface Table {
  paths: string[];
  identities: Float64Array;
  ends: Uint32Array;
  /** The index of the blob that holds the texts. */
  blob: number;
  /** The SHA-256 of each part, 32 bytes each, column by column. */
  digests: Uint8Array;
}

/** Rows per part of a column: a few hundred kilobytes of declarations at most, so a few reads for a whole run. */
export const rowsPerPart = 512;
const digestBytes = 32;

function partsPerColumn(rows: number): number {
  return Math.ceil(rows / rowsPerPart);
}

/** Where a cell's text begins in a table's texts. */
function startOf(ends: Uint32Array, cell: number): number {
  return cell === 0 ? 0 : ends[cell - 1]!;
}

/** The part that holds `position` in `column`, with its first cell and the byte range of its texts. */
function partOf(ends: Uint32Array, rows: number, position: number, column: number): { part: number; firstCell: number; start: number; end: number } {
  const block = Math.floor(position / rowsPerPart);
  const firstCell = column * rows + block * rowsPerPart;
  const lastCell = Math.min(firstCell + rowsPerPart, (column + 1) * rows) - 1;
  return { part: column * partsPerColumn(rows) + block, firstCell, start: startOf(ends, firstCell), end: ends[lastCell]! };
}

/** Whether `paths` are strings with one identity each in `identities`: how the cache file lists what it looked at. */
export function isIdentifiedPaths(paths: unknown, identities: unknown): paths is string[] {
  return (
    Array.isArray(paths) &&
    identities instanceof Float64Array &&
    identities.length === paths.length * identityWidth &&
    paths.every((path) => typeof path === 'string')
  );
}

/** Whether the ends cut the texts into `cells` texts, in order. */
function cutsTexts(ends: Uint32Array, cells: number): boolean {
  if (ends.length !== cells) return false;
  let previous = 0;
  for (const end of ends) {
    if (end < previous) return false;
    previous = end;
  }
  return true;
}

export function isTable(value: unknown, columns: number): value is Table {
  const table = value as Partial<Table> | null;
  return (
    typeof table === 'object' &&
    table !== null &&
    isIdentifiedPaths(table.paths, table.identities) &&
    table.ends instanceof Uint32Array &&
    cutsTexts(table.ends, table.paths.length * columns) &&
    Number.isSafeInteger(table.blob) &&
    table.digests instanceof Uint8Array &&
    table.digests.length === partsPerColumn(table.paths.length) * columns * digestBytes
  );
}

/** Reads `[start, end)` of a table's texts blob; undefined when it cannot be read. */
export type ReadTexts = (start: number, end: number) => Buffer | undefined;

/** Rows looked up by path in a table read from the cache, whose texts are read part by part as rows ask for them. */
export class TableReader {
  private readonly index = new Map<string, number>();
  readonly columns: number;
  /** Each part read so far; null for one whose bytes could not be read or did not match their digest. */
  private readonly parts = new Map<number, Buffer | null>();
  /**
   * Whether a part's bytes did not match their digest (for a note; its rows are not used). A part that cannot be read
   * at all (another run wrote the cache since this one opened it) is not damage: its rows are only not used.
   */
  damaged = false;

  constructor(
    readonly table: Table,
    private readonly readTexts: ReadTexts,
  ) {
    table.paths.forEach((path, position) => this.index.set(path, position));
    this.columns = table.paths.length === 0 ? 0 : table.ends.length / table.paths.length;
  }

  get paths(): readonly string[] {
    return this.table.paths;
  }

  row(path: string): TableRow | undefined {
    const position = this.index.get(path);
    return position === undefined ? undefined : new TableRow(this, position);
  }

  bytesOf(position: number, column: number): Buffer | undefined {
    const { part, start, end } = this.placeOf(position, column);
    return part?.subarray(start, end);
  }

  /** A cell's text decoded straight from its part: no view of the bytes is made for it. */
  textOf(position: number, column: number): string | undefined {
    const { part, start, end } = this.placeOf(position, column);
    return part?.toString('utf8', start, end);
  }

  /** The part that holds a cell, read when first asked for, and where the cell lies in it. */
  private placeOf(position: number, column: number): { part: Buffer | undefined; start: number; end: number } {
    const { ends, paths } = this.table;
    const { part, firstCell, start, end } = partOf(ends, paths.length, position, column);
    const cell = firstCell + (position % rowsPerPart);
    return { part: this.part(part, start, end), start: startOf(ends, cell) - start, end: ends[cell]! - start };
  }

  private part(part: number, start: number, end: number): Buffer | undefined {
    let bytes = this.parts.get(part);
    if (bytes === undefined) {
      const read = this.readTexts(start, end);
      const digest = this.table.digests.subarray(part * digestBytes, (part + 1) * digestBytes);
      bytes = read && sha256Bytes(read).equals(digest) ? read : null;
      if (read && bytes === null) this.damaged = true;
      this.parts.set(part, bytes);
    }
    return bytes ?? undefined;
  }
}

/**
 * The table of `rows` and the blob of its texts (to be written as blob `blob`). A row whose texts cannot be read (its
 * part of the cache damaged) is left out.
 */
export function toTable(rows: ReadonlyMap<string, Row>, blob: number): { table: Table; texts: Buffer } {
  const paths: string[] = [];
  const identities: number[] = [];
  // A row read from a table keeps its texts as bytes; one this run made has strings.
  const cellsByRow: (string | Uint8Array)[][] = [];
  for (const [path, row] of rows) {
    const cells: (string | Uint8Array)[] = [];
    for (let column = 0; column < row.columns; column++) {
      const cell = row instanceof TableRow ? row.bytes(column) : row.text(column);
      if (cell === undefined) break;
      cells.push(cell);
    }
    if (cells.length !== row.columns) continue;
    paths.push(path);
    writeIdentity(row.identity, identities);
    cellsByRow.push(cells);
  }
  const columns = cellsByRow[0]?.length ?? 0;
  const cells = Array.from({ length: columns }, (_, column) => cellsByRow.map((cellsOfRow) => cellsOfRow[column]!)).flat();
  const ends = new Uint32Array(cells.length);
  let length = 0;
  cells.forEach((cell, index) => (ends[index] = length += typeof cell === 'string' ? Buffer.byteLength(cell, 'utf8') : cell.length));
  const texts = Buffer.alloc(length);
  cells.forEach((cell, index) => {
    const at = startOf(ends, index);
    if (typeof cell === 'string') texts.write(cell, at, 'utf8');
    else texts.set(cell, at);
  });
  const parts = partsPerColumn(paths.length);
  const digests = new Uint8Array(parts * columns * digestBytes);
  for (let column = 0; column < columns; column++) {
    for (let position = 0; position < paths.length; position += rowsPerPart) {
      const { part, start, end } = partOf(ends, paths.length, position, column);
      digests.set(sha256Bytes(texts.subarray(start, end)), part * digestBytes);
    }
  }
  return { table: { paths, identities: Float64Array.from(identities), ends, blob, digests }, texts };
}

/** A table of no rows, whose texts are never read. */
export function emptyTable(): Table {
  return { paths: [], identities: new Float64Array(0), ends: new Uint32Array(0), blob: -1, digests: new Uint8Array(0) };
}
