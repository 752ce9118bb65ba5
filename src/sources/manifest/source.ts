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

function sizeProblem(file: ManifestFile, bytes: number, maxFileSizeMb: number): ManifestSource | undefined {
  if (bytes <= maxFileSizeMb * 1024 * 1024) return undefined;
  const sizeMb = (bytes / 1024 / 1024).toFixed(1);
  return unreadable(file, `the file is ${sizeMb} MB, above the ${maxFileSizeMb} MB limit (maxFileSizeMb in the config)`, 'TOO_LARGE');
}

function readBytes(file: ManifestFile, maxFileSizeMb: number): { bytes: Buffer } | { source: ManifestSource } {
  let descriptor: number | undefined;
  try {
    // One open, its size, one read: no second look-up of the path, as a stat and then a read would take.
    descriptor = openSync(file.path, 'r');
    const tooLarge = sizeProblem(file, fstatSync(descriptor).size, maxFileSizeMb);
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

/** A manifest read and parsed, with the YAML nodes it took from the run's budget (see `chargeNodes`). */
export interface ReadSource {
  source: ManifestSource;
  /** The nodes parsed; above `maxNodesPerFile` when the file holds more than one file may (then it is a finding). */
  nodes: number;
}

/**
 * Reads and parses one manifest file (or an editor buffer, `bufferText`) on its own, without the run's node budget,
 * which `chargeNodes` applies: so files can be read in any thread and charged in the run's order. Whatever is wrong
 * with the file becomes a finding, never an exception, and the work stays bounded: size and nesting are checked before
 * parsing, nodes while parsing. `whenRead` gets the bytes of a file that could be read.
 */
export function readManifestSource(
  file: ManifestFile,
  languages: LanguageRegistry,
  maxFileSizeMb: number,
  bufferText?: string,
  origin: ManifestOrigin = 'named',
  whenRead?: (bytes: Uint8Array) => void,
): ReadSource {
  let text: string;
  if (bufferText === undefined) {
    const read = readBytes(file, maxFileSizeMb);
    if ('source' in read) return { source: read.source, nodes: 0 };
    whenRead?.(read.bytes);
    const decoded = decode(file, read.bytes);
    if ('source' in decoded) return { source: decoded.source, nodes: 0 };
    text = decoded.text;
  } else {
    const tooLarge = sizeProblem(file, Buffer.byteLength(bufferText), maxFileSizeMb);
    if (tooLarge) return { source: tooLarge, nodes: 0 };
    text = bufferText.replace(/^\uFEFF/, '');
  }
  const read = readManifest(text, file, languages, maxNodesPerFile, origin);
  if ('tooDeep' in read) {
    const { offset } = read.tooDeep;
    const range = rangeOfOffsets(lineCounterFor(text), offset, offset + 1);
    const source = unreadable(file, `the YAML nests deeper than ${formatNumber(maxNestingDepth)} levels (a manifest needs a few)`, 'DEPTH', range);
    return { source, nodes: 0 };
  }
  if ('tooManyNodes' in read) {
    const { offset } = read.tooManyNodes;
    const range = rangeOfOffsets(lineCounterFor(text), offset, Math.min(offset + 1, text.length));
    const finding = readerFinding(file, 'manifest-syntax', { limit: maxNodesPerFile }, range, { messageId: 'too-many-nodes' });
    return { source: { file, services: [], findings: [finding] }, nodes: maxNodesPerFile + 1 };
  }
  const { nodes, ...manifest } = read;
  return { source: { file, ...manifest }, nodes };
}

/**
 * Takes a read file's nodes from the run's budget; throws (kind `limit`) when they would take the run past
 * `maxNodesPerRun`. A file above the per-file limit costs nothing (it is a finding), unless the run has less left than
 * one file may take.
 */
export function chargeNodes({ source, nodes }: ReadSource, limits: SourceLimits): ManifestSource {
  const left = limits.runNodes.left;
  const overRun = nodes > maxNodesPerFile ? left < maxNodesPerFile : nodes > left;
  if (overRun) {
    throw new SvcLintError(
      'limit',
      `the run has parsed ${formatNumber(maxNodesPerRun - left)} YAML nodes and ${source.file.displayPath} would take it past ${formatNumber(maxNodesPerRun)}, the most one run parses: lint fewer files at a time`,
    );
  }
  if (nodes <= maxNodesPerFile) limits.runNodes.left -= nodes;
  return source;
}

/**
 * What another thread read of `file`, made this thread's: the source, its services, findings and undeclared services
 * point at `file` and its display path instead of the copies the reply brought, which are then let go (at 50,000
 * manifests, some 5 MB).
 */
export function withOwnFile(read: ReadSource, file: ManifestFile): ReadSource {
  const { source } = read;
  source.file = file;
  for (const service of source.services) service.file = file;
  for (const finding of source.findings) finding.file = file.displayPath;
  for (const undeclared of source.undeclared ?? []) undeclared.file = file.displayPath;
  return read;
}

/** Reads, parses and charges one manifest file (or an editor buffer): `readManifestSource`, then `chargeNodes`. */
export function loadManifestSource(
  file: ManifestFile,
  languages: LanguageRegistry,
  limits: SourceLimits,
  bufferText?: string,
  origin: ManifestOrigin = 'named',
  whenRead?: (bytes: Uint8Array) => void,
): ManifestSource {
  return chargeNodes(readManifestSource(file, languages, limits.maxFileSizeMb, bufferText, origin, whenRead), limits);
}
