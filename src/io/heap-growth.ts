import { setFlagsFromString } from 'node:v8';

/**
 * Each thread's old generation may grow to 1.5 times what its last full collection left before it collects again, for
 * as long as `work` runs. V8 sizes that factor from how fast it collects against how fast the thread allocates, up to
 * 4: while a run reads its manifests, the lint thread's heap grew past 140 MB with some 65 MB of it garbage before V8
 * first collected. Measured on two cores at 50,000 manifests (`--format json`, alternated runs): 218-221 MB peak RSS
 * against 241-276, and no slower; at 10,000 manifests, with a cache or without, the same time and memory.
 *
 * Set once the thread has started, and set back before it ends: V8 checks code caches against the flags in effect, so a
 * flag changed before a thread starts makes that thread compile Node.js's own modules afresh (28 ms of every run,
 * measured), and one still changed when the CLI's code cache is written makes the next run reject it. V8 reads the
 * factor each time it sizes a heap, so it holds for the reading threads the run starts too.
 */
export async function whileHeapGrowthLimited<T>(work: () => Promise<T>): Promise<T> {
  setFlagsFromString('--heap-growing-percent=50');
  try {
    return await work();
  } finally {
    setFlagsFromString('--heap-growing-percent=0');
  }
}
