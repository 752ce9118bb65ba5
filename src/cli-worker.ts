import { parentPort, workerData, type TransferListItem } from 'node:worker_threads';
import { runCli } from './cli.js';
import type { FromThread, ThreadStart, ToThread } from './cli/thread-protocol.js';
import { SvcLintError } from './errors.js';
import { observeTemporaryFiles } from './io/temporary-files.js';

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
const unwritten: { bytes: number; written: Promise<unknown> }[] = [];
let unwrittenBytes = 0;
const utf8 = new TextEncoder();

// Sent as UTF-8 in a buffer the process takes over, not as a string it gets a copy of: the process writes bytes
// anyway, and copying a report's string costs more than encoding it (twice as much once "→" makes it a two-byte string).
function writeStdout(text: string): Promise<void> {
  return writeStdoutBytes(utf8.encode(text));
}

async function writeStdoutBytes(bytes: Uint8Array): Promise<void> {
  const written = ask((id) => ({ type: 'stdout', id, bytes }), [bytes.buffer as ArrayBuffer]);
  unwritten.push({ bytes: bytes.length, written });
  unwrittenBytes += bytes.length;
  while (unwrittenBytes > maxUnwrittenBytes) await settleOldestWrite();
}

async function settleOldestWrite(): Promise<void> {
  const oldest = unwritten.shift()!;
  await oldest.written;
  unwrittenBytes -= oldest.bytes;
}

/** Waits until the process has written all output: before a question to the terminal, and before the run ends. */
async function flushStdout(): Promise<void> {
  while (unwritten.length > 0) await settleOldestWrite();
}

/** The command line run to its end: the exit code is sent, stdout written and the port closed. */
async function run(): Promise<void> {
  const exitCode = await runCli(start.argv, {
    cwd: start.cwd,
    env: start.env,
    stdoutIsTTY: start.stdoutIsTTY,
    stdinIsTTY: start.stdinIsTTY,
    readStdin: async () => {
      await flushStdout();
      const reply = await ask((id) => ({ type: 'read-stdin', id }));
      if (reply.type !== 'stdin') throw new Error(`unexpected reply ${reply.type}`);
      if ('error' in reply) throw new SvcLintError('usage', reply.error);
      return reply.text;
    },
    prompt: async (question) => {
      await flushStdout();
      const reply = await ask((id) => ({ type: 'prompt', id, question }));
      return reply.type === 'answer' ? reply.text : '';
    },
    writeStdout,
    writeStdoutBytes,
    writeStderr: (text) => send({ type: 'stderr', text }),
  });
  await flushStdout();
  send({ type: 'done', exitCode });
  port.close();
}

export const finished = run();
