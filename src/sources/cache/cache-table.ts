import { identityWidth, readIdentity, writeIdentity, type FileIdentity } from './file-identity.js';

/** One entry of a table: the identity its file or directory had, and its texts (JSON, decoded only when used). */
export interface Row {
  readonly identity: FileIdentity;
  readonly columns: number;
  /** The text of a column. */
  text(column: number): string;
}

/** A row this run made. */
export function rowOf(identity: FileIdentity, texts: readonly string[]): Row {
  return { identity, columns: texts.length, text: (column) => texts[column]! };
}

/** `row` with another text in one column. */
export function withText(row: Row, column: number, text: string): Row {
  return { ...row, text: (at) => (at === column ? text : row.text(at)) };
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
  private readonly columns: number;
  private readonly bytes: Buffer;

  constructor(private readonly table: Table) {
    table.paths.forEach((path, position) => this.index.set(path, position));
    this.columns = table.paths.length === 0 ? 0 : table.ends.length / table.paths.length;
    this.bytes = Buffer.from(table.texts.buffer, table.texts.byteOffset, table.texts.byteLength);
  }

  get paths(): readonly string[] {
    return this.table.paths;
  }

  row(path: string): Row | undefined {
    const position = this.index.get(path);
    if (position === undefined) return undefined;
    const { bytes } = this;
    const { ends } = this.table;
    const first = position * this.columns;
    return {
      identity: readIdentity(this.table.identities, position),
      columns: this.columns,
      text: (column) => bytes.toString('utf8', first + column === 0 ? 0 : ends[first + column - 1]!, ends[first + column]!),
    };
  }
}

export function toTable(rows: ReadonlyMap<string, Row>): Table {
  const identities: number[] = [];
  const texts: string[] = [];
  for (const row of rows.values()) {
    writeIdentity(row.identity, identities);
    for (let column = 0; column < row.columns; column++) texts.push(row.text(column));
  }
  const ends = new Uint32Array(texts.length);
  let length = 0;
  texts.forEach((text, index) => (ends[index] = length += Buffer.byteLength(text, 'utf8')));
  const bytes = Buffer.alloc(length);
  texts.forEach((text, index) => bytes.write(text, index === 0 ? 0 : ends[index - 1]!, 'utf8'));
  return { paths: [...rows.keys()], identities: Float64Array.from(identities), texts: new Uint8Array(bytes.buffer, bytes.byteOffset, length), ends };
}

export const emptyTable: Table = { paths: [], identities: new Float64Array(0), texts: new Uint8Array(0), ends: new Uint32Array(0) };
