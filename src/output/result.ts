import type { LintResult } from '../lint.js';

/** A copy of `result` with some fields replaced (the findings a format shows, say). */
export function resultWith(result: LintResult, changes: Partial<LintResult>): LintResult {
  return { ...result, ...changes };
}
