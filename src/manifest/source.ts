import { readFileSync } from 'node:fs';
import type { LanguageRegistry } from '../templates/types.js';
import type { ManifestFile } from '../types.js';
import { startOfFile } from './problems.js';
import { readManifest, type ReadManifestResult } from './read.js';

export interface ManifestSource extends ReadManifestResult {
  file: ManifestFile;
  /** The text that was parsed; undefined when the file could not be read. */
  text?: string;
}

function readText(path: string): { text: string } | { code: string } {
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    return { code: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

/** Reads and parses one manifest file; a file that cannot be read becomes a finding, not an exception. */
export function loadManifestSource(file: ManifestFile, languages: LanguageRegistry, text?: string): ManifestSource {
  const read = text === undefined ? readText(file.path) : { text };
  if ('code' in read) {
    return {
      file,
      services: [],
      problems: [
        {
          ruleId: 'manifest-syntax',
          data: { reason: `cannot read the file (${read.code})`, code: read.code },
          range: startOfFile,
        },
      ],
    };
  }
  return { file, text: read.text, ...readManifest(read.text, file, languages) };
}
