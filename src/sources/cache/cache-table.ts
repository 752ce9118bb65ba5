import { identityWidth, readIdentity, writeIdentity, type FileIdentity } from './file-identity.js';

/** One entry of a table: the identity its file or directory had, and its texts (JSON, decoded only when used). */
export interface Row {
  readonly identity: FileIdentity;
  readonly columns: number;
  /** The text of a column. */
  text(column: number): string;
  /** Whether a column's text is empty, without decoding it. */
  isEmpty(column: number): boolean;
}

/** A row this run made. */
export function rowOf(identity: FileIdentity, texts: readonly string[]): Row {
  return { identity, columns: texts.length, text: (column) => texts[column]!, isEmpty: (column) => texts[column] === '' };
}

/** `row` with another text in one column. */
export function withText(row: Row, column: number, text: string): Row {
  const { identity, columns } = row;
  return {
    identity,
    columns,
    text: (at) => (at === column ? text : row.text(at)),
    isEmpty: (at) => (at === column ? text === '' : row.isEmpty(at)),
  };
}

/**
 * A row of a table read from the cache: where it lies in the table, nothing decoded. A class, so that a workspace of
 * thousands of rows makes no closure per row.
 */
class TableRow implements Row {
  constructor(
    private readonly reader: TableReader,
    private readonly position: number,
  ) {}

  get identity(): FileIdentity {
    return readIdentity(this.reader.table.identities, this.position);
  }

  get columns(): number {
    return this.reader.columns;
  }

  text(column: number): string {
    const [start, end] = this.#bounds(column);
    return this.reader.bytes.toString('utf8', start, end);
  }

  isEmpty(column: number): boolean {
    const [start, end] = this.#bounds(column);
    return start === end;
  }

  /** A column's text as the table holds it, UTF-8: a row written again unchanged is copied, not decoded. */
  bytes(column: number): Uint8Array {
    const [start, end] = this.#bounds(column);
    return this.reader.bytes.subarray(start, end);
  }

  #bounds(column: number): [number, number] {
    const { ends } = this.reader.table;
    const cell = this.position * this.reader.columns + column;
    return [cell === 0 ? 0 : ends[cell - 1]!, ends[cell]!];
  }
}

/**
 * Entries by path, as the cache file keeps them: the paths, every identity in one typed array, and every text of every
 * row as UTF-8 in one byte array, cut at `ends` (row by row, column by column). Opening one copies the bytes and makes
 * no string of them: a text is decoded when a run reads it, so a run that uses a few entries of a large cache pays for
 * those (a string of megabytes takes V8 tens of milliseconds to deserialise; bytes take none).
 */
export interface Table {
  paths: string[];
  identities: Float64Array;
  texts: Uint8Array;
  ends: Uint32Array;
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

/** Whether the ends cut `texts` into `cells` texts, in order. */
function cutsTexts(ends: Uint32Array, texts: Uint8Array, cells: number): boolean {
  if (ends.length !== cells) return false;
  let previous = 0;
  for (const end of ends) {
    if (end < previous) return false;
    previous = end;
  }
  return previous <= texts.length;
}

export function isTable(value: unknown, columns: number): value is Table {
  const table = value as Partial<Table> | null;
  return (
    typeof table === 'object' &&
    table !== null &&
    isIdentifiedPaths(table.paths, table.identities) &&
    table.texts instanceof Uint8Array &&
    table.ends instanceof Uint32Array &&
    cutsTexts(table.ends, table.texts, table.paths.length * columns)
  );
}

/** Rows looked up by path in a table read from the cache. */
export class TableReader {
  private readonly index = new Map<string, number>();
  readonly columns: number;
  /** The texts, as a Buffer over the same bytes (decoding a slice of it copies nothing else). */
  readonly bytes: Buffer;

  constructor(readonly table: Table) {
    table.paths.forEach((path, position) => this.index.set(path, position));
    this.columns = table.paths.length === 0 ? 0 : table.ends.length / table.paths.length;
    this.bytes = Buffer.from(table.texts.buffer, table.texts.byteOffset, table.texts.byteLength);
  }

  get paths(): readonly string[] {
    return this.table.paths;
  }

  row(path: string): Row | undefined {
    const position = this.index.get(path);
    return position === undefined ? undefined : new TableRow(this, position);
  }
}

export function toTable(rows: ReadonlyMap<string, Row>): Table {
  const identities: number[] = [];
  // A row read from a table keeps its texts as bytes; one this run made has strings.
  const cells: (string | Uint8Array)[] = [];
  for (const row of rows.values()) {
    writeIdentity(row.identity, identities);
    for (let column = 0; column < row.columns; column++) cells.push(row instanceof TableRow ? row.bytes(column) : row.text(column));
  }
  const ends = new Uint32Array(cells.length);
  let length = 0;
  cells.forEach((cell, index) => (ends[index] = length += typeof cell === 'string' ? Buffer.byteLength(cell, 'utf8') : cell.length));
  const bytes = Buffer.alloc(length);
  cells.forEach((cell, index) => {
    const at = index === 0 ? 0 : ends[index - 1]!;
    if (typeof cell === 'string') bytes.write(cell, at, 'utf8');
    else bytes.set(cell, at);
  });
  return { paths: [...rows.keys()], identities: Float64Array.from(identities), texts: new Uint8Array(bytes.buffer, bytes.byteOffset, length), ends };
}

export const emptyTable: Table = { paths: [], identities: new Float64Array(0), texts: new Uint8Array(0), ends: new Uint32Array(0) };
