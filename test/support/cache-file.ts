import { readFileSync, writeFileSync } from 'node:fs';
import { encodeCacheFile, readCacheFile } from '../../src/sources/cache/cache-file.js';
import { TableReader, toTable, withText, type Row, type Table } from '../../src/sources/cache/cache-table.js';
import { sourceColumn } from '../../src/sources/cache/workspace-cache.js';

/** A manifest's entry as the cache keeps it, decoded: its origin, its declarations and what only a linted file needs. */
export interface CacheEntry {
  path: string;
  origin: string;
  declarations: { services: Record<string, unknown>[]; undeclared?: Record<string, unknown>[] };
  judgement: { findings: Record<string, unknown>[]; directives?: unknown; skipped?: unknown; judged?: boolean };
  /** Where the services' fields were read, as the cache encodes them. */
  locations: string;
}

interface Payload {
  sources: Table;
}

function fingerprintOf(path: string): string {
  return readFileSync(path).toString('latin1').split('\n')[1]!;
}

function payloadOf(path: string): Payload {
  const read = readCacheFile<Payload>(path, fingerprintOf(path));
  if (read.kind !== 'read') throw new Error(`${path} is not a readable cache (${read.kind})`);
  return read.payload;
}

function rowsOf(table: Table): Map<string, Row> {
  const reader = new TableReader(table);
  return new Map(table.paths.map((path) => [path, reader.row(path)!]));
}

/** The manifests a cache file holds, decoded. */
export function cacheEntries(path: string): CacheEntry[] {
  return [...rowsOf(payloadOf(path).sources)].map(([entryPath, row]) => ({
    path: entryPath,
    origin: row.text(sourceColumn.origin),
    declarations: JSON.parse(row.text(sourceColumn.declarations)),
    judgement: JSON.parse(row.text(sourceColumn.judgement)),
    locations: row.text(sourceColumn.locations),
  }));
}

/** Edits the entries of a cache file and writes it back as svc-lint would (a valid checksum, the same identities). */
export function editCacheEntries(path: string, edit: (entries: CacheEntry[]) => void): void {
  const fingerprint = fingerprintOf(path);
  const payload = payloadOf(path);
  const rows = rowsOf(payload.sources);
  const entries = cacheEntries(path);
  edit(entries);
  for (const entry of entries) {
    const row = rows.get(entry.path)!;
    const edited: [number, string][] = [
      [sourceColumn.declarations, JSON.stringify(entry.declarations)],
      [sourceColumn.judgement, JSON.stringify(entry.judgement)],
      [sourceColumn.locations, entry.locations],
    ];
    rows.set(entry.path, edited.reduce((changed, [column, text]) => withText(changed, column, text), row));
  }
  writeFileSync(path, encodeCacheFile(fingerprint, { ...payload, sources: toTable(rows) }));
}

/** What judging a workspace gave, as the cache keeps it under each key, decoded. */
export type CachedJudgments = Map<string, { findings: Record<string, unknown>[]; traffic: unknown[]; evidenceDirectories: string[] } & Record<string, unknown>>;

/** Edits the judgments a cache file keeps and writes it back as svc-lint would (a valid checksum). */
export function editCacheJudgments(path: string, edit: (judgments: CachedJudgments) => void): void {
  const fingerprint = fingerprintOf(path);
  const payload = payloadOf(path) as Payload & { judgments: Map<string, Uint8Array> };
  const judgments: CachedJudgments = new Map([...payload.judgments].map(([key, bytes]) => [key, JSON.parse(Buffer.from(bytes).toString('utf8'))]));
  edit(judgments);
  const encoded = new Map([...judgments].map(([key, judgment]) => [key, new Uint8Array(Buffer.from(JSON.stringify(judgment), 'utf8'))]));
  writeFileSync(path, encodeCacheFile(fingerprint, { ...payload, judgments: encoded }));
}

/** Replaces the judgments a cache file keeps by `text` each, as a damaged cache with a valid checksum would hold. */
export function replaceCacheJudgments(path: string, text: string): void {
  const fingerprint = fingerprintOf(path);
  const payload = payloadOf(path) as Payload & { judgments: Map<string, Uint8Array> };
  const replaced = new Map([...payload.judgments.keys()].map((key) => [key, new Uint8Array(Buffer.from(text, 'utf8'))]));
  writeFileSync(path, encodeCacheFile(fingerprint, { ...payload, judgments: replaced }));
}
