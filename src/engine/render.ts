import { placeholdersOf, renderMessage } from '../ruleset/messages.js';
import type { Finding, MessageData, RawFinding, ResolvedRule } from '../types.js';
import { compareText } from '../text/compare.js';

const placeholderCache = new Map<string, string[]>();

/** The values a message is rendered from: the data its template names, and nothing more. */
function usedData(template: string, data: MessageData): MessageData {
  let keys = placeholderCache.get(template);
  if (!keys) {
    keys = [...new Set(placeholdersOf(template))];
    placeholderCache.set(template, keys);
  }
  const used: MessageData = {};
  for (const key of keys) {
    const value = data[key];
    if (value !== undefined) used[key] = value;
  }
  return used;
}

function templateOf(rule: ResolvedRule, messageId: string): string {
  return rule.messages[messageId] ?? rule.messages.default ?? rule.description;
}

/**
 * The findings as rendering reads them: each with only the data its rule's message uses (a rule's data may carry
 * figures another of its messages names). What a cache keeps of them.
 */
export function withUsedData(raw: readonly RawFinding[], rules: readonly ResolvedRule[]): RawFinding[] {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  return raw.map((finding) => {
    const rule = byId.get(finding.ruleId);
    return rule ? { ...finding, data: usedData(templateOf(rule, finding.messageId), finding.data) } : finding;
  });
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}

/**
 * The final stage: each raw finding of an enabled rule gets its rule's severity and its message, rendered from the
 * rule's message template; the findings come out sorted by file and position.
 */
export function renderFindings(raw: readonly RawFinding[], rules: readonly ResolvedRule[]): Finding[] {
  const enabled = new Map(rules.filter((rule) => rule.enabled).map((rule) => [rule.id, rule]));
  const findings: Finding[] = [];
  for (const finding of raw) {
    const rule = enabled.get(finding.ruleId);
    if (!rule) continue;
    const template = templateOf(rule, finding.messageId);
    // Fields in the order reports have always written them.
    findings.push({
      ruleId: finding.ruleId,
      messageId: finding.messageId,
      data: usedData(template, finding.data),
      severity: rule.severity,
      message: renderMessage(template, finding.data),
      file: finding.file,
      ...(finding.service !== undefined && { service: finding.service }),
      ...finding.range,
      ...(finding.suppressed && { suppressed: finding.suppressed }),
      ...(finding.baselineState && { baselineState: finding.baselineState }),
    });
  }
  return findings.sort(compareFindings);
}
