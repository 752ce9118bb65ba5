import { readFileSync } from 'node:fs';
import { SvcLintError } from '../errors.js';
import { formatNumber } from '../text/number.js';
import { rangeAtPath, startOfFile, type YamlPath } from './locate.js';
import { maxNestingDepth } from './limits.js';
import { documentProblems, decodeYamlBytes, parseYamlSafely, plainValueOf } from './safe-parse.js';
import { lineCounterFor } from './text.js';
import type { Range } from '../types.js';

/** A YAML file svc-lint reads as configuration or data (not a manifest), kept with its nodes for error locations. */
export interface YamlDataFile {
  path: string;
  value: unknown;
  /** The range of the node at `path` (its key with `target: 'key'`), or the start of the file. */
  rangeAt(path: YamlPath, target?: 'key' | 'value'): Range;
}

/**
 * Reads a config or data file (or `buffer`, an editor's unsaved text of it, checked as the file would be); anything
 * wrong with it is one `SvcLintError` naming the file, line and column.
 */
export function readYamlDataFile(path: string, displayPath: string, kind: 'config' | 'internal', buffer?: string): YamlDataFile {
  const prefix = kind === 'config' ? 'invalid config ' : 'invalid built-in data ';
  const fail = (where: string, reason: string) => new SvcLintError(kind, `${prefix}${displayPath}${where}: ${reason}`);
  let bytes: Buffer;
  try {
    bytes = buffer === undefined ? readFileSync(path) : Buffer.from(buffer, 'utf8');
  } catch (error) {
    throw new SvcLintError(kind, `cannot read ${displayPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const decoded = decodeYamlBytes(bytes);
  if ('problem' in decoded) throw fail(`:${decoded.line}:${decoded.column}`, decoded.problem);
  const text = decoded.text;
  const parsed = parseYamlSafely(text);
  const lineCounter = 'lineCounter' in parsed ? parsed.lineCounter : lineCounterFor(text);
  const at = (offset: number) => {
    const position = lineCounter.linePos(offset);
    return `:${position.line}:${position.col}`;
  };
  if ('tooDeep' in parsed) throw fail(at(parsed.tooDeep.offset), `the YAML nests deeper than ${formatNumber(maxNestingDepth)} levels`);
  if ('tooManyNodes' in parsed) throw fail(at(parsed.tooManyNodes.offset), 'the YAML holds too many nodes');
  const [doc, second] = parsed.documents;
  if (second) throw fail(at(second.range[0]), `holds ${parsed.documents.length} YAML documents; a ${kind === 'config' ? 'config' : 'data file'} is one`);
  if (!doc) return { path, value: null, rangeAt: () => startOfFile };
  const [firstError] = documentProblems(doc, text);
  if (firstError) throw fail(at(firstError.start), `invalid YAML: ${firstError.reason}`);
  const plain = plainValueOf(doc);
  if ('error' in plain) throw fail('', `invalid YAML: ${plain.error}`);
  const value = plain.value;
  return {
    path,
    value,
    rangeAt: (at, target = 'value') =>
      (at.length > 0 && rangeAtPath(doc, lineCounter, at, target)) || startOfFile,
  };
}
