import { terminalSafe } from '../text/terminal.js';
import type { SkippedSource } from '../types.js';
import type { IdentitiesAhead } from '../sources/cache/identities-ahead.js';

/** Everything the CLI needs from its process, passed in so that only bin.ts touches `process`. */
export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  readStdin(): Promise<string>;
  /** Asks one question on the terminal; absent when there is none. */
  prompt?(question: string): Promise<string>;
  /** May return a promise that settles once the text is handed on, so a large report waits for a slow reader. */
  writeStdout(text: string): void | Promise<void>;
  /**
   * Writes UTF-8 to stdout, taking the bytes over (the caller never touches them again); when present, a report in
   * pieces is encoded piece by piece and written this way.
   */
  writeStdoutBytes?(bytes: Uint8Array): Promise<void>;
  /** A buffer of at least `size` bytes to encode output into for `writeStdoutBytes`: one written before, when there is one. */
  outputBuffer?(size: number): Buffer;
  writeStderr(text: string): void;
  /** Called where what the run made before is garbage (see `LintOptions.safePoint`), and between a report's batches. */
  safePoint?(): void;
  /** See `LintOptions.identitiesAhead`. */
  identitiesAhead?: IdentitiesAhead;
}

export const exitCodes = { clean: 0, failed: 1, error: 2 } as const;

/** A line for stderr: `svc-lint: ` and the text, whose file names and values are shown escaped (see terminalSafe). */
export function stderrLine(text: string): string {
  return `svc-lint: ${terminalSafe(text)}\n`;
}

/** `--debug`'s list of what a run skipped as not svc-lint's, a line each. */
export function writeSkipped(skipped: readonly SkippedSource[], io: Pick<CliIo, 'writeStderr'>): void {
  for (const { file, line, reason } of skipped) io.writeStderr(stderrLine(`skipped ${file}${line === undefined ? '' : `:${line}`}: ${reason}`));
}
