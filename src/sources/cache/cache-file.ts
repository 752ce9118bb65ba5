import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
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
 * (a file cut short, damaged on disk or edited by hand fails here and is never trusted). `bodyDigest` is the SHA-256 of
 * the bytes after the header lines, when whoever read them hashed them on the way.
 */
export function decodeCacheFile<T>(bytes: Buffer, fingerprint: string, bodyDigest?: string): CacheFileRead<T> {
  if (bytes.length < cacheMagic.length || bytes.toString('latin1', 0, cacheMagic.length) !== cacheMagic) {
    // Cut short within its first line; anything else (nothing, another version's cache, another file) holds nothing
    // to use, and writing over it says what it is.
    const head = bytes.toString('latin1');
    return bytes.length > 0 && cacheMagic.startsWith(head) ? { kind: 'damaged', problem: 'it is cut short' } : { kind: 'none' };
  }
  const fingerprintEnd = cacheMagic.length + fingerprint.length;
  const hashStart = fingerprintEnd + 1;
  const bodyStart = bodyStartFor(fingerprint);
  if (bytes.length < bodyStart) return { kind: 'damaged', problem: 'it is cut short' };
  if (bytes.toString('latin1', cacheMagic.length, fingerprintEnd) !== fingerprint || bytes[fingerprintEnd] !== 0x0a) return { kind: 'none' };
  const body = bytes.subarray(bodyStart);
  if (bytes.toString('latin1', hashStart, hashStart + hashLength) !== (bodyDigest ?? sha256Hex(body))) {
    return { kind: 'damaged', problem: 'its checksum does not match its content (cut short or changed since svc-lint wrote it)' };
  }
  try {
    return { kind: 'read', payload: deserialize(body) as T };
  } catch {
    return { kind: 'damaged', problem: 'its entries cannot be decoded' };
  }
}

/** Where the body of a cache file for `fingerprint` begins: after the magic, the fingerprint and the hash lines. */
function bodyStartFor(fingerprint: string): number {
  return cacheMagic.length + fingerprint.length + 1 + hashLength + 1;
}

/** How much of a file is read at a time, through one buffer written over again. */
const pieceBytes = 1 << 18;

/**
 * A file's bytes, and the SHA-256 of those from `digestFrom` on, hashed as each piece is read. Read through a small
 * buffer and copied, not straight into the file's buffer: memory the kernel wrote first faults again when the
 * process first reads it, which on a virtual machine took half as long again as the whole read.
 */
function readDigested(path: string, digestFrom: number): { bytes: Buffer; digest: string } {
  const descriptor = openSync(path, 'r');
  try {
    const size = fstatSync(descriptor).size;
    const bytes = Buffer.allocUnsafeSlow(size);
    const piece = Buffer.allocUnsafeSlow(Math.max(1, Math.min(size, pieceBytes)));
    const hash = createHash('sha256');
    let at = 0;
    while (at < size) {
      const read = readSync(descriptor, piece, 0, Math.min(piece.length, size - at), at);
      if (read === 0) break;
      piece.copy(bytes, at, 0, read);
      if (at + read > digestFrom) hash.update(piece.subarray(Math.max(0, digestFrom - at), read));
      at += read;
    }
    return { bytes: bytes.subarray(0, at), digest: hash.digest('hex') };
  } finally {
    closeSync(descriptor);
  }
}

/** Reads the cache at `path`; a link or a device is never read (a link is replaced when the cache is written). */
export function readCacheFile<T>(path: string, fingerprint: string): CacheFileRead<T> {
  if (!isRegularFile(path)) return { kind: 'none' };
  let read: { bytes: Buffer; digest: string };
  try {
    read = readDigested(path, bodyStartFor(fingerprint));
  } catch (error) {
    return { kind: 'damaged', problem: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  return decodeCacheFile<T>(read.bytes, fingerprint, read.digest);
}
