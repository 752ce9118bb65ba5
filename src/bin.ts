#!/usr/bin/env node
import { once } from 'node:events';
import { createInterface } from 'node:readline/promises';
import { text } from 'node:stream/consumers';
import { runCli } from './cli.js';

// Report files are written synchronously (see writeFileAtomic), so an interrupt handled here never finds one half
// written; exit with the conventional 128 + signal number.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => process.exit(code));
}
// A reader that stops early (`svc-lint | head`) closes the pipe: stop quietly, as a program killed by SIGPIPE would.
// Any other failure to write (a full disk) is an I/O error like a report file that cannot be written: one line, 2.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(141);
  process.stderr.write(`svc-lint: cannot write to stdout: ${error.code ?? error.message}\n`);
  process.exit(2);
});

// The one module that touches the process: it hands argv, env and the streams to the CLI and sets the exit code.
const exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  stdinIsTTY: process.stdin.isTTY === true,
  readStdin: () => text(process.stdin),
  prompt: async (question) => {
    const terminal = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await terminal.question(question);
    } finally {
      terminal.close();
    }
  },
  // Waiting for 'drain' keeps a large report from piling up in memory when the reader is slower than svc-lint.
  writeStdout: async (output) => {
    if (!process.stdout.write(output)) await once(process.stdout, 'drain');
  },
  writeStderr: (output) => process.stderr.write(output),
});
process.exitCode = exitCode;
