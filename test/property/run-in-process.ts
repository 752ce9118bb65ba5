import { runCli } from '../../src/cli.js';
import type { CliIo } from '../../src/cli/io.js';

/** The CLI in this process, its output collected: the same code bin.ts runs in its worker thread. */
export async function runInProcess(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd,
    env: {},
    stdoutIsTTY: false,
    stdinIsTTY: false,
    readStdin: async () => '',
    writeStdout: (text) => void (stdout += text),
    writeStderr: (text) => void (stderr += text),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
