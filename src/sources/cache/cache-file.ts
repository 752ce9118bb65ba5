import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { isRegularFile } from '../../io/existing-files.js';
import { sha256Hex } from '../../io/sha256.js';
import { identityOfStats, sameIdentity, type FileIdentity } from './file-identity.js';

/**
 * How every cache file svc-lint writes begins: the format's name and version on a line of its own, then a line with
 * the fingerprint (what the entries depend on), a line with the SHA-256 and the length of the head. The head holds the
 * entries as Node's structured-clone encoding (`v8.serialize`), which reads back without a text parser; the blobs
 * after it (the entries' texts, the judgments) are read only when a run uses them, each part checked by a digest the
 * head holds, so a run that uses a few entries of a large cache reads little more than the head.
 */
export const cacheMagic = 'svc-lint cache 4\n';

/** Where `--cache` keeps the cache without `--cache-location`: beside the config file, else in cwd. */
export const defaultCacheFile = '.svc-lint-cache';

/**
 * The cache file of a run: `location` relative to cwd, or (`true`) `defaultCacheFile` in the config's directory, which
 * is cwd without a config file (where `svc-lint baseline` writes too).
 */
export function cacheFilePath(location: string | true, configDirectory: string, cwd: string): string {
  return location === true ? resolve(configDirectory, defaultCacheFile) : resolve(cwd, location);
}

/** How svc-lint's earlier caches (JSON) began: a file it may replace. */
export const earlierCacheHeader = '{"fingerprint":';

/** How every version of the format begins (`svc-lint cache 3` before the blobs): a file svc-lint may replace. */
export const anyCacheMagic = /^svc-lint cache \d+\n/;

const hashLength = 64;

/** Where a blob's bytes are read from; undefined when they cannot be (the file changed or went since it was opened). */
export interface CacheBlobs {
  /** Bytes `start` to `end` of the blob (by default all of it). */
  read(blob: number, start?: number, end?: number): Buffer | undefined;
}

export type CacheFileRead<T> =
  /** Nothing to use, and nothing to say: no file, another version's cache, another configuration. */
  | { kind: 'none' }
  | { kind: 'damaged'; problem: string }
  /** `file`: the identity of the file the head was read from (the blobs are read only while it keeps it). */
  | { kind: 'read'; payload: T; blobs: CacheBlobs; file: FileIdentity };

const damagedProblem = 'its checksum does not match its content (cut short or changed since svc-lint wrote it)';

/** What the head holds besides the payload: how long each blob is, in the order they follow the head. */
interface Head {
  payload: unknown;
  blobLengths: number[];
}

/** The bytes of a cache file holding `payload` for `fingerprint`, with `blobs` after its head (the payload refers to them by index). */
export function encodeCacheFile(fingerprint: string, payload: unknown, blobs: readonly Uint8Array[] = []): Buffer {
  const head = serialize({ payload, blobLengths: blobs.map((blob) => blob.length) } satisfies Head);
  return Buffer.concat([Buffer.from(`${cacheMagic}${fingerprint}\n${sha256Hex(head)} ${head.length}\n`, 'latin1'), head, ...blobs]);
}

/** How long a fingerprint line a cache read for any fingerprint may have (svc-lint's are SHA-256 digests, 64 characters). */
const maxFingerprintLength = 256;

/**
 * Where the head line of a cache file for `fingerprint` begins in `start`, its first bytes: after the magic and the
 * fingerprint lines. For any fingerprint (`undefined`), after the first line break that follows the magic; -1 without one.
 */
function hashLineStartIn(start: Buffer, fingerprint: string | undefined): number {
  if (fingerprint !== undefined) return cacheMagic.length + fingerprint.length + 1;
  const fingerprintEnd = start.indexOf(0x0a, cacheMagic.length);
  return fingerprintEnd < 0 ? -1 : fingerprintEnd + 1;
}

function isBlobLengths(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((length) => Number.isSafeInteger(length) && length >= 0);
}

/**
 * Opened without waiting: a FIFO put in the cache's place (after the check that it is a regular file) would otherwise
 * hold the run forever at its open; the identity check after it then refuses the FIFO.
 */
const openToRead = (path: string) => openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);

/** How much of a large read is read at a time, through one buffer written over again (see `readAt`). */
const pieceBytes = 1 << 18;

/**
 * `length` bytes of an open file from `position`, or undefined when fewer are there. A large read goes through a small
 * buffer and is copied: memory the kernel filled first faults again when the process first reads it, which on a
 * virtual machine made checking a read of megabytes take three times as long.
 */
function readAt(descriptor: number, position: number, length: number): Buffer | undefined {
  const bytes = Buffer.allocUnsafe(length);
  const piece = length > pieceBytes ? Buffer.allocUnsafe(pieceBytes) : bytes;
  let at = 0;
  while (at < length) {
    const read = readSync(descriptor, piece, piece === bytes ? at : 0, Math.min(piece.length, length - at), position + at);
    if (read === 0) return undefined;
    if (piece !== bytes) piece.copy(bytes, at, 0, read);
    at += read;
  }
  return bytes;
}

/** Once a run has asked for more than this share of a blob, it reads the rest of the blob in one go. */
const wholeBlobShare = 1 / 8;

/**
 * Blobs read from `path` when asked, each time opening the file afresh (a run keeps no descriptor open), and only while
 * it is the file the head was read from: one a later run wrote in its place gives nothing, and the entry is read again.
 * A run that reads much of a blob (every manifest of a workspace) reads it whole once, not part by part.
 */
function blobsOf(path: string, file: FileIdentity, blobsStart: number, blobLengths: readonly number[]): CacheBlobs {
  const starts: number[] = [];
  blobLengths.reduce((start, length) => (starts.push(start), start + length), blobsStart);
  const asked = blobLengths.map(() => 0);
  const wholes = new Map<number, Buffer>();
  const readFromFile = (position: number, length: number): Buffer | undefined => {
    let descriptor: number | undefined;
    try {
      descriptor = openToRead(path);
      return sameIdentity(identityOfStats(fstatSync(descriptor)), file) ? readAt(descriptor, position, length) : undefined;
    } catch {
      return undefined;
    } finally {
      if (descriptor !== undefined) closeSync(descriptor);
    }
  };
  return {
    read(blob, start = 0, end = blobLengths[blob]) {
      const blobStart = starts[blob];
      const length = blobLengths[blob];
      if (blobStart === undefined || length === undefined || end === undefined || start < 0 || end < start || end > length) return undefined;
      let whole = wholes.get(blob);
      asked[blob]! += end - start;
      if (!whole && end - start < length && asked[blob]! > length * wholeBlobShare) {
        whole = readFromFile(blobStart, length);
        if (whole) wholes.set(blob, whole);
      }
      return whole ? whole.subarray(start, end) : readFromFile(blobStart + start, end - start);
    },
  };
}

/**
 * Reads a cache file's head: its payload when the fingerprint matches, the checksum proves the head is the one written
 * and the file is as long as the head says (a file cut short, damaged on disk or edited by hand fails here and is never
 * trusted; a blob damaged later is caught by its own digest when read). `fingerprint` undefined reads a cache written
 * for any configuration (to look ahead at the files it names, never to use its entries).
 */
export function readCacheFile<T>(path: string, fingerprint: string | undefined): CacheFileRead<T> {
  if (!isRegularFile(path)) return { kind: 'none' };
  let descriptor: number | undefined;
  try {
    descriptor = openToRead(path);
    // The blobs are read later only from the file whose head is read here.
    const file = identityOfStats(fstatSync(descriptor));
    // The magic, the fingerprint and the head line, whose length is at most that of a hash and a 16-digit number.
    const fingerprintLength = fingerprint?.length ?? maxFingerprintLength;
    const start = readAt(descriptor, 0, Math.min(file.size, cacheMagic.length + fingerprintLength + 1 + hashLength + 18)) ?? Buffer.alloc(0);
    if (start.length < cacheMagic.length || start.toString('latin1', 0, cacheMagic.length) !== cacheMagic) {
      // Cut short within its first line; anything else (nothing, another version's cache, another file) holds nothing
      // to use, and writing over it says what it is.
      const head = start.toString('latin1');
      return start.length > 0 && cacheMagic.startsWith(head) ? { kind: 'damaged', problem: 'it is cut short' } : { kind: 'none' };
    }
    const hashLineStart = hashLineStartIn(start, fingerprint);
    if (hashLineStart < 0 || start.length < hashLineStart) return { kind: 'damaged', problem: 'it is cut short' };
    const written = start.toString('latin1', cacheMagic.length, hashLineStart - 1);
    if ((fingerprint !== undefined && written !== fingerprint) || start[hashLineStart - 1] !== 0x0a) return { kind: 'none' };
    const lineEnd = start.indexOf(0x0a, hashLineStart);
    const [hash, lengthText, ...rest] = start.toString('latin1', hashLineStart, lineEnd < 0 ? start.length : lineEnd).split(' ');
    const headLength = Number(lengthText);
    if (lineEnd < 0 || rest.length > 0 || hash?.length !== hashLength || !Number.isSafeInteger(headLength) || headLength < 0) {
      return { kind: 'damaged', problem: damagedProblem };
    }
    const headStart = lineEnd + 1;
    const head = headStart + headLength <= file.size ? readAt(descriptor, headStart, headLength) : undefined;
    if (!head || sha256Hex(head) !== hash) return { kind: 'damaged', problem: damagedProblem };
    let decoded: Partial<Head>;
    try {
      decoded = deserialize(head) as Partial<Head>;
    } catch {
      return { kind: 'damaged', problem: 'its entries cannot be decoded' };
    }
    const { blobLengths } = decoded;
    if (!isBlobLengths(blobLengths)) return { kind: 'damaged', problem: 'its entries cannot be decoded' };
    const blobsStart = headStart + headLength;
    if (blobLengths.reduce((total, length) => total + length, blobsStart) !== file.size) return { kind: 'damaged', problem: damagedProblem };
    return { kind: 'read', payload: decoded.payload as T, blobs: blobsOf(path, file, blobsStart, blobLengths), file };
  } catch (error) {
    return { kind: 'damaged', problem: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
