import { parentPort, workerData, type TransferListItem } from 'node:worker_threads';
import { runCli } from './cli.js';
import type { FromThread, ThreadStart, ToThread } from './cli/thread-protocol.js';
import type { CliIo } from './cli/io.js';
import { SvcLintError } from './errors.js';
import { observeTemporaryFiles } from './io/temporary-files.js';
import { StdoutQueue } from './cli/stdout-queue.js';
import { heapBudgetSafePoint } from './io/heap-budget.js';
import { whileHeapGrowthLimited } from './io/heap-growth.js';
import { IdentitiesAhead } from './sources/cache/identities-ahead.js';

// The thread bin.ts starts: it runs one command line with an io whose every call is a message to the process.
const port = parentPort!;
const start = workerData as ThreadStart;
const send = (message: FromThread, transfer: TransferListItem[] = []) => port.postMessage(message, transfer);

const pending = new Map<number, (reply: ToThread) => void>();
let nextId = 0;
port.on('message', (reply: ToThread) => {
  pending.get(reply.id)?.(reply);
  pending.delete(reply.id);
});

function ask(message: (id: number) => FromThread, transfer: TransferListItem[] = []): Promise<ToThread> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    send(message(id), transfer);
  });
}

observeTemporaryFiles((event, path) => send({ type: 'temporary-file', event, path }));

/**
 * Output the process has not written yet: the report goes on being formatted while the process writes what came
 * before, up to this many bytes ahead of it (a slower reader holds the run back there, not sooner).
 */
const maxUnwrittenBytes = 4 << 20;
const stdout = new StdoutQueue(async (bytes) => {
  const reply = await ask((id) => ({ type: 'stdout', id, bytes }), [bytes.buffer as ArrayBuffer]);
  return reply.type === 'written' ? reply.bytes : undefined;
}, maxUnwrittenBytes);
const utf8 = new TextEncoder();

// Sent as UTF-8 in a buffer the process takes over, not as a string it gets a copy of: the process writes bytes
// anyway, and copying a report's string costs more than encoding it (twice as much once "→" makes it a two-byte string).
function writeStdout(text: string): Promise<void> {
  return stdout.write(utf8.encode(text));
}

const identitiesAhead = start.identitiesAhead && new IdentitiesAhead(start.identitiesAhead);

/** What the CLI reads and writes: each call a message to the process. */
const io: CliIo = {
  cwd: start.cwd,
  env: start.env,
  stdoutIsTTY: start.stdoutIsTTY,
  stdinIsTTY: start.stdinIsTTY,
  readStdin: async () => {
    await stdout.flush();
    const reply = await ask((id) => ({ type: 'read-stdin', id }));
    if (reply.type !== 'stdin') throw new Error(`unexpected reply ${reply.type}`);
    if ('error' in reply) throw new SvcLintError('usage', reply.error);
    return reply.text;
  },
  prompt: async (question) => {
    await stdout.flush();
    const reply = await ask((id) => ({ type: 'prompt', id, question }));
    return reply.type === 'answer' ? reply.text : '';
  },
  writeStdout,
  writeStdoutBytes: (bytes) => stdout.write(bytes),
  outputBuffer: (size) => stdout.buffer(size),
  writeStderr: (text) => send({ type: 'stderr', text }),
  safePoint: heapBudgetSafePoint(),
  ...(identitiesAhead && { identitiesAhead }),
};

/** The command line run to its end: the exit code is sent, stdout written and the port closed. */
async function run(): Promise<void> {
  const exitCode = await whileHeapGrowthLimited(() => runCli(start.argv, io));
  // The process stops looking up identities a run did not take (one without a cache file, or that ended early).
  identitiesAhead?.decline();
  await stdout.flush();
  send({ type: 'done', exitCode });
  port.close();
}

export const finished = run();
