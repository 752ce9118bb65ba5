import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import type { LanguageRegistry } from '../../languages/registry.js';
import type { ManifestFile, Range } from '../../types.js';
import { lineCounterFor } from '../../yaml/text.js';
import { maxNestingDepth } from '../../yaml/limits.js';
import { decodeYamlBytes } from '../../yaml/safe-parse.js';
import { rangeOfOffsets, startOfFile } from '../../yaml/locate.js';
import { formatNumber } from '../../text/number.js';
import { readerFinding } from './problems.js';
import { readManifest, type ManifestOrigin, type ReadManifestResult } from './read.js';
import { SvcLintError } from '../../errors.js';

export interface ManifestSource extends ReadManifestResult {
  file: ManifestFile;
}

export const defaultMaxFileSizeMb = 10;

/**
 * YAML nodes one file may hold: a manifest needs a few dozen, a catalog file of a thousand entities some tens of
 * thousands. At the limit a file takes a few seconds and at most about 600 MB, so no file under the size limit can
 * take more (10 MB of `[0,0,0,…]` would otherwise take over 4 GB).
 */
export const maxNodesPerFile = 250_000;

/** YAML nodes one run may parse across its files: some 500,000 manifests, and a bound on the time a run takes. */
export const maxNodesPerRun = 20_000_000;

export interface SourceLimits {
  maxFileSizeMb: number;
  /** The nodes the run may still parse; each parsed file takes its share. */
  runNodes: { left: number };
}

/** The limits of one run: a fresh node budget. */
export function sourceLimits(maxFileSizeMb: number): SourceLimits {
  return { maxFileSizeMb, runNodes: { left: maxNodesPerRun } };
}

function unreadable(file: ManifestFile, reason: string, code: string, range: Range = startOfFile): ManifestSource {
  return { file, services: [], findings: [readerFinding(file, 'manifest-syntax', { reason, code }, range)] };
}

function sizeProblem(file: ManifestFile, bytes: number, limits: SourceLimits): ManifestSource | undefined {
  if (bytes <= limits.maxFileSizeMb * 1024 * 1024) return undefined;
  const sizeMb = (bytes / 1024 / 1024).toFixed(1);
  return unreadable(file, `the file is ${sizeMb} MB, above the ${limits.maxFileSizeMb} MB limit (maxFileSizeMb in the config)`, 'TOO_LARGE');
}

function readBytes(file: ManifestFile, limits: SourceLimits): { bytes: Buffer } | { source: ManifestSource } {
  let descriptor: number | undefined;
  try {
    // One open, its size, one read: no second look-up of the path, as a stat and then a read would take.
    descriptor = openSync(file.path, 'r');
    const tooLarge = sizeProblem(file, fstatSync(descriptor).size, limits);
    return tooLarge ? { source: tooLarge } : { bytes: readFileSync(descriptor) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { source: unreadable(file, `cannot read the file (${code})`, code) };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

function decode(file: ManifestFile, bytes: Uint8Array): { text: string } | { source: ManifestSource } {
  const decoded = decodeYamlBytes(bytes);
  if ('text' in decoded) return decoded;
  // A binary file has no line to point at; a bad byte in a text file has one.
  const at = decoded.code === 'BINARY' ? startOfFile : { line: decoded.line, column: decoded.column, endLine: decoded.line, endColumn: decoded.column + 1 };
  return { source: unreadable(file, decoded.problem, decoded.code, at) };
}

/**
 * Reads and parses one manifest file (or an editor buffer, `bufferText`); whatever is wrong with it becomes a
 * finding, never an exception, and the work stays bounded: size and nesting are checked before parsing. `whenRead`
 * gets the bytes of a file that could be read (what a cache compares a recently changed file by).
 */
export function loadManifestSource(
  file: ManifestFile,
  languages: LanguageRegistry,
  limits: SourceLimits,
  bufferText?: string,
  origin: ManifestOrigin = 'named',
  whenRead?: (bytes: Uint8Array) => void,
): ManifestSource {
  let text: string;
  if (bufferText === undefined) {
    const read = readBytes(file, limits);
    if ('source' in read) return read.source;
    whenRead?.(read.bytes);
    const decoded = decode(file, read.bytes);
    if ('source' in decoded) return decoded.source;
    text = decoded.text;
  } else {
    const tooLarge = sizeProblem(file, Buffer.byteLength(bufferText), limits);
    if (tooLarge) return tooLarge;
    text = bufferText.replace(/^\uFEFF/, '');
  }
  const allowed = Math.min(maxNodesPerFile, limits.runNodes.left);
  const read = readManifest(text, file, languages, allowed, origin);
  if ('tooDeep' in read) {
    const { offset } = read.tooDeep;
    const range = rangeOfOffsets(lineCounterFor(text), offset, offset + 1);
    return unreadable(file, `the YAML nests deeper than ${formatNumber(maxNestingDepth)} levels (a manifest needs a few)`, 'DEPTH', range);
  }
  if ('tooManyNodes' in read) {
    if (allowed < maxNodesPerFile) {
      throw new SvcLintError(
        'limit',
        `the run has parsed ${formatNumber(maxNodesPerRun - limits.runNodes.left)} YAML nodes and ${file.displayPath} would take it past ${formatNumber(maxNodesPerRun)}, the most one run parses: lint fewer files at a time`,
      );
    }
    const { offset } = read.tooManyNodes;
    const range = rangeOfOffsets(lineCounterFor(text), offset, Math.min(offset + 1, text.length));
    return { file, services: [], findings: [readerFinding(file, 'manifest-syntax', { limit: maxNodesPerFile }, range, { messageId: 'too-many-nodes' })] };
  }
  limits.runNodes.left -= read.nodes;
  const { nodes: _nodes, ...manifest } = read;
  return { file, ...manifest };
}
