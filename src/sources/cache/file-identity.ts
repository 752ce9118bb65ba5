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

/** Writes `identity` at `index` of `into` (`identityWidth` numbers each, in `writeIdentity`'s order). */
export function storeIdentity({ size, ino, mtimeMs, ctimeMs }: FileIdentity, into: Float64Array, index: number): void {
  const at = index * identityWidth;
  into[at] = size;
  into[at + 1] = ino;
  into[at + 2] = mtimeMs;
  into[at + 3] = ctimeMs;
}

/** Copies the identity at `from` of `numbers` to `to` of `into`, without an object for it. */
export function copyIdentity(numbers: ArrayLike<number>, from: number, into: Float64Array, to: number): void {
  const source = from * identityWidth;
  const target = to * identityWidth;
  for (let offset = 0; offset < identityWidth; offset++) into[target + offset] = numbers[source + offset]!;
}

export function readIdentity(numbers: ArrayLike<number>, index: number): FileIdentity {
  const at = index * identityWidth;
  return { size: numbers[at]!, ino: numbers[at + 1]!, mtimeMs: numbers[at + 2]!, ctimeMs: numbers[at + 3]! };
}

/** Identities another thread looked up (see identities-ahead.ts), `identityWidth` numbers each. */
export interface IdentitiesLookedUp {
  readonly numbers: Float64Array;
  /** Where the identity of `path` is in `numbers`: -1 when it could not be looked at, undefined when it was not looked up. */
  positionOf(path: string): number | undefined;
}

/**
 * Looks each path up once per run: the directory walk, the manifests and the drift evidence share the answers. A run
 * with a cache looks up every manifest and directory of its workspace (20,000 at 10,000 manifests), so the answers are
 * kept as numbers in one array rather than an object each, and compared where they are.
 */
export class IdentityMemo {
  /** Where each path's identity is in `numbers`, or -1 for a path that could not be looked at. */
  private readonly at = new Map<string, number>();
  private numbers = new Float64Array(1024 * identityWidth);
  private count = 0;
  private ahead: IdentitiesLookedUp | undefined;

  /** Takes the identities another thread looked up for paths not looked up here yet (see identities-ahead.ts). */
  useLookedUpAhead(ahead: IdentitiesLookedUp): void {
    this.ahead = ahead;
  }

  of(path: string): FileIdentity | undefined {
    const index = this.indexOf(path);
    return index < 0 ? undefined : readIdentity(this.numbers, index);
  }

  /** Whether `path` has now the identity at `index` of `numbers` (see `writeIdentity`). */
  isAsKept(path: string, numbers: ArrayLike<number>, index: number): boolean {
    const here = this.indexOf(path) * identityWidth;
    if (here < 0) return false;
    const there = index * identityWidth;
    const known = this.numbers;
    return known[here] === numbers[there] && known[here + 1] === numbers[there + 1] && known[here + 2] === numbers[there + 2] && known[here + 3] === numbers[there + 3];
  }

  private indexOf(path: string): number {
    const known = this.at.get(path);
    if (known !== undefined) return known;
    const ahead = this.ahead?.positionOf(path);
    let index: number;
    if (ahead === undefined) {
      const identity = identityOf(path);
      index = identity ? this.keep(identity) : -1;
    } else {
      index = ahead < 0 ? -1 : this.keepCopy(this.ahead!.numbers, ahead);
    }
    this.at.set(path, index);
    return index;
  }

  private keep(identity: FileIdentity): number {
    this.makeRoom();
    storeIdentity(identity, this.numbers, this.count);
    return this.count++;
  }

  private keepCopy(numbers: Float64Array, index: number): number {
    this.makeRoom();
    copyIdentity(numbers, index, this.numbers, this.count);
    return this.count++;
  }

  private makeRoom(): void {
    if ((this.count + 1) * identityWidth <= this.numbers.length) return;
    const grown = new Float64Array(this.numbers.length * 2);
    grown.set(this.numbers);
    this.numbers = grown;
  }
}
