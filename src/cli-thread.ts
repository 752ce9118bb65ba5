import { fileURLToPath } from 'node:url';
import { runWithCodeCache } from './io/code-cache.js';

// The worker thread bin.ts starts. It runs the CLI's bundle (dist/cli-worker.cjs, built from cli-worker.ts) from V8's
// code cache beside it when it can, instead of compiling a megabyte of JavaScript in every run. Bundled as a script
// (dist/cli-thread.cjs), without a top-level await: a thread that starts from a module first sets up Node.js's module
// loader, some 8 ms of every run.
const bundle = fileURLToPath(new URL('./cli-worker.cjs', import.meta.url));
const cli = runWithCodeCache(bundle, `${bundle}.code-cache`);
void (cli.exports as typeof import('./cli-worker.js')).finished.then(() => cli.saveCodeCache());
