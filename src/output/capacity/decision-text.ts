import type { DecisionReason } from '../../analysis/decision.js';

/** Why the decision framework recommends a language, in words; thresholds are left out as they can be configured. */
export const decisionReasonText = {
  'ml-serving': 'serves an ML model',
  'high-throughput': 'peak above the hot-path threshold',
  'low-latency': 'p99 below the hot-path threshold',
  'data-processing': 'data processing / ETL',
  infrastructure: 'infrastructure',
  'team-knows-language': 'the team knows its language',
  'team-expertise': "the team's language",
  'no-constraint': 'no constraint applies',
} satisfies Record<DecisionReason, string>;

export function describeDecision(reason: string): string {
  return (decisionReasonText as Record<string, string>)[reason] ?? reason;
}
