import { formatNumber } from '../text/number.js';

/** Rounds away floating-point noise (40,000 × 0.3 = 12,000.000000000002) before comparing or showing a value. */
export function roundFigure(value: number): number {
  return Math.round(value * 1000) / 1000;
}

const elisionKeepsFirst = 3;
const elisionKeepsLast = 3;

/** Joins chain steps with arrows; very long chains keep their ends and say how many steps were left out. */
export function joinChain(steps: readonly string[]): string {
  const limit = elisionKeepsFirst + elisionKeepsLast + 1;
  if (steps.length <= limit) return steps.join(' → ');
  const hidden = steps.length - elisionKeepsFirst - elisionKeepsLast;
  return [
    ...steps.slice(0, elisionKeepsFirst),
    `… ${formatNumber(hidden)} more …`,
    ...steps.slice(steps.length - elisionKeepsLast),
  ].join(' → ');
}

