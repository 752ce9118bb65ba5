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
