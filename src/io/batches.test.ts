import { describe, expect, it } from 'vitest';
import { inBatches, inByteBatches, oneBuffer } from './batches.js';

describe('inBatches', () => {
  it('joins small pieces up to the batch size and keeps their order', () => {
    expect([...inBatches(['ab', 'cd', 'e', 'fgh', 'i'], 4)]).toEqual(['abcd', 'efgh', 'i']);
  });

  it('passes a piece larger than the batch size on whole', () => {
    expect([...inBatches(['a', 'bcdefg', 'h'], 3)]).toEqual(['abcdefg', 'h']);
  });

  it('yields nothing for no text', () => {
    expect([...inBatches([], 4)]).toEqual([]);
    expect([...inBatches(['', ''], 4)]).toEqual([]);
  });
});

describe('inByteBatches', () => {
  const text = (batches: Iterable<Uint8Array>) => [...batches].map((batch) => Buffer.from(batch).toString('utf8'));

  it('encodes the pieces in order, each batch at most the size unless one piece needs more', () => {
    const batches = [...inByteBatches(['ab', 'cd', 'e', 'fgh', 'i'], 6)];
    expect(text(batches).join('')).toBe('abcdefghi');
    expect(batches.every((batch) => batch.length <= 6)).toBe(true);
  });

  it('keeps characters of two, three and four bytes whole across batches', () => {
    const pieces = ['a → b', '×', '😀', 'plain', '…≈'];
    const batches = [...inByteBatches(pieces, 8)];
    expect(Buffer.concat(batches).toString('utf8')).toBe(pieces.join(''));
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(Buffer.from(batch).toString('utf8')).not.toContain('\uFFFD');
  });

  it('starts a larger buffer for a piece larger than the batch size, never splits a piece, and gives each batch a buffer of its own', () => {
    const batches = [...inByteBatches(['a', 'bcdefg', 'h'], 3)];
    expect(text(batches)).toEqual(['a', 'bcdefgh']);
    expect(new Set(batches.map((batch) => batch.buffer)).size).toBe(2);
  });

  it('yields nothing for no text', () => {
    expect([...inByteBatches([], 4)]).toEqual([]);
    expect([...inByteBatches(['', ''], 4)]).toEqual([]);
  });

  it('with oneBuffer, writes every batch from one buffer when each is consumed before the next, and only grows it for a larger piece', () => {
    const pieces = ['αβγ', 'defg', 'hé', 'ijklmnopqrstu', 'vw', 'xyz'];
    const buffers = new Set<ArrayBufferLike>();
    const written: string[] = [];
    for (const batch of inByteBatches(pieces, 16, oneBuffer())) {
      buffers.add(batch.buffer);
      written.push(Buffer.from(batch).toString('utf8'));
    }
    expect(written.join('')).toBe(pieces.join(''));
    expect(written).toEqual(text(inByteBatches(pieces, 16)));
    expect(written).toHaveLength(3);
    expect(buffers.size).toBe(2);
  });
});
