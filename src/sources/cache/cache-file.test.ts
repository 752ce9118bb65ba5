import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cacheMagic, encodeCacheFile, readCacheFile } from './cache-file.js';
import { slowTestTimeout } from '../../../test/timeouts.js';

vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

// Larger than the piece the reader reads at a time, so the checksum runs across several pieces.
const texts = Uint8Array.from({ length: 700_000 }, (_, index) => (index * 7919) % 251);

function written(bytes: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'svc-lint-cache-file-')), 'cache');
  writeFileSync(path, bytes);
  return path;
}

describe('readCacheFile', () => {
  it('reads back a payload larger than one piece', () => {
    const read = readCacheFile<{ texts: Uint8Array }>(written(encodeCacheFile('fingerprint', { texts })), 'fingerprint');
    expect(read.kind).toBe('read');
    expect(Buffer.compare(Buffer.from((read as { payload: { texts: Uint8Array } }).payload.texts), Buffer.from(texts))).toBe(0);
  });

  it.each([1, 262_143, 262_144, 600_000])('finds a byte changed %i bytes into the body', (offset) => {
    const bytes = encodeCacheFile('fingerprint', { texts });
    const bodyStart = cacheMagic.length + 'fingerprint\n'.length + 64 + 1;
    bytes[bodyStart + offset] = 0xff - bytes[bodyStart + offset]!;
    expect(readCacheFile(written(bytes), 'fingerprint')).toEqual({
      kind: 'damaged',
      problem: 'its checksum does not match its content (cut short or changed since svc-lint wrote it)',
    });
  });

  it('finds a file cut short after its first piece', () => {
    const path = written(encodeCacheFile('fingerprint', { texts }));
    writeFileSync(path, readFileSync(path).subarray(0, 400_000));
    expect(readCacheFile(path, 'fingerprint')).toMatchObject({ kind: 'damaged' });
  });

  it('holds nothing for another fingerprint', () => {
    expect(readCacheFile(written(encodeCacheFile('fingerprint', { texts })), 'another')).toEqual({ kind: 'none' });
  });

  it('reads a cache written for any fingerprint when given none, the head checked all the same', () => {
    for (const fingerprint of ['f', 'a'.repeat(64)]) {
      const read = readCacheFile<{ texts: Uint8Array }>(written(encodeCacheFile(fingerprint, { texts })), undefined);
      expect(read.kind === 'read' && read.payload.texts).toEqual(texts);
    }
    const bytes = encodeCacheFile('f', { texts });
    bytes[bytes.length - 1]! ^= 1;
    expect(readCacheFile(written(bytes), undefined)).toMatchObject({ kind: 'damaged' });
  });

  const blobs = [Buffer.from('first blob'), Buffer.from('second → blob')];

  it('reads the blobs after the head only when asked, each part as it was written', () => {
    const read = readCacheFile<{ name: string }>(written(encodeCacheFile('fingerprint', { name: 'head' }, blobs)), 'fingerprint');
    if (read.kind !== 'read') throw new Error(read.kind);
    expect(read.payload).toEqual({ name: 'head' });
    expect(read.blobs.read(1)?.toString('utf8')).toBe('second → blob');
    expect(read.blobs.read(0, 6, 10)?.toString('utf8')).toBe('blob');
    expect(read.blobs.read(0, 6, 11)).toBeUndefined();
    expect(read.blobs.read(2)).toBeUndefined();
  });

  it('finds a file cut short within its blobs when it reads the head', () => {
    const path = written(encodeCacheFile('fingerprint', { name: 'head' }, blobs));
    writeFileSync(path, readFileSync(path).subarray(0, -1));
    expect(readCacheFile(path, 'fingerprint')).toEqual({
      kind: 'damaged',
      problem: 'its checksum does not match its content (cut short or changed since svc-lint wrote it)',
    });
  });

  it('reads no blob of a file written in its place since the head was read', () => {
    const path = written(encodeCacheFile('fingerprint', { name: 'head' }, blobs));
    const read = readCacheFile(path, 'fingerprint');
    if (read.kind !== 'read') throw new Error(read.kind);
    const replacement = `${path}.new`;
    writeFileSync(replacement, encodeCacheFile('fingerprint', { name: 'head' }, blobs));
    renameSync(replacement, path);
    expect(read.blobs.read(0)).toBeUndefined();
  });

  it('reads no blob, and does not wait, when a FIFO took the file\'s place since the head was read', () => {
    const path = written(encodeCacheFile('fingerprint', { name: 'head' }, blobs));
    const read = readCacheFile(path, 'fingerprint');
    if (read.kind !== 'read') throw new Error(read.kind);
    rmSync(path);
    execFileSync('mkfifo', [path]);
    expect(read.blobs.read(0)).toBeUndefined();
  });
});

