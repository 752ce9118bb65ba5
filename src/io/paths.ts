import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Whether `path` is `directory` itself or lies somewhere below it. */
export function isInsideDirectory(directory: string, path: string): boolean {
  const fromDirectory = relative(directory, path);
  return !isAbsolute(fromDirectory) && fromDirectory !== '..' && !fromDirectory.startsWith(`..${sep}`);
}

export function displayPathOf(cwd: string, path: string): string {
  // The common case, a resolved path below a resolved cwd, without resolving both again (10,000 times in a large run).
  const below = path.startsWith(cwd) && path[cwd.length] === sep ? path.slice(cwd.length + 1) : undefined;
  if (below !== undefined && isPlainRelative(below) && isResolved(cwd)) return sep === '/' ? below : below.split(sep).join('/');
  return relative(cwd, path).split(sep).join('/') || '.';
}

let lastCwd: { cwd: string; resolved: boolean } | undefined;

function isResolved(cwd: string): boolean {
  if (lastCwd?.cwd !== cwd) lastCwd = { cwd, resolved: resolve(cwd) === cwd };
  return lastCwd.resolved;
}

/** Whether a relative path has no `.`, `..` or empty segment, so that resolving it changes nothing. */
function isPlainRelative(path: string): boolean {
  return !path.split(sep).some((segment) => segment === '' || segment === '.' || segment === '..');
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
