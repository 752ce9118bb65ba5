import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files being written right now, so an interrupt can remove them before the process exits. */
const pendingTemporaryFiles = new Set<string>();

/** Removes the temporary files of writes still under way; synchronous, for signal handlers. */
export function removePendingTemporaryFiles(): void {
  for (const path of pendingTemporaryFiles) rmSync(path, { force: true });
  pendingTemporaryFiles.clear();
}

/**
 * Writes `text` so that readers see either the old file or the complete new one: the text goes to a
 * temporary file in the same directory (a rename across file systems would not be atomic), is flushed
 * to disk, then renamed over `path`. On any failure the temporary file is removed and the error rethrown.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporaryPath = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  pendingTemporaryFiles.add(temporaryPath);
  try {
    handle = await open(temporaryPath, 'wx', await modeToKeep(path));
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporaryPath, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporaryPath, { force: true });
    throw error;
  } finally {
    pendingTemporaryFiles.delete(temporaryPath);
  }
  await syncDirectory(dirname(path));
}

/** The permissions of the file being replaced, so a rewrite does not change them. */
async function modeToKeep(path: string): Promise<number> {
  try {
    return (await stat(path)).mode & 0o7777;
  } catch {
    return 0o666;
  }
}

/** Makes the rename itself durable; not every platform can open a directory, and then there is nothing to do. */
async function syncDirectory(directory: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // Best effort: the data is already written and renamed.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
