import { parentPort, workerData } from 'node:worker_threads';
import { runCli } from './cli.js';
import type { FromThread, ThreadStart, ToThread } from './cli/thread-protocol.js';
import { SvcLintError } from './errors.js';
import { observeTemporaryFiles } from './io/temporary-files.js';

// The thread bin.ts starts: it runs one command line with an io whose every call is a message to the process.
const port = parentPort!;
const start = workerData as ThreadStart;
const send = (message: FromThread) => port.postMessage(message);

const pending = new Map<number, (reply: ToThread) => void>();
let nextId = 0;
port.on('message', (reply: ToThread) => {
  pending.get(reply.id)?.(reply);
  pending.delete(reply.id);
});

function ask(message: (id: number) => FromThread): Promise<ToThread> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    send(message(id));
  });
}

observeTemporaryFiles((event, path) => send({ type: 'temporary-file', event, path }));

const exitCode = await runCli(start.argv, {
  cwd: start.cwd,
  env: start.env,
  stdoutIsTTY: start.stdoutIsTTY,
  stdinIsTTY: start.stdinIsTTY,
  readStdin: async () => {
    const reply = await ask((id) => ({ type: 'read-stdin', id }));
    if (reply.type !== 'stdin') throw new Error(`unexpected reply ${reply.type}`);
    if ('error' in reply) throw new SvcLintError('usage', reply.error);
    return reply.text;
  },
  prompt: async (question) => {
    const reply = await ask((id) => ({ type: 'prompt', id, question }));
    return reply.type === 'answer' ? reply.text : '';
  },
  writeStdout: async (text) => {
    await ask((id) => ({ type: 'stdout', id, text }));
  },
  writeStderr: (text) => send({ type: 'stderr', text }),
});
send({ type: 'done', exitCode });
port.close();
