import type { Formatter, PieceFormatter } from './types.js';

/** The formatter giving the pieces' text as one string. */
export function joinedPieces(pieces: PieceFormatter): Formatter {
  return (result, context) => [...pieces(result, context)].join('');
}

export function* mapped<Item, Mapped>(items: Iterable<Item>, map: (item: Item) => Mapped): Generator<Mapped> {
  for (const item of items) yield map(item);
}
