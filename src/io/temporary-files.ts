import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Every temporary file svc-lint writes ends with this, so one `.gitignore` line, `*.svc-lint-tmp`, covers them. */
export const temporaryFileSuffix = '.svc-lint-tmp';

// `.<target>.<pid>-<12 hex>.svc-lint-tmp`: hidden, next to the file it will replace, and naming the process that
// writes it, so a later run can tell a killed run's leftover from a file another run is writing right now.
const temporaryFileName = /^\..*\.(\d+)-[0-9a-f]{12}\.svc-lint-tmp$/;

/** A write lasts well under a minute; a temporary file this old is stale whoever wrote it (its pid may be reused). */
const stalenessMs = 24 * 60 * 60 * 1000;

export type TemporaryFileEvent = 'created' | 'removed';

let observer: ((event: TemporaryFileEvent, path: string) => void) | undefined;

/**
 * Tells `listener` about every temporary file as it is created and removed. The CLI runs its work in a thread it can
 * stop at once on Ctrl-C; the thread that stops it removes what a stopped write left behind.
 */
export function observeTemporaryFiles(listener: (event: TemporaryFileEvent, path: string) => void): void {
  observer = listener;
}

export function announceTemporaryFile(event: TemporaryFileEvent, path: string): void {
  observer?.(event, path);
}

/** A new temporary path beside `path`, in the same directory so that the rename over `path` is atomic. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(6).toString('hex')}${temporaryFileSuffix}`);
}

// The one place besides bin.ts that reads `process`: a process id names a temporary file's writer, and signal 0 asks
// whether that writer still runs; neither changes anything about the process.
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a killed run (SIGKILL, a crash, a power cut) left in `directory`: those whose writer no
 * longer runs, or that are older than a day. Best effort: a file that cannot be listed or removed is left alone.
 */
export function removeStaleTemporaryFiles(directory: string, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  for (const name of names) {
    const match = temporaryFileName.exec(name);
    if (!match) continue;
    const path = join(directory, name);
    try {
      if (!isRunning(Number(match[1])) || now - statSync(path).mtimeMs > stalenessMs) rmSync(path, { force: true });
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}
