import type { LintResult } from '../../lint.js';

export interface FormatContext {
  /** Whether the output may carry ANSI colour; machine formats ignore it. */
  color: boolean;
  /** svc-lint's version, for formats that name their tool (SARIF). */
  version: string;
  /** Whether the run fails (the CLI's exit code 1, by `--fail-on` and `--max-warnings`); by default, when it has errors. */
  fails?: boolean;
  /** Findings `--quiet` leaves out of the result, which the summary owns up to. */
  hidden?: { warnings: number; infos: number };
}

/** A formatter is a pure function from results to text: no I/O, no `process`. */
export type Formatter = (result: LintResult, context: FormatContext) => string;

/** A formatter whose text comes in pieces (joined, they are the whole text), so a large report is never one string. */
export type PieceFormatter = (result: LintResult, context: FormatContext) => Iterable<string>;
