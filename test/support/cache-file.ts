import { readFileSync, writeFileSync } from 'node:fs';
import { encodeCacheFile, readCacheFile } from '../../src/sources/cache/cache-file.js';

/** A manifest's entry as the cache keeps it, decoded: its origin, its declarations and what only a linted file needs. */
export interface CacheEntry {
  path: string;
  origin: string;
  declarations: { services: Record<string, unknown>[]; undeclared?: Record<string, unknown>[] };
  judgement: { findings: Record<string, unknown>[]; directives?: unknown; skipped?: unknown; judged?: boolean };
}

interface Payload {
  sources: { paths: string[]; identities: Float64Array; texts: string[][] };
}

function fingerprintOf(path: string): string {
  return readFileSync(path).toString('latin1').split('\n')[1]!;
}

function payloadOf(path: string): Payload {
  const read = readCacheFile<Payload>(path, fingerprintOf(path));
  if (read.kind !== 'read') throw new Error(`${path} is not a readable cache (${read.kind})`);
  return read.payload;
}

/** The manifests a cache file holds, decoded. */
export function cacheEntries(path: string): CacheEntry[] {
  const { sources } = payloadOf(path);
  return sources.paths.map((entryPath, index) => {
    const [origin, , declarations, judgement] = sources.texts[index]!;
    return { path: entryPath, origin: origin!, declarations: JSON.parse(declarations!), judgement: JSON.parse(judgement!) };
  });
}

/** Edits the entries of a cache file and writes it back as svc-lint would (a valid checksum, the same identities). */
export function editCacheEntries(path: string, edit: (entries: CacheEntry[]) => void): void {
  const fingerprint = fingerprintOf(path);
  const payload = payloadOf(path);
  const entries = cacheEntries(path);
  edit(entries);
  entries.forEach((entry, index) => {
    const texts = payload.sources.texts[index]!;
    texts[2] = JSON.stringify(entry.declarations);
    texts[3] = JSON.stringify(entry.judgement);
  });
  writeFileSync(path, encodeCacheFile(fingerprint, payload));
}
