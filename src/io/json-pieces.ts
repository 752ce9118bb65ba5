import { randomBytes } from 'node:crypto';

/** Where a long array goes in a document written by `jsonPieces`: its items are turned to text one at a time. */
export class ItemsInPieces {
  constructor(readonly items: Iterable<unknown>) {}
}

export function inPieces(items: Iterable<unknown>): ItemsInPieces {
  return new ItemsInPieces(items);
}

/**
 * `JSON.stringify(document, null, indent)` in pieces: one for each item of the arrays marked with `inPieces`, and
 * the text around them, so a report with thousands of findings is never one string (nor one object tree) in memory.
 * Joined, the pieces are exactly the text `JSON.stringify` gives for the document with those arrays filled in.
 */
export function* jsonPieces(document: unknown, indent: 0 | 2): Generator<string> {
  // Each marked array is written as a string holding a marker no value can contain by chance, then cut out.
  const marker = `svc-lint-items-${randomBytes(8).toString('hex')}-`;
  const marked: ItemsInPieces[] = [];
  const outline = JSON.stringify(
    document,
    (_key, value: unknown) => (value instanceof ItemsInPieces ? `${marker}${marked.push(value) - 1}` : value),
    indent,
  );
  const parts = outline.split(new RegExp(`"${marker}(\\d+)"`));
  for (let index = 0; index < parts.length; index += 2) {
    const text = parts[index]!;
    yield text;
    const markedIndex = parts[index + 1];
    if (markedIndex === undefined) break;
    yield* arrayPieces(marked[Number(markedIndex)]!.items, indent, indentationOfLastLine(text));
  }
  yield '\n';
}

function indentationOfLastLine(text: string): string {
  const lineStart = text.lastIndexOf('\n') + 1;
  return /^ */.exec(text.slice(lineStart))![0];
}

function* arrayPieces(items: Iterable<unknown>, indent: 0 | 2, lineIndentation: string): Generator<string> {
  const itemIndentation = `${lineIndentation}${' '.repeat(indent)}`;
  let count = 0;
  for (const item of items) {
    const text = JSON.stringify(item, null, indent) ?? 'null';
    const separator = count === 0 ? '[' : ',';
    yield indent === 0 ? `${separator}${text}` : `${separator}\n${itemIndentation}${text.replaceAll('\n', `\n${itemIndentation}`)}`;
    count += 1;
  }
  yield count === 0 ? '[]' : indent === 0 ? ']' : `\n${lineIndentation}]`;
}
