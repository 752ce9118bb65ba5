import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { isRegularFile } from '../../io/existing-files.js';
import { sha256Hex } from '../../io/sha256.js';

/**
 * How every cache file svc-lint writes begins: the format's name and version on a line of its own, then a line with
 * the fingerprint (what the entries depend on), a line with the SHA-256 of the rest, then the entries as Node's
 * structured-clone encoding (`v8.serialize`), which reads back without a text parser.
 */
export const cacheMagic = 'svc-lint cache 3\n';

/** How svc-lint's earlier caches (JSON) began: a file it may replace. */
export const earlierCacheHeader = '{"fingerprint":';

const hashLength = 64;

export type CacheFileRead<T> =
  /** Nothing to use, and nothing to say: no file, another version's cache, another configuration. */
  | { kind: 'none' }
  | { kind: 'damaged'; problem: string }
  | { kind: 'read'; payload: T };

/** The bytes of a cache file holding `payload` for `fingerprint`. */
export function encodeCacheFile(fingerprint: string, payload: unknown): Buffer {
  const body = serialize(payload);
  return Buffer.concat([Buffer.from(`${cacheMagic}${fingerprint}\n${sha256Hex(body)}\n`, 'latin1'), body]);
}

/**
 * Reads a cache file: its payload when the fingerprint matches and the checksum proves the bytes are those written
 * (a file cut short, damaged on disk or edited by hand fails here and is never trusted).
 */
export function decodeCacheFile<T>(bytes: Buffer, fingerprint: string): CacheFileRead<T> {
  if (bytes.length < cacheMagic.length || bytes.toString('latin1', 0, cacheMagic.length) !== cacheMagic) {
    // Cut short within its first line; anything else (nothing, another version's cache, another file) holds nothing
    // to use, and writing over it says what it is.
    const head = bytes.toString('latin1');
    return bytes.length > 0 && cacheMagic.startsWith(head) ? { kind: 'damaged', problem: 'it is cut short' } : { kind: 'none' };
  }
  const fingerprintEnd = cacheMagic.length + fingerprint.length;
  const hashStart = fingerprintEnd + 1;
  const bodyStart = hashStart + hashLength + 1;
  if (bytes.length < bodyStart) return { kind: 'damaged', problem: 'it is cut short' };
  if (bytes.toString('latin1', cacheMagic.length, fingerprintEnd) !== fingerprint || bytes[fingerprintEnd] !== 0x0a) return { kind: 'none' };
  const body = bytes.subarray(bodyStart);
  if (bytes.toString('latin1', hashStart, hashStart + hashLength) !== sha256Hex(body)) {
    return { kind: 'damaged', problem: 'its checksum does not match its content (cut short or changed since svc-lint wrote it)' };
  }
  try {
    return { kind: 'read', payload: deserialize(body) as T };
  } catch {
    return { kind: 'damaged', problem: 'its entries cannot be decoded' };
  }
}

/** Reads the cache at `path`; a link or a device is never read (a link is replaced when the cache is written). */
export function readCacheFile<T>(path: string, fingerprint: string): CacheFileRead<T> {
  if (!isRegularFile(path)) return { kind: 'none' };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { kind: 'damaged', problem: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  return decodeCacheFile<T>(bytes, fingerprint);
}
