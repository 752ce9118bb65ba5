import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { SvcLintError } from '../errors.js';
import { rangeAtPath, rangeOfOffsets, type YamlPath } from './locate.js';
import type { Range } from '../types.js';

/** A YAML file svc-lint reads as configuration or data (not a manifest), kept with its nodes for error locations. */
export interface YamlDataFile {
  path: string;
  value: unknown;
  /** The range of the node at `path` (its key with `target: 'key'`), or the start of the file. */
  rangeAt(path: YamlPath, target?: 'key' | 'value'): Range;
}

export function readYamlDataFile(path: string, displayPath: string, kind: 'config' | 'internal'): YamlDataFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SvcLintError(kind, `cannot read ${displayPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [firstError] = doc.errors;
  if (firstError) {
    const at = rangeOfOffsets(lineCounter, firstError.pos[0], firstError.pos[1]);
    throw new SvcLintError(kind, `${displayPath}:${at.line}:${at.column}: invalid YAML: ${firstError.message}`);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new SvcLintError(kind, `${displayPath}: invalid YAML: ${(error as Error).message}`);
  }
  return {
    path,
    value,
    rangeAt: (at, target = 'value') =>
      (at.length > 0 && rangeAtPath(doc, lineCounter, at, target)) || { line: 1, column: 1, endLine: 1, endColumn: 1 },
  };
}
