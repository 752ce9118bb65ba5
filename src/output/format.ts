import type { LintResult } from '../lint.js';
import type { FormatContext } from './formatters/types.js';

/** The commands that write outputs. */
export type OutputCommand = 'lint' | 'report' | 'graph';

/** One output format: what `--format` names, what `--help` says of it, and how it renders a run. */
export interface OutputFormat {
  name: string;
  /** A few words for `--help`. */
  description: string;
  commands: readonly OutputCommand[];
  /** Whether it shows exempted (suppressed, baselined) findings, marked; the others see only the findings that count. */
  showsExemptions: boolean;
  /** The text, in pieces where it can grow with the fleet (joined, they are the whole text): a pure function. */
  render(result: LintResult, context: FormatContext): string | Iterable<string>;
}
