import type { LintResult } from '../types.js';

type LazyView = 'capacity' | 'graph';

/**
 * `result` with the capacity estimates and the graph picture computed on first read and kept from then on: they cost
 * time and memory on a large workspace, and most formats never read them.
 */
export function withLazyViews(
  result: Omit<LintResult, LazyView>,
  compute: { [View in LazyView]: () => LintResult[View] },
): LintResult {
  for (const view of Object.keys(compute) as LazyView[]) {
    let value: LintResult[LazyView] | undefined;
    Object.defineProperty(result, view, { enumerable: true, configurable: true, get: () => (value ??= compute[view]()) });
  }
  return result as LintResult;
}

/** A copy of `result` with some fields replaced; a view not read yet stays uncomputed. */
export function resultWith(result: LintResult, changes: Partial<LintResult>): LintResult {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(result)) as LintResult;
  return Object.defineProperties(copy, Object.getOwnPropertyDescriptors(changes));
}
