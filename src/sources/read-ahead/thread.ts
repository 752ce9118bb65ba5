import { parentPort } from 'node:worker_threads';
import { createLanguageRegistry } from '../../languages/registry.js';
import { readManifestSource } from '../manifest/source.js';
import type { ReadReply, ReadRequest } from './protocol.js';
import { heapBudgetSafePoint, readingThreadHeapBudget } from '../../io/heap-budget.js';

// A reading thread: reads and parses its share of a run's manifests and sends back what reading them gave, a batch at
// a time. Bundled as dist/read-thread.js (see scripts/bundle.mjs), so it starts without loading a hundred modules.

/**
 * Files read per reply: what one batch holds is garbage here once it is sent, and the run takes each batch as it
 * comes, so neither thread keeps a whole share (at 50,000 manifests, 25,000 parsed services) to hand over at the end.
 */
const batchSize = 256;

function readAll(request: ReadRequest, reply: (message: ReadReply) => void): void {
  const safePoint = heapBudgetSafePoint(readingThreadHeapBudget);
  try {
    const languages = createLanguageRegistry(request.languages.profiles, request.languages.known);
    for (let start = 0; start < request.files.length; start += batchSize) {
      const reads = request.files
        .slice(start, start + batchSize)
        .map(({ path, displayPath, origin }) => readManifestSource({ path, displayPath }, languages, request.maxFileSizeMb, undefined, origin));
      reply({ kind: 'read', start, reads });
      safePoint();
    }
  } catch (error) {
    reply({ kind: 'failed', problem: error instanceof Error ? error.message : String(error) });
  }
}

// The request comes as a message: a thread may start before the run knows the files it is to read.
parentPort?.once('message', (request: ReadRequest) => readAll(request, (message) => parentPort!.postMessage(message)));
