export const suppressionRuleIds = ['suppression-reason', 'suppression-expired', 'unused-suppression'] as const;
export type SuppressionRuleId = (typeof suppressionRuleIds)[number];

export const waiverRuleIds = ['waiver-expired', 'waiver-expiring', 'unused-waiver'] as const;
export type WaiverRuleId = (typeof waiverRuleIds)[number];
