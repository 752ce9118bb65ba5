#!/usr/bin/env node
import { runCli } from './cli.js';

// The one module that touches the process: it hands argv, env and the streams to the CLI and sets the exit code.
const exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  writeStdout: (text) => process.stdout.write(text),
  writeStderr: (text) => process.stderr.write(text),
});
process.exitCode = exitCode;
