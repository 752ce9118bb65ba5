import { closeSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';

/** The file's real path; `path` itself (not an equal copy) when it is already real or does not exist. */
export function realPathOf(path: string): string {
  try {
    const real = realpathSync.native(path);
    return real === path ? path : real;
  } catch {
    return path;
  }
}

/** Whether `path` itself (not what a link points at) is a regular file. */
export function isRegularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

/** The first `bytes` bytes of a file as text; undefined when it cannot be read. */
export function readHead(path: string, bytes: number): string | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    const buffer = Buffer.alloc(bytes);
    const read = readSync(descriptor, buffer, 0, bytes, 0);
    return buffer.subarray(0, read).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/**
 * Whether a file's first bytes are those of a file svc-lint wrote, which always begins with `header` (whitespace
 * aside), or of an empty file; a file cut short inside the header counts too, so a damaged one can be recreated.
 */
export function beginsWithHeader(head: string, header: string): boolean {
  const compact = head.replace(/\s+/g, '');
  return compact.length >= header.length ? compact.startsWith(header) : header.startsWith(compact);
}

/**
 * Whether `path` is one of `paths` (real paths): the same real path, or the same file under another name (a hard link;
 * compared by device and inode only then, so the common case costs no stat per file).
 */
export function isOneOf(path: string, paths: ReadonlySet<string>): boolean {
  if (paths.has(realPathOf(path))) return true;
  const target = quietStat(path);
  if (!target || target.nlink < 2) return false;
  for (const other of paths) {
    const stats = quietStat(other);
    if (stats && stats.ino === target.ino && stats.dev === target.dev) return true;
  }
  return false;
}

function quietStat(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
