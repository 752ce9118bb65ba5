import type { IdentitiesAheadChannel } from '../sources/cache/identities-ahead-channel.js';

/**
 * The messages between bin.ts, which owns the process, and the thread that runs the CLI (cli-worker.ts, started by
 * cli-thread.ts). The work runs in its own thread so that the process can stop it at once on Ctrl-C whatever it is
 * doing, and so that running out of heap ends that thread with an error the process reports in one line, instead of
 * a V8 crash.
 */

/** What the thread starts from: everything the CLI would otherwise read from `process`. */
export interface ThreadStart {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  /** With `--cache`: where the process sends the identities it looks up while the thread starts (see identities-ahead.ts). */
  identitiesAhead?: IdentitiesAheadChannel;
}

export type FromThread =
  /** Text for stdout, as UTF-8 (its buffer transferred); `id` is answered with `written` once the process has written it. */
  | { type: 'stdout'; id: number; bytes: Uint8Array }
  | { type: 'stderr'; text: string }
  | { type: 'read-stdin'; id: number }
  | { type: 'prompt'; id: number; question: string }
  /** A temporary file was created or is gone: the process removes the ones left when it stops the thread. */
  | { type: 'temporary-file'; event: 'created' | 'removed'; path: string }
  | { type: 'done'; exitCode: number };

export type ToThread =
  /** The bytes of a `stdout` message written, their buffer handed back (transferred) for later output. */
  | { type: 'written'; id: number; bytes?: Uint8Array }
  | { type: 'stdin'; id: number; text: string }
  | { type: 'stdin'; id: number; error: string }
  | { type: 'answer'; id: number; text: string };

/** More than this on stdin is refused rather than buffered (the size limit of a manifest is at most 1,024 MB). */
export const maxStdinBytes = 256 * 1024 * 1024;
