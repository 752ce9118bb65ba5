import { readFileSync } from 'node:fs';
import { LineCounter, parseAllDocuments } from 'yaml';
import type { ManifestFile, Range } from '../../src/types.js';
import { readBackstageDocument } from '../../src/sources/backstage/read.js';
import { testLanguages } from './backstage-languages.js';
import type { BackstageReadResult } from '../../src/sources/backstage/types.js';

export function range(line: number, column: number, endLine: number, endColumn: number): Range {
  return { line, column, endLine, endColumn };
}

/** Reads every document of a YAML text the way the manifest loader does. */
export function readAll(text: string, file: ManifestFile): BackstageReadResult[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter });
  if (!Array.isArray(documents)) return [];
  return documents.map((doc, index) => readBackstageDocument(doc, lineCounter, file, index, testLanguages));
}

export function readAllFromFile(path: string, displayPath: string): BackstageReadResult[] {
  return readAll(readFileSync(path, 'utf8'), { path, displayPath });
}
