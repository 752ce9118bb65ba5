import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Whether `path` is `directory` itself or lies somewhere below it. */
export function isInsideDirectory(directory: string, path: string): boolean {
  const fromDirectory = relative(directory, path);
  return !isAbsolute(fromDirectory) && fromDirectory !== '..' && !fromDirectory.startsWith(`..${sep}`);
}

export function displayPathOf(cwd: string, path: string): string {
  return relative(cwd, path).split(sep).join('/') || '.';
}

/** The nearest directory at or above `start` that holds a `.git` entry. */
export function findRepositoryRoot(start: string): string | undefined {
  let directory = resolve(start);
  for (;;) {
    if (statSync(resolve(directory, '.git'), { throwIfNoEntry: false })) return directory;
    const parent = resolve(directory, '..');
    if (parent === directory) return undefined;
    directory = parent;
  }
}
