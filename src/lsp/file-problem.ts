import type { SvcLintError } from '../errors.js';
import type { Range } from '../types.js';

/** A config or baseline svc-lint cannot use, as one diagnostic on that file. */
export interface FileProblem {
  /** Absolute path of the file the problem is in. */
  path: string;
  message: string;
  range: Range;
}

// "invalid config .svc-lint.yaml:4:3: rules.x: unknown rule id": the file, line and column the CLI prints.
const located = /^(?:invalid config |invalid baseline )?(.*?):(\d+):(\d+): (.*)$/s;

/** Where the error's one line points, as a range on its file (the first line when it names no position). */
export function problemOfError(error: SvcLintError, path: string): FileProblem {
  const match = located.exec(error.message);
  if (!match) return { path, message: error.message, range: { line: 1, column: 1, endLine: 1, endColumn: 1 } };
  const line = Number(match[2]);
  const column = Number(match[3]);
  return { path, message: match[4]!, range: { line, column, endLine: line, endColumn: column + 1 } };
}
