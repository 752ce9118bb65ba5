import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { encodeCacheFile, readCacheFile, type CacheBlobs } from '../../src/sources/cache/cache-file.js';
import { sha256Bytes } from '../../src/io/sha256.js';
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
  evidence: Table;
  judgments: Map<string, { blob: number; digest: Uint8Array }>;
}

function fingerprintOf(path: string): string {
  return readFileSync(path).toString('latin1').split('\n')[1]!;
}

function payloadOf(path: string): { payload: Payload; blobs: CacheBlobs } {
  const read = readCacheFile<Payload>(path, fingerprintOf(path));
  if (read.kind !== 'read') throw new Error(`${path} is not a readable cache (${read.kind})`);
  return { payload: read.payload, blobs: read.blobs };
}

function rowsOf(table: Table, blobs: CacheBlobs): Map<string, Row> {
  const reader = new TableReader(table, (start, end) => blobs.read(table.blob, start, end));
  return new Map(table.paths.map((path) => [path, reader.row(path)!]));
}

/** The judgments' texts as the cache keeps them. */
function judgmentTexts(payload: Payload, blobs: CacheBlobs): Map<string, Uint8Array> {
  return new Map([...payload.judgments].map(([key, entry]) => [key, blobs.read(entry.blob)!]));
}

/** Writes a cache file as svc-lint would: every checksum valid, the texts after the head. */
function writeCache(path: string, fingerprint: string, payload: Payload, sources: Map<string, Row>, evidence: Map<string, Row>, judgments: Map<string, Uint8Array>): void {
  const sourcesTable = toTable(sources, 0);
  const evidenceTable = toTable(evidence, 1);
  const blobs: Uint8Array[] = [sourcesTable.texts, evidenceTable.texts];
  const judgmentEntries = new Map([...judgments].map(([key, bytes]) => [key, { blob: blobs.push(bytes) - 1, digest: sha256Bytes(bytes) }]));
  writeFileSync(path, encodeCacheFile(fingerprint, { ...payload, sources: sourcesTable.table, evidence: evidenceTable.table, judgments: judgmentEntries }, blobs));
}

/** The manifests a cache file holds, decoded. */
export function cacheEntries(path: string): CacheEntry[] {
  const { payload, blobs } = payloadOf(path);
  return [...rowsOf(payload.sources, blobs)].map(([entryPath, row]) => ({
    path: entryPath,
    origin: row.text(sourceColumn.origin)!,
    declarations: JSON.parse(row.text(sourceColumn.declarations)!),
    judgement: JSON.parse(row.text(sourceColumn.judgement)!),
    locations: row.text(sourceColumn.locations)!,
  }));
}

/** Edits the entries of a cache file and writes it back as svc-lint would (a valid checksum, the same identities). */
export function editCacheEntries(path: string, edit: (entries: CacheEntry[]) => void): void {
  const fingerprint = fingerprintOf(path);
  const { payload, blobs } = payloadOf(path);
  const rows = rowsOf(payload.sources, blobs);
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
  writeCache(path, fingerprint, payload, rows, rowsOf(payload.evidence, blobs), judgmentTexts(payload, blobs));
}

/** What judging a workspace gave, as the cache keeps it under each key, decoded. */
export type CachedJudgments = Map<string, { findings: Record<string, unknown>[]; traffic: unknown[]; evidenceDirectories: string[] } & Record<string, unknown>>;

/** Replaces the judgments of a cache file by those `replace` gives for their texts, and writes it as svc-lint would. */
function rewriteJudgments(path: string, replace: (texts: Map<string, Uint8Array>) => Map<string, Uint8Array>): void {
  const fingerprint = fingerprintOf(path);
  const { payload, blobs } = payloadOf(path);
  writeCache(path, fingerprint, payload, rowsOf(payload.sources, blobs), rowsOf(payload.evidence, blobs), replace(judgmentTexts(payload, blobs)));
}

/** Edits the judgments a cache file keeps and writes it back as svc-lint would (a valid checksum). */
export function editCacheJudgments(path: string, edit: (judgments: CachedJudgments) => void): void {
  rewriteJudgments(path, (texts) => {
    const judgments: CachedJudgments = new Map([...texts].map(([key, bytes]) => [key, JSON.parse(Buffer.from(bytes).toString('utf8'))]));
    edit(judgments);
    return new Map([...judgments].map(([key, judgment]) => [key, new Uint8Array(Buffer.from(JSON.stringify(judgment), 'utf8'))]));
  });
}

/** Replaces the judgments a cache file keeps by `text` each, as a damaged cache with a valid checksum would hold. */
export function replaceCacheJudgments(path: string, text: string): void {
  rewriteJudgments(path, (texts) => new Map([...texts.keys()].map((key) => [key, new Uint8Array(Buffer.from(text, 'utf8'))])));
}

/** Edits the rows of a cache file's manifests (their identities and texts) and writes it back as svc-lint would. */
export function editCacheRows(path: string, edit: (rows: Map<string, Row>) => void): void {
  const fingerprint = fingerprintOf(path);
  const { payload, blobs } = payloadOf(path);
  const rows = rowsOf(payload.sources, blobs);
  edit(rows);
  writeCache(path, fingerprint, payload, rows, rowsOf(payload.evidence, blobs), judgmentTexts(payload, blobs));
}

/**
 * Changes one byte of the text the cache file keeps in `column` for the manifest at `entryPath`, in place, as damage on
 * disk would: the head and its checksum stay as they were, so only the digest of that part of the texts can show it.
 */
export function damageCacheText(path: string, entryPath: string, column: number): void {
  const bytes = readFileSync(path);
  let headStart = 0;
  for (let line = 0; line < 3; line++) headStart = bytes.indexOf(0x0a, headStart) + 1;
  const headLength = Number(bytes.toString('latin1', 0, headStart - 1).split('\n')[2]!.split(' ')[1]);
  const { payload, blobLengths } = deserialize(bytes.subarray(headStart, headStart + headLength)) as { payload: Payload; blobLengths: number[] };
  const table = payload.sources;
  const cell = column * table.paths.length + table.paths.indexOf(entryPath);
  const blobStart = blobLengths.slice(0, table.blob).reduce((total, length) => total + length, headStart + headLength);
  const at = blobStart + (cell === 0 ? 0 : table.ends[cell - 1]!);
  bytes.writeUInt8(bytes.readUInt8(at) ^ 1, at);
  writeFileSync(path, bytes);
}
