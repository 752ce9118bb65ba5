import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Position, Range as LspRange } from 'vscode-languageserver';
import type { Range } from '../types.js';

/** A finding's 1-based range (end column just past the last character) as LSP's 0-based one (end exclusive too). */
export function lspRange(range: Range): LspRange {
  return {
    start: { line: range.line - 1, character: range.column - 1 },
    end: { line: range.endLine - 1, character: range.endColumn - 1 },
  };
}

export function contains(range: LspRange, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

export function overlaps(a: LspRange, b: LspRange): boolean {
  return contains(a, b.start) || contains(a, b.end) || contains(b, a.start);
}

/** The path of a `file:` URI; undefined for any other scheme (an untitled buffer, a remote file). */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function uriOfPath(path: string): string {
  return pathToFileURL(path).href;
}
