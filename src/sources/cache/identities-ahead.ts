import { receiveMessageOnPort } from 'node:worker_threads';
import { readCacheFile } from './cache-file.js';
import { Announced, announcedAt, declinedAt, type IdentitiesAheadChannel } from './identities-ahead-channel.js';
import { identityOf, identityWidth, sameIdentity, storeIdentity, type FileIdentity, type IdentitiesLookedUp } from './file-identity.js';

// A run with a warm cache spends much of its time asking the file system whether each manifest and directory is
// unchanged (20,000 `stat` calls at 10,000 manifests, each making a Stats object). The CLI's process thread is idle
// while the lint thread starts, so it reads the cache's head and looks those paths up meanwhile (see bin.ts); the lint
// thread takes the answers when the cache file it opens is the very one the process thread read.

/** What the process thread sends once it has read the cache's head: which file it read, and where the answers go. */
interface Announcement {
  file: FileIdentity;
  /** An Int32 counting the paths looked up so far, then (from byte 8) `identityWidth` numbers per path. */
  shared: SharedArrayBuffer;
  count: number;
}


/** A size no file has: the path could not be looked at. */
const missingSize = -1;
/** Paths looked up between two chances for the process thread to answer a signal or a message. */
const batchSize = 2048;
/** Paths looked up between two counts the lint thread sees. */
const countEvery = 256;
/** How long the lint thread waits for the other thread before it looks paths up itself. */
const maxWaitMs = 1000;

/**
 * The directories and manifests a cache's head names, each once, in an order both threads derive from the same head
 * and the lint thread's own: the directories its searches read, the manifests, the directories of its drift evidence.
 * Undefined for a head that is not an svc-lint cache's.
 */
export function pathsToLookUp(payload: unknown): Map<string, number> | undefined {
  const { sources, searches, evidence } = (payload ?? {}) as { sources?: { paths?: unknown }; searches?: unknown; evidence?: { paths?: unknown } };
  const order = new Map<string, number>();
  const add = (paths: unknown) => {
    if (!Array.isArray(paths)) return false;
    for (const path of paths) if (typeof path === 'string' && !order.has(path)) order.set(path, order.size);
    return true;
  };
  if (!(searches instanceof Map)) return undefined;
  for (const entry of searches.values()) if (!add((entry as { directories?: unknown } | null)?.directories)) return undefined;
  return add(sources?.paths) && add(evidence?.paths) ? order : undefined;
}

/**
 * The process thread's side: reads the head of the cache at `cachePath`, if any (whatever configuration it was written for)
 * and looks up every path it names, a batch at a time, until done or the lint thread wants no more.
 */
export async function lookUpAhead(cachePath: string | undefined, { port, state }: IdentitiesAheadChannel): Promise<void> {
  try {
    const named = cachePath === undefined ? undefined : pathsNamedBy(cachePath);
    if (!named) return;
    const { file, paths } = named;
    const shared = new SharedArrayBuffer(8 + paths.length * identityWidth * Float64Array.BYTES_PER_ELEMENT);
    const done = new Int32Array(shared, 0, 1);
    const numbers = new Float64Array(shared, 8);
    numbers.fill(Number.NaN);
    port.postMessage({ file, shared, count: paths.length } satisfies Announcement);
    Atomics.store(state, announcedAt, Announced.sent);
    Atomics.notify(state, announcedAt);
    for (let index = 0; index < paths.length; index++) {
      if (index % countEvery === 0 && index > 0) {
        Atomics.store(done, 0, index);
        Atomics.notify(done, 0);
      }
      if (index % batchSize === 0 && index > 0) {
        await new Promise((resume) => setImmediate(resume));
        if (Atomics.load(state, declinedAt) === 1) break;
      }
      const identity = identityOf(paths[index]!);
      if (identity) storeIdentity(identity, numbers, index);
      else numbers[index * identityWidth] = missingSize;
    }
    // Paths left unanswered (NaN) are looked up by the lint thread itself.
    Atomics.store(done, 0, paths.length);
    Atomics.notify(done, 0);
  } catch {
    // Nothing to look ahead at: the lint thread reads the cache itself and tells what is wrong with it.
  } finally {
    if (Atomics.compareExchange(state, announcedAt, Announced.pending, Announced.nothing) === Announced.pending) Atomics.notify(state, announcedAt);
  }
}

/**
 * The paths the head of the cache at `cachePath` names, in `pathsToLookUp`'s order, and the identity of the file read:
 * only those are kept of the head while they are looked up (at 50,000 manifests the head is 23 MB).
 */
function pathsNamedBy(cachePath: string): { file: FileIdentity; paths: string[] } | undefined {
  const read = readCacheFile<unknown>(cachePath, undefined);
  const order = read.kind === 'read' ? pathsToLookUp(read.payload) : undefined;
  return read.kind === 'read' && order ? { file: read.file, paths: [...order.keys()] } : undefined;
}

/** Identities the process thread looks up, read as it gets to them. */
export class LookedUpAhead implements IdentitiesLookedUp {
  private gaveUp = false;

  constructor(
    private readonly order: ReadonlyMap<string, number>,
    private readonly done: Int32Array,
    readonly numbers: Float64Array,
  ) {}

  /**
   * Where the identity of `path` is in `numbers`, once the other thread has looked it up: -1 when the path could not
   * be looked at, undefined when the other thread did not look it up (it is not among its paths, or it stopped).
   */
  positionOf(path: string): number | undefined {
    const index = this.order.get(path);
    if (index === undefined || this.gaveUp) return undefined;
    for (let done = Atomics.load(this.done, 0); done <= index; done = Atomics.load(this.done, 0)) {
      if (Atomics.wait(this.done, 0, done, maxWaitMs) === 'timed-out' && Atomics.load(this.done, 0) === done) {
        this.gaveUp = true;
        return undefined;
      }
    }
    const size = this.numbers[index * identityWidth]!;
    if (Number.isNaN(size)) return undefined;
    return size === missingSize ? -1 : index;
  }
}

/** The lint thread's side of the channel. */
export class IdentitiesAhead {
  constructor(private readonly channel: IdentitiesAheadChannel) {}

  /**
   * The identities looked up for the cache file read as `file`, whose head holds `payload`; undefined when the other
   * thread read another file (or none).
   */
  take(file: FileIdentity, payload: unknown): LookedUpAhead | undefined {
    const { port, state } = this.channel;
    if (Atomics.load(state, declinedAt) === 1) return undefined;
    Atomics.wait(state, announcedAt, Announced.pending, maxWaitMs);
    const announcement = receiveMessageOnPort(port)?.message as Announcement | undefined;
    const order = announcement && sameIdentity(announcement.file, file) ? pathsToLookUp(payload) : undefined;
    if (!announcement || !order || order.size !== announcement.count) {
      this.decline();
      return undefined;
    }
    return new LookedUpAhead(order, new Int32Array(announcement.shared, 0, 1), new Float64Array(announcement.shared, 8));
  }

  /** Tells the other thread to stop looking up: the run is over, or it read another file. */
  decline(): void {
    Atomics.store(this.channel.state, declinedAt, 1);
    this.channel.port.close();
  }
}
