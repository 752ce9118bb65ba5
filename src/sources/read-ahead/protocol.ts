import type { LanguageDefinition } from '../../languages/registry.js';
import type { ManifestOrigin } from '../manifest/read.js';
import type { ReadSource } from '../manifest/source.js';

/** A file a reading thread reads, as the run would read it. */
export interface AheadFile {
  path: string;
  displayPath: string;
  origin: ManifestOrigin;
}

/** What a reading thread starts with (its `workerData`). */
export interface ReadRequest {
  files: AheadFile[];
  languages: LanguageDefinition;
  maxFileSizeMb: number;
}

/** What it answers, once: every file read, in the request's order, or why it could not. */
export type ReadReply = { kind: 'read'; reads: ReadSource[] } | { kind: 'failed'; problem: string };
