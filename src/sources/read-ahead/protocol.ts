import type { LanguageDefinition } from '../../languages/registry.js';
import type { ManifestOrigin } from '../manifest/read.js';
import type { ReadSource } from '../manifest/source.js';

/** A file a reading thread reads, as the run would read it. */
export interface AheadFile {
  path: string;
  displayPath: string;
  origin: ManifestOrigin;
}

/** What a reading thread is asked to read (its first message). */
export interface ReadRequest {
  files: AheadFile[];
  languages: LanguageDefinition;
  maxFileSizeMb: number;
}

/**
 * What it answers, as it goes: the next files read, in the request's order from `start` (so that neither thread holds
 * a whole share at once), or why it could not go on. A file no reply reached is read by the run itself.
 */
export type ReadReply = { kind: 'read'; start: number; reads: ReadSource[] } | { kind: 'failed'; problem: string };
