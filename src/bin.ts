#!/usr/bin/env node
import { rmSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { createInterface } from 'node:readline/promises';
import { Worker } from 'node:worker_threads';
import { maxStdinBytes, type FromThread, type ThreadStart, type ToThread } from './cli/thread-protocol.js';
import { lintThreadYoungGenerationMb, threadResourceLimits } from './io/thread-heap.js';
import { identitiesAheadChannel } from './sources/cache/identities-ahead-channel.js';

// The one module that touches the process. The CLI itself runs in a worker thread (cli-thread.ts): this thread stays
// free to answer Ctrl-C at once, whatever the work is doing, and sees the work run out of heap as an error it reports
// in one line instead of a V8 crash with a native stack.

// `svc-lint lsp --stdio` is a language server: it owns stdin and stdout and lives as long as its client, so it runs
// here on the main thread, in a bundle of its own (dist/lsp.js) that a lint run never loads.
if (process.argv[2] === 'lsp') {
  const entry = (await import(new URL('./lsp.js', import.meta.url).href)) as typeof import('./lsp/main.js');
  const exitCode = entry.runLanguageServerCommand(process.argv.slice(3), {
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    writeStderr: (text) => process.stderr.write(text),
  });
  if (exitCode !== undefined) process.exitCode = exitCode;
} else {
  runCliInThread();
}

function runCliInThread(): void {
  // Each scavenge on one thread: helpers that copy a young generation of a few MB in parallel (V8 starts them from
  // about 1 MB) cost more than they save when the run's own threads keep the cores busy. Measured on two cores: 10,000
  // manifests 7% less time and 6% less CPU, 50,000 7%, 1,000 (one thread) 3%; a warm cache unchanged. V8 reads this
  // flag afresh at every scavenge, unlike those `--single-threaded-gc` implies, which must be given when node starts.
  setFlagsFromString('--no-parallel-scavenge');
  const argv = process.argv.slice(2);
  const cwd = process.cwd();
  const withCache = argv.includes('--cache');
  // With a cache, this thread looks up the files it names while the lint thread starts (see identities-ahead.ts).
  const lookAhead = withCache ? identitiesAheadChannel() : undefined;
  const start: ThreadStart = {
    argv,
    cwd,
    env: { ...process.env },
    stdoutIsTTY: process.stdout.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    ...(lookAhead && { identitiesAhead: lookAhead.lintThread }),
  };
  // The thread may use the heap the process was given (NODE_OPTIONS=--max-old-space-size included).
  const resourceLimits = threadResourceLimits(lintThreadYoungGenerationMb(withCache));
  const worker = new Worker(new URL('./cli-thread.cjs', import.meta.url), { workerData: start, resourceLimits, transferList: lookAhead ? [lookAhead.lintThread.port] : [] });
  if (lookAhead) {
    const lookingAhead = import(new URL('./look-ahead.js', import.meta.url).href) as Promise<typeof import('./cli/look-ahead.js')>;
    // A failure here only leaves the lint thread to look every path up itself, once it has waited for the answer.
    void lookingAhead.then((module) => module.lookAheadForCache(argv, cwd, lookAhead.processThread)).catch(() => undefined);
  }
  const reply = (message: ToThread, transfer: ArrayBuffer[] = []) => worker.postMessage(message, transfer);

  /** Temporary files the thread is writing: removed if it is stopped before it renames or removes them itself. */
  const temporaryFiles = new Set<string>();
  let done = false;
  let stopping = false;

  function stop(exitCode: number, line?: string): void {
    if (stopping) return;
    stopping = true;
    // terminate() ends the thread even inside a synchronous loop; a native call it is in (a read) finishes first.
    const stopped = worker.terminate();
    const exit = () => {
      for (const path of temporaryFiles) rmSync(path, { force: true });
      if (line !== undefined) process.stderr.write(line);
      process.exit(exitCode);
    };
    void stopped.then(exit, exit);
    setTimeout(exit, 500).unref();
  }

  // Exit with the conventional 128 + signal number, leaving no report file half written (see writeFileAtomic).
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(signal, () => stop(code));
  }
  // A reader that stops early (`svc-lint | head`) closes the pipe: stop quietly, as a program killed by SIGPIPE would.
  // Any other failure to write (a full disk) is an I/O error like a report file that cannot be written: one line, 2.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') stop(141);
    else stop(2, `svc-lint: cannot write to stdout: ${error.code ?? error.message}\n`);
  });

  async function readStdin(): Promise<string> {
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > maxStdinBytes) {
        process.stdin.destroy();
        throw new Error(`stdin holds more than ${maxStdinBytes / 1024 / 1024} MB, more than any manifest may`);
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function prompt(question: string): Promise<string> {
    const terminal = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await terminal.question(question);
    } finally {
      terminal.close();
    }
  }

  async function handle(message: FromThread): Promise<void> {
    switch (message.type) {
      case 'stdout':
        // Answered once the bytes are handed to the system, with their buffer for the thread to use again: the thread
        // sends a few MB ahead at most, so a reader slower than svc-lint holds it back there and a large report never
        // piles up in memory. A failed write ends the process from the 'error' handler above.
        await new Promise<void>((resolve) => process.stdout.write(message.bytes, () => resolve()));
        reply({ type: 'written', id: message.id, bytes: message.bytes }, [message.bytes.buffer as ArrayBuffer]);
        return;
      case 'stderr':
        process.stderr.write(message.text);
        return;
      case 'read-stdin':
        try {
          reply({ type: 'stdin', id: message.id, text: await readStdin() });
        } catch (error) {
          reply({ type: 'stdin', id: message.id, error: (error as Error).message });
        }
        return;
      case 'prompt':
        reply({ type: 'answer', id: message.id, text: await prompt(message.question) });
        return;
      case 'temporary-file':
        if (message.event === 'created') temporaryFiles.add(message.path);
        else temporaryFiles.delete(message.path);
        return;
      case 'done':
        done = true;
        process.exitCode = message.exitCode;
        return;
    }
  }

  worker.on('message', (message: FromThread) => {
    handle(message).catch((error: Error) => stop(2, `svc-lint: internal error: ${error.message}\n`));
  });
  worker.on('error', (error: Error & { code?: string }) => {
    const line =
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `svc-lint: out of memory: the run needed more than its ${resourceLimits.maxOldGenerationSizeMb} MB of heap; lint fewer files at a time, or allow more with NODE_OPTIONS=--max-old-space-size=<MB>\n`
        : `svc-lint: internal error: ${error.message}\n`;
    stop(2, line);
  });
  worker.on('exit', () => {
    if (!done) stop(2, 'svc-lint: internal error: the run ended without a result\n');
  });
}
