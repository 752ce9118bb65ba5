import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheMagic, encodeCacheFile, readCacheFile } from './cache-file.js';

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
});
