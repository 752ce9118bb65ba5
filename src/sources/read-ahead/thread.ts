import { parentPort, workerData } from 'node:worker_threads';
import { createLanguageRegistry } from '../../languages/registry.js';
import { readManifestSource } from '../manifest/source.js';
import type { ReadReply, ReadRequest } from './protocol.js';

// A reading thread: reads and parses its share of a run's manifests and sends back what reading them gave. Bundled as
// dist/read-thread.js (see scripts/bundle.mjs), so it starts without loading a hundred modules.

function readAll(request: ReadRequest): ReadReply {
  try {
    const languages = createLanguageRegistry(request.languages.profiles, request.languages.known);
    const reads = request.files.map(({ path, displayPath, origin }) =>
      readManifestSource({ path, displayPath }, languages, request.maxFileSizeMb, undefined, origin),
    );
    return { kind: 'read', reads };
  } catch (error) {
    return { kind: 'failed', problem: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.postMessage(readAll(workerData as ReadRequest));
