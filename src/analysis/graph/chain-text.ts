import { formatNumber } from '../../text/number.js';

/** Rounds away floating-point noise (40,000 × 0.3 = 12,000.000000000002) before comparing or showing a value. */
export function roundFigure(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** A long chain shows its first and last steps: this many of each. */
export const elisionKeepsFirst = 3;
const elisionKeepsLast = 3;

/** How a chain of `length` steps is shown: its first and last steps, and how many are left out between them. */
export function chainElision(length: number): { keepFirst: number; keepLast: number; hidden: number } {
  if (length <= elisionKeepsFirst + elisionKeepsLast + 1) return { keepFirst: length, keepLast: 0, hidden: 0 };
  return { keepFirst: elisionKeepsFirst, keepLast: elisionKeepsLast, hidden: length - elisionKeepsFirst - elisionKeepsLast };
}

/** Joins chain steps with arrows; very long chains keep their ends and say how many steps were left out. */
export function joinChain(steps: readonly string[]): string {
  const { keepFirst, keepLast, hidden } = chainElision(steps.length);
  if (hidden === 0) return steps.join(' → ');
  return [...steps.slice(0, keepFirst), `… ${formatNumber(hidden)} more …`, ...steps.slice(steps.length - keepLast)].join(' → ');
}
