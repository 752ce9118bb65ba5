import { statSync } from 'node:fs';

/**
 * What changes when a file's (or a directory's) content does: its size, inode, and modification and change times
 * (milliseconds with their fraction, as precise as the file system keeps them). The change time moves on every write
 * and on an mtime-keeping copy (`cp -p`, `touch -d`, `rsync -t`), and no program can set it back.
 */
export interface FileIdentity {
  size: number;
  ino: number;
  mtimeMs: number;
  ctimeMs: number;
}

/** The numbers of an identity, in the order the cache file keeps them. */
export const identityWidth = 4;

/**
 * How close to the moment it was looked at a change must be for the identity not to prove the content: a write in the
 * same tick of the file system's clock (a few milliseconds on ext4, a second on ext3 or HFS+, two on FAT) keeps the
 * same times, and a write of the same size then keeps the same identity.
 */
export const racyWindowMs = 3000;

/** The identity of `path` now (its target, for a link); undefined when it cannot be looked at. */
export function identityOf(path: string): FileIdentity | undefined {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats && identityOfStats(stats);
  } catch {
    return undefined;
  }
}

/** The identity `stat` or `fstat` gave. */
export function identityOfStats({ size, ino, mtimeMs, ctimeMs }: FileIdentity): FileIdentity {
  return { size, ino, mtimeMs, ctimeMs };
}

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.size === b.size && a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

/** Whether a change could still come within the same tick as `identity` (changed recently, or dated in the future). */
export function isRacy(identity: FileIdentity, nowMs: number): boolean {
  return Math.max(identity.ctimeMs, identity.mtimeMs) >= nowMs - racyWindowMs;
}

export function writeIdentity(identity: FileIdentity, into: number[]): void {
  into.push(identity.size, identity.ino, identity.mtimeMs, identity.ctimeMs);
}

export function readIdentity(numbers: ArrayLike<number>, index: number): FileIdentity {
  const at = index * identityWidth;
  return { size: numbers[at]!, ino: numbers[at + 1]!, mtimeMs: numbers[at + 2]!, ctimeMs: numbers[at + 3]! };
}

/** Looks each path up once per run: the directory walk, the manifests and the drift evidence share the answers. */
export class IdentityMemo {
  private readonly known = new Map<string, FileIdentity | undefined>();

  of(path: string): FileIdentity | undefined {
    let identity = this.known.get(path);
    if (identity === undefined && !this.known.has(path)) {
      identity = identityOf(path);
      this.known.set(path, identity);
    }
    return identity;
  }
}
