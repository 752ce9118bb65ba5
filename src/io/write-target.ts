import { closeSync, constants, lstatSync, openSync, readlinkSync, realpathSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { inByteBatches, oneBuffer } from './batches.js';

/**
 * What writing to a path may do:
 * - `replace`: nothing is there, or a regular file, or a symbolic link; a new file is renamed over it (a link is
 *   replaced, never followed).
 * - `in-place`: a character device, a FIFO, or a descriptor such as `/dev/stdout`: opened and written as it is, never
 *   replaced (renaming over `/dev/null` as root would turn the device into a regular file).
 * - `refuse`: a directory, a block device, a socket.
 */
export type WriteTarget = { kind: 'replace' } | { kind: 'in-place' } | { kind: 'refuse'; reason: string };

function quietly<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

const isStream = (stats: Stats) => stats.isCharacterDevice() || stats.isFIFO();

/**
 * Whether `path`, or a link it leads through, names an open descriptor (`/dev/stdout` → `/proc/self/fd/1`,
 * `/dev/fd/1`): renaming over one would replace the file the descriptor points at, not write to it.
 */
function isDescriptorLink(path: string): boolean {
  let current = path;
  for (let hops = 0; hops < 8; hops += 1) {
    const directory = quietly(() => realpathSync(dirname(current)));
    if (directory !== undefined && (directory === '/proc' || directory.startsWith(`/proc${sep}`))) return true;
    const link = quietly(() => readlinkSync(current));
    if (link === undefined) return false;
    current = resolve(dirname(current), link);
  }
  return false;
}

const descriptorPath = /^\/(?:proc\/(?:self|thread-self)|dev)\/fd\/(\d+)$/;

/**
 * `stdout` or `stderr` when `path` leads to this process's own standard output or error (`/dev/stdout`,
 * `/proc/self/fd/1`, `/dev/fd/2`, or a link to one): the text then goes where the process writes that stream, in
 * order with the rest, whatever the descriptor is (a terminal, a pipe, a socket, a file opened for appending).
 */
export function standardStreamOf(path: string): 'stdout' | 'stderr' | undefined {
  let current = path;
  for (let hops = 0; hops < 8; hops += 1) {
    if (current === '/dev/stdout' || current === '/dev/stderr') return current === '/dev/stdout' ? 'stdout' : 'stderr';
    const descriptor = descriptorPath.exec(current)?.[1];
    if (descriptor !== undefined) return descriptor === '1' ? 'stdout' : descriptor === '2' ? 'stderr' : undefined;
    const link = quietly(() => readlinkSync(current));
    if (link === undefined) return undefined;
    current = resolve(dirname(current), link);
  }
  return undefined;
}

export function writeTargetOf(path: string): WriteTarget {
  const entry = quietly(() => lstatSync(path));
  if (!entry || entry.isFile()) return { kind: 'replace' };
  if (entry.isDirectory()) return { kind: 'refuse', reason: 'EISDIR' };
  if (entry.isSymbolicLink()) {
    const target = quietly(() => statSync(path));
    return isDescriptorLink(path) || (target && isStream(target)) ? { kind: 'in-place' } : { kind: 'replace' };
  }
  if (isStream(entry)) return { kind: 'in-place' };
  if (entry.isBlockDevice()) return { kind: 'refuse', reason: 'it is a block device' };
  if (entry.isSocket()) return { kind: 'refuse', reason: 'it is a socket' };
  return { kind: 'refuse', reason: 'it is not a regular file' };
}

/** Writes to a device, FIFO or descriptor as it is: appending, never creating, truncating or replacing anything. */
export function writeInPlace(path: string, text: string | Iterable<string>): void {
  const descriptor = openSync(path, constants.O_WRONLY | constants.O_APPEND);
  try {
    if (typeof text === 'string') writeFileSync(descriptor, text, 'utf8');
    else for (const batch of inByteBatches(text, undefined, oneBuffer())) writeFileSync(descriptor, batch);
  } finally {
    closeSync(descriptor);
  }
}
