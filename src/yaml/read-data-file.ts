import { readFileSync } from 'node:fs';
import { parseDocument, type Document } from 'yaml';
import { SvcLintError } from '../errors.js';
import { formatNumber } from '../text/number.js';
import { rangeAtPath, type YamlPath } from './locate.js';
import { decodeUtf8, describeSyntaxError, duplicateKeys, excessiveNesting, lineCounterFor, maxNestingDepth } from './text.js';
import type { Range } from '../types.js';

/** A YAML file svc-lint reads as configuration or data (not a manifest), kept with its nodes for error locations. */
export interface YamlDataFile {
  path: string;
  value: unknown;
  /** The range of the node at `path` (its key with `target: 'key'`), or the start of the file. */
  rangeAt(path: YamlPath, target?: 'key' | 'value'): Range;
}

/** Reads a config or data file; anything wrong with it is one `SvcLintError` naming the file, line and column. */
export function readYamlDataFile(path: string, displayPath: string, kind: 'config' | 'internal'): YamlDataFile {
  const prefix = kind === 'config' ? 'invalid config ' : 'invalid built-in data ';
  const fail = (where: string, reason: string) => new SvcLintError(kind, `${prefix}${displayPath}${where}: ${reason}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new SvcLintError(kind, `cannot read ${displayPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const decoded = decodeUtf8(bytes);
  if ('problem' in decoded) throw fail(`:${decoded.line}:${decoded.column}`, decoded.problem);
  const text = decoded.text;
  const lineCounter = lineCounterFor(text);
  const at = (offset: number) => {
    const position = lineCounter.linePos(offset);
    return `:${position.line}:${position.col}`;
  };
  const deepAt = excessiveNesting(text);
  if (deepAt !== undefined) throw fail(at(deepAt), `the YAML nests deeper than ${formatNumber(maxNestingDepth)} levels`);
  const doc: Document = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const [firstError] = [...doc.errors.map((error) => describeSyntaxError(error, text)), ...duplicateKeys(doc, text)];
  if (firstError) throw fail(at(firstError.start), `invalid YAML: ${firstError.reason}`);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw fail('', `invalid YAML: ${(error as Error).message}`);
  }
  return {
    path,
    value,
    rangeAt: (at, target = 'value') =>
      (at.length > 0 && rangeAtPath(doc, lineCounter, at, target)) || { line: 1, column: 1, endLine: 1, endColumn: 1 },
  };
}
