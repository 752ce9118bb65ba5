/** A large text's pieces joined into batches of about `size` characters: few writes, and never the whole text at once. */
export function* inBatches(pieces: Iterable<string>, size = 1 << 16): Generator<string> {
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= size) {
      yield batch;
      batch = '';
    }
  }
  if (batch !== '') yield batch;
}

/**
 * A large text's pieces written as UTF-8 into batches of about `size` bytes. Each piece is encoded on its own, into the
 * batch's buffer: joining pieces into one string first makes a rope that must be flattened, in two-byte form as soon as
 * one piece holds a character beyond Latin-1 (a report's "→"), and encoding that took eight times as long. Each batch
 * is in a buffer from `allocate`: by default one of its own, which the caller may hand over.
 */
export function* inByteBatches(pieces: Iterable<string>, size = 1 << 18, allocate: (size: number) => Buffer = Buffer.allocUnsafeSlow): Generator<Uint8Array> {
  let batch = allocate(size);
  let length = 0;
  for (const piece of pieces) {
    // At most three bytes per UTF-16 unit (a surrogate pair's four bytes take two units).
    const most = piece.length * 3;
    if (length + most > batch.length) {
      if (length > 0) yield batch.subarray(0, length);
      batch = allocate(Math.max(size, most));
      length = 0;
    }
    length += batch.write(piece, length, 'utf8');
  }
  if (length > 0) yield batch.subarray(0, length);
}

/**
 * An `allocate` for `inByteBatches` whose caller writes each batch before asking for the next: one buffer serves every
 * batch, and a report of any size touches its pages once.
 */
export function oneBuffer(): (size: number) => Buffer {
  let buffer: Buffer | undefined;
  return (size) => (buffer !== undefined && buffer.length >= size ? buffer : (buffer = Buffer.allocUnsafeSlow(size)));
}
