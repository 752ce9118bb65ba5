import { identityWidth, readIdentity, writeIdentity, type FileIdentity } from './file-identity.js';

/** One entry of a table: the identity its file or directory had, and its texts (JSON, decoded only when used). */
export interface Row {
  identity: FileIdentity;
  texts: string[];
}

/**
 * Entries by path, as the cache file keeps them: the paths, every identity in one typed array (stored as raw bytes)
 * and each entry's texts. Opening one costs a copy of strings, not the building of an object per value.
 */
export interface Table {
  paths: string[];
  identities: Float64Array;
  texts: string[][];
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

export function isTable(value: unknown, columns: number): value is Table {
  const table = value as Partial<Table> | null;
  return (
    typeof table === 'object' &&
    table !== null &&
    isIdentifiedPaths(table.paths, table.identities) &&
    Array.isArray(table.texts) &&
    table.texts.length === table.paths.length &&
    table.texts.every((texts) => Array.isArray(texts) && texts.length === columns && texts.every((text) => typeof text === 'string'))
  );
}

/** Rows looked up by path in a table read from the cache. */
export class TableReader {
  private readonly index = new Map<string, number>();

  constructor(private readonly table: Table) {
    table.paths.forEach((path, position) => this.index.set(path, position));
  }

  get paths(): readonly string[] {
    return this.table.paths;
  }

  row(path: string): Row | undefined {
    const position = this.index.get(path);
    if (position === undefined) return undefined;
    return { identity: readIdentity(this.table.identities, position), texts: this.table.texts[position]! };
  }
}

export function toTable(rows: ReadonlyMap<string, Row>): Table {
  const identities: number[] = [];
  const texts: string[][] = [];
  for (const row of rows.values()) {
    writeIdentity(row.identity, identities);
    texts.push(row.texts);
  }
  return { paths: [...rows.keys()], identities: Float64Array.from(identities), texts };
}

export const emptyTable: Table = { paths: [], identities: new Float64Array(0), texts: [] };
