import type { SkippedSource } from './types.js';

/**
 * An error the user can act on: the CLI prints its message as one line and exits 2.
 * `kind` says what went wrong, for callers of the library.
 */
export class SvcLintError extends Error {
  constructor(
    readonly kind: 'usage' | 'config' | 'path' | 'io' | 'limit' | 'internal',
    message: string,
    /** What the run skipped as not svc-lint's, when that is why it found nothing to lint (`--debug` lists it). */
    readonly skipped: readonly SkippedSource[] = [],
  ) {
    super(message);
    this.name = 'SvcLintError';
  }
}
