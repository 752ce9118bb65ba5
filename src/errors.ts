/**
 * An error the user can act on: the CLI prints its message as one line and exits 2.
 * `kind` says what went wrong, for callers of the library.
 */
export class SvcLintError extends Error {
  constructor(
    readonly kind: 'usage' | 'config' | 'path' | 'io' | 'limit' | 'internal',
    message: string,
  ) {
    super(message);
    this.name = 'SvcLintError';
  }
}
