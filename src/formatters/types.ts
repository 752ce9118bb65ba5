import type { LintResult } from '../types.js';

export interface FormatContext {
  /** Whether the output may carry ANSI colour; machine formats ignore it. */
  color: boolean;
  /** svc-lint's version, for formats that name their tool (SARIF). */
  version: string;
}

/** A formatter is a pure function from results to text: no I/O, no `process`. */
export type Formatter = (result: LintResult, context: FormatContext) => string;

/** A formatter whose text comes in pieces (joined, they are the whole text), so a large report is never one string. */
export type PieceFormatter = (result: LintResult, context: FormatContext) => Iterable<string>;
