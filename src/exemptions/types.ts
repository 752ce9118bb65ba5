import type { Finding, Range, Suppression } from '../types.js';

export type { Suppression };

/** A finding as reports show it: suppressed findings stay visible but do not count for the exit code. */
export type ReportedFinding = Finding;

export const suppressionRuleIds = ['suppression-reason', 'suppression-expired', 'unused-suppression'] as const;
export type SuppressionRuleId = (typeof suppressionRuleIds)[number];

export const waiverRuleIds = ['waiver-expired', 'waiver-expiring', 'unused-waiver'] as const;
export type WaiverRuleId = (typeof waiverRuleIds)[number];

/**
 * A problem with a directive, as data: the caller renders the message from the rule's
 * declaration, applies its configured severity and adds the file.
 */
export interface SuppressionProblem {
  ruleId: SuppressionRuleId;
  messageId: string;
  data: Record<string, string | number>;
  /** The directive's comment. */
  range: Range;
}
