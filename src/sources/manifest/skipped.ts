import type { SkippedSource } from '../../types.js';
import type { ManifestSource } from './source.js';

export interface SkippedFiles {
  /** The sources that hold something svc-lint judges. */
  judged: ManifestSource[];
  /** Files left out whole, and the documents left out of the judged ones, with why. */
  skipped: SkippedSource[];
  /** One note per file that was named (not found by a search) and still holds nothing of svc-lint's. */
  notes: string[];
}

function reasonsOf(source: ManifestSource): string {
  return [...new Set((source.skipped ?? []).map((document) => document.reason))].join('; ') || 'nothing of svc-lint\'s in it';
}

/**
 * Splits the loaded targets into the files that are linted and those left out because nothing in them is
 * svc-lint's: silently for a file a directory search found (`searched`), with a note for one named explicitly.
 */
export function separateSkipped(sources: readonly ManifestSource[], searched: ReadonlySet<string>): SkippedFiles {
  const judged: ManifestSource[] = [];
  const skipped: SkippedSource[] = [];
  const notes: string[] = [];
  for (const source of sources) {
    const file = source.file.displayPath;
    if (source.judged === false) {
      const reason = reasonsOf(source);
      skipped.push({ file, reason });
      if (!searched.has(source.file.path)) notes.push(`${file} holds no svc-lint manifest (${reason}): skipped`);
      continue;
    }
    judged.push(source);
    for (const document of source.skipped ?? []) skipped.push({ file, line: document.line, reason: document.reason });
  }
  return { judged, skipped, notes };
}
