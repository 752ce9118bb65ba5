import { readFileSync, statSync } from 'node:fs';
import type { LanguageRegistry } from '../templates/types.js';
import type { ManifestFile, Range } from '../types.js';
import { startOfFile, type ManifestProblem } from './problems.js';
import { readManifest, type ReadManifestResult } from './read.js';

export interface ManifestSource extends ReadManifestResult {
  file: ManifestFile;
  /** The text that was parsed; undefined when the file could not be read as text. */
  text?: string;
}

export const defaultMaxFileSizeMb = 10;

export interface SourceLimits {
  maxFileSizeMb: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function unreadable(file: ManifestFile, reason: string, code: string, range: Range = startOfFile): ManifestSource {
  const problem: ManifestProblem = { ruleId: 'manifest-syntax', data: { reason, code }, range };
  return { file, services: [], problems: [problem] };
}

/** The position of the first byte that is not part of a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): Range {
  let line = 1;
  let lineStart = 0;
  for (let offset = 0; offset < bytes.length; ) {
    const byte = bytes[offset] as number;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    const sequence = length > 0 ? bytes.subarray(offset, offset + length) : undefined;
    if (!sequence || sequence.length < length || !isValidSequence(sequence)) {
      const column = offset - lineStart + 1;
      return { line, column, endLine: line, endColumn: column + 1 };
    }
    if (byte === 0x0a) {
      line += 1;
      lineStart = offset + 1;
    }
    offset += length;
  }
  return startOfFile;
}

function isValidSequence(sequence: Uint8Array): boolean {
  try {
    utf8.decode(sequence);
    return true;
  } catch {
    return false;
  }
}

function decode(file: ManifestFile, bytes: Uint8Array): { text: string } | { source: ManifestSource } {
  if (bytes.includes(0)) {
    return { source: unreadable(file, 'this is a binary file, not YAML text', 'BINARY') };
  }
  try {
    // TextDecoder drops a leading UTF-8 byte order mark, so positions count from the first real character.
    return { text: utf8.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      source: unreadable(file, `the file is not valid UTF-8 (line ${at.line}, column ${at.column}): save it as UTF-8`, 'ENCODING', at),
    };
  }
}

/** Reads and parses one manifest file; a file that cannot be read becomes a finding, not an exception. */
export function loadManifestSource(
  file: ManifestFile,
  languages: LanguageRegistry,
  limits: SourceLimits,
  bufferText?: string,
): ManifestSource {
  let text = bufferText;
  if (text === undefined) {
    let bytes: Buffer;
    try {
      const size = statSync(file.path).size;
      const limitBytes = limits.maxFileSizeMb * 1024 * 1024;
      if (size > limitBytes) {
        const sizeMb = (size / 1024 / 1024).toFixed(1);
        return unreadable(file, `the file is ${sizeMb} MB, above the ${limits.maxFileSizeMb} MB limit (maxFileSizeMb in the config)`, 'TOO_LARGE');
      }
      bytes = readFileSync(file.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      return unreadable(file, `cannot read the file (${code})`, code);
    }
    const decoded = decode(file, bytes);
    if ('source' in decoded) return decoded.source;
    text = decoded.text;
  }
  return { file, text, ...readManifest(text, file, languages) };
}
