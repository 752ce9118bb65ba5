import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { LanguageRegistry } from '../../languages/registry.js';
import { packagePath } from '../../package-paths.js';
import type { ReadSource } from '../manifest/source.js';
import { threadResourceLimits } from '../../io/thread-heap.js';
import type { AheadFile, ReadReply, ReadRequest } from './protocol.js';

export type { AheadFile } from './protocol.js';

/** `auto`, `off`, or how many threads read (this one included). */
export type Concurrency = 'auto' | 'off' | number;

/**
 * Below this many files to read, `auto` reads on one thread: a reading thread takes some 250 ms to start and two
 * threads on two cores each read slower than one alone (measured: 1,000 files 13% slower with two threads, 10,000
 * files 8% faster, 50,000 files 23% faster).
 */
export const autoConcurrencyFrom = 5000;
/** `auto` gives each thread at least this many files, and uses at most `maxAutoThreads` threads. */
const minFilesPerThread = 500;
const maxAutoThreads = 4;
/**
 * About the files this thread reads while another starts (`threadStartupMs`): this thread's share is larger by as many,
 * up to half an even share (a small run still gives the other threads most of theirs), or by the part of them left for
 * a thread that started early (see `EarlyReadingThreads`).
 */
const filesWhileStarting = 600;
const threadStartupMs = 250;

/** The bundled reading thread; a checkout that was not built has none, and then reads on one thread. */
const threadScript = packagePath('dist', 'read-thread.js');

/** How many threads read `fileCount` files (this one included). */
export function readingThreads(concurrency: Concurrency, fileCount: number): number {
  if (concurrency === 'off' || fileCount < 2) return 1;
  if (typeof concurrency === 'number') return Math.max(1, Math.min(Math.floor(concurrency), fileCount));
  if (fileCount < autoConcurrencyFrom) return 1;
  return Math.max(1, Math.min(availableParallelism(), maxAutoThreads, Math.floor(fileCount / minFilesPerThread)));
}

/**
 * Files being read ahead by other threads while this one reads its own share. `take` answers what a thread read of a
 * file (undefined when it is not in their shares, or when the thread failed: this thread then reads the file itself,
 * so a failure costs time, never a finding).
 */
export interface ReadAhead {
  /** Undefined at once for a file no other thread reads, so that a run on one thread waits for nothing. */
  take(path: string): Promise<ReadSource | undefined> | undefined;
}

const nothingAhead: ReadAhead = { take: () => undefined };

/**
 * Starts a thread on `request` and answers, for each of its files in order, what the thread read of it, as its
 * batches arrive; undefined for every file no batch reached when the thread fails, stops or cannot start.
 */
function readInThread(request: ReadRequest, resourceLimits: ResourceLimits, adopt: Adopt, started?: Worker): Promise<ReadSource | undefined>[] {
  const settlers: ((read: ReadSource | undefined) => void)[] = [];
  const reads = request.files.map(() => new Promise<ReadSource | undefined>((settle) => settlers.push(settle)));
  let next = 0;
  const settleRest = () => {
    for (; next < settlers.length; next++) settlers[next]!(undefined);
  };
  const worker = started ?? startThread(resourceLimits);
  if (!worker) {
    settleRest();
    return reads;
  }
  // Held while it reads: the run waits for its replies.
  worker.ref();
  worker.postMessage(request);
  worker.on('message', (reply: ReadReply) => {
    if (reply.kind === 'read' && reply.start === next && reply.reads.length > 0 && next + reply.reads.length <= settlers.length) {
      for (const read of reply.reads) {
        settlers[next]!(adopt(read, request.files[next]!));
        next += 1;
      }
      if (next < settlers.length) return;
    }
    // Done, failed, or an answer out of order: whatever is left is read by the run.
    settleRest();
    void worker.terminate();
  });
  worker.once('error', settleRest);
  worker.once('exit', settleRest);
  return reads;
}

/** A reading thread, waiting for its request; undefined when it cannot be started. */
function startThread(resourceLimits: ResourceLimits): Worker | undefined {
  try {
    return new Worker(threadScript, { resourceLimits, stdout: true, stderr: true });
  } catch {
    return undefined;
  }
}

/**
 * Reading threads started while the run still searches for its files, as soon as it has found enough for `auto` (or the
 * concurrency asked for) to read on more threads: a thread's start then overlaps the search, and it reads a full share
 * once the run knows it. Threads no share goes to end with `end`; a waiting thread never keeps the run alive.
 */
export class EarlyReadingThreads {
  private readonly waiting: { worker: Worker; startedAt: number; ended: boolean }[] = [];
  private started = 0;
  private found = 0;

  constructor(private readonly concurrency: Concurrency) {}

  /** Told of `count` more files found (once for each directory that holds some: cheap until a thread is due). */
  foundFiles(count: number): void {
    this.found += count;
    const wanted = readingThreads(this.concurrency, this.found) - 1;
    if (this.started >= wanted) return;
    if (!existsSync(threadScript)) {
      this.started = Number.POSITIVE_INFINITY;
      return;
    }
    for (; this.started < wanted; this.started++) {
      const worker = startThread(threadResourceLimits());
      if (!worker) return;
      worker.unref();
      const thread = { worker, startedAt: Date.now(), ended: false };
      // A thread that fails while it waits is never given a share (the run reads that share itself).
      worker.on('error', () => {});
      worker.once('exit', () => (thread.ended = true));
      this.waiting.push(thread);
    }
  }

  /** A thread started earlier, and how long it still needs to start (as estimated), if one is waiting. */
  take(): { worker: Worker; startingMs: number } | undefined {
    let thread = this.waiting.shift();
    while (thread?.ended) thread = this.waiting.shift();
    return thread && { worker: thread.worker, startingMs: Math.max(0, threadStartupMs - (Date.now() - thread.startedAt)) };
  }

  end(): void {
    for (const { worker } of this.waiting.splice(0)) void worker.terminate();
  }
}

/** What the run makes of a read as it arrives (see `readAhead`). */
type Adopt = (read: ReadSource, file: AheadFile) => ReadSource;

/**
 * Splits `paths` (in the order the run reads them) into `threads` shares: this thread keeps the first, each other
 * thread starts reading one of the rest at once (`describe` says how the run reads each of those). The shares are
 * sized to end together: this thread reads from the start, the others only once they have started (threads from
 * `early` first, which may have). `adopt` is applied to each read as its batch arrives, while this thread still reads
 * its own share: what it lets go of then dies young.
 */
export function readAhead(
  paths: readonly string[],
  describe: (path: string) => AheadFile,
  threads: number,
  languages: LanguageRegistry,
  maxFileSizeMb: number,
  adopt: Adopt = (read) => read,
  early?: EarlyReadingThreads,
): ReadAhead {
  if (threads <= 1 || !existsSync(threadScript)) return nothingAhead;
  const started = Array.from({ length: threads - 1 }, () => early?.take());
  const startingMs = Math.max(...started.map((thread) => thread?.startingMs ?? threadStartupMs));
  const headStart = Math.min(Math.round((filesWhileStarting * startingMs) / threadStartupMs), Math.floor(paths.length / threads / 2));
  const ownShare = Math.min(paths.length - (threads - 1), Math.ceil((paths.length + (threads - 1) * headStart) / threads));
  const shareSize = Math.ceil((paths.length - ownShare) / (threads - 1));
  const resourceLimits = threadResourceLimits();
  const readOf = new Map<string, Promise<ReadSource | undefined>>();
  for (let start = ownShare, thread = 0; start < paths.length; start += shareSize, thread++) {
    const share = paths.slice(start, start + shareSize).map(describe);
    const request: ReadRequest = { files: share, languages: languages.definition(), maxFileSizeMb };
    const reads = readInThread(request, resourceLimits, adopt, started[thread]?.worker);
    share.forEach((file, index) => readOf.set(file.path, reads[index]!));
    started[thread] = undefined;
  }
  for (const unused of started) void unused?.worker.terminate();
  return { take: (path) => readOf.get(path) };
}
