import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { inByteBatches, oneBuffer } from './batches.js';
import { announceTemporaryFile, removeStaleTemporaryFiles, temporaryPathFor } from './temporary-files.js';

/**
 * Writes `text` (whole, bytes, or in pieces written as they come) so that readers see either the old file or the complete new one: the text goes to a
 * temporary file in the same directory (a rename across file systems would not be atomic), is flushed
 * to disk, then renamed over `path`. On any failure the temporary file is removed and the error rethrown.
 *
 * Every step is synchronous on purpose: nothing else runs in this thread while a temporary file exists. The CLI stops
 * its work thread on Ctrl-C and removes the file announced here; a file left by a killed run is removed by the next
 * write to the same directory.
 */
export async function writeFileAtomic(path: string, text: string | Uint8Array | Iterable<string>): Promise<void> {
  removeStaleTemporaryFiles(dirname(path));
  const temporaryPath = temporaryPathFor(path);
  let descriptor: number | undefined;
  try {
    announceTemporaryFile('created', temporaryPath);
    descriptor = openSync(temporaryPath, 'wx', modeToKeep(path));
    if (typeof text === 'string') writeFileSync(descriptor, text, 'utf8');
    else if (text instanceof Uint8Array) writeFileSync(descriptor, text);
    else for (const batch of inByteBatches(text, undefined, oneBuffer())) writeFileSync(descriptor, batch);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporaryPath, path);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    rmSync(temporaryPath, { force: true });
    throw error;
  } finally {
    announceTemporaryFile('removed', temporaryPath);
  }
  syncDirectory(dirname(path));
}

/** The permissions of the file being replaced, so a rewrite does not change them. */
function modeToKeep(path: string): number {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return 0o666;
  }
}

/** Makes the rename itself durable; not every platform can open a directory, and then there is nothing to do. */
function syncDirectory(directory: string): void {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(directory, 'r');
    fsyncSync(descriptor);
  } catch {
    // Best effort: the data is already written and renamed.
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
