import type { Finding } from '../../types.js';

export const findingStatuses = ['counted', 'suppressed', 'baselined'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

/** Whether a finding counts, or why it does not: the same order of precedence as `isCounted` and the summary. */
export function statusOf(finding: Finding): FindingStatus {
  if (finding.suppressed) return 'suppressed';
  if (finding.baselineState === 'unchanged') return 'baselined';
  return 'counted';
}

/** The status as a reader needs it: who exempted the finding and why. */
export function statusText(finding: Finding): string {
  const { suppressed } = finding;
  if (suppressed) {
    const by = suppressed.kind === 'inline' ? 'inline directive' : `waiver${suppressed.owner ? ` (${suppressed.owner})` : ''}`;
    const until = suppressed.expires ? `, until ${suppressed.expires}` : '';
    return `suppressed by ${by}${until}: ${suppressed.reason}`;
  }
  if (finding.baselineState === 'unchanged') return 'in the baseline';
  if (finding.baselineState === 'new') return 'new since the baseline';
  return 'counted';
}
