import { placeholdersOf, renderMessage } from '../ruleset/messages.js';
import type { Finding, MessageData, RawFinding, ResolvedRule } from '../types.js';
import { compareText } from '../text/compare.js';

const placeholderCache = new Map<string, string[]>();

/**
 * The values a message is rendered from: the data its template names, and nothing more (`data` itself when that is
 * all it holds).
 */
function usedData(template: string, data: MessageData): MessageData {
  let keys = placeholderCache.get(template);
  if (!keys) {
    keys = [...new Set(placeholdersOf(template))];
    placeholderCache.set(template, keys);
  }
  const used: MessageData = {};
  let count = 0;
  for (const key of keys) {
    const value = data[key];
    if (value !== undefined) {
      used[key] = value;
      count += 1;
    }
  }
  return count === Object.keys(data).length ? data : used;
}

function templateOf(rule: ResolvedRule, messageId: string): string {
  return rule.messages[messageId] ?? rule.messages.default ?? rule.description;
}

/**
 * What a rule's finding keeps of the data its template gave: what its message uses. The rest (figures another of
 * the rule's messages names) is dropped as the finding is made, rather than held by every finding until rendering.
 */
export function usedDataOf(rule: ResolvedRule, messageId: string, data: MessageData): MessageData {
  return usedData(templateOf(rule, messageId), data);
}

/**
 * The findings as rendering reads them: each with only the data its rule's message uses (a rule's data may carry
 * figures another of its messages names). What a cache keeps of them.
 */
export function withUsedData(raw: readonly RawFinding[], rules: readonly ResolvedRule[]): RawFinding[] {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  return raw.map((finding) => {
    const rule = byId.get(finding.ruleId);
    const data = rule ? usedDataOf(rule, finding.messageId, finding.data) : finding.data;
    // A rule's findings keep only that from the start (see runRules): only the readers' and exemptions' are copied.
    return data === finding.data ? finding : { ...finding, data };
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

/** Where a rendered finding keeps its message template, out of sight of `Object.keys`, spreads and JSON. */
const templateKey = Symbol('message template');

type WithTemplate = Finding & { readonly [templateKey]: string };

// One getter for every finding: objects that gain the same accessor share one hidden class.
const messageOnRead: PropertyDescriptor = {
  get(this: WithTemplate): string {
    return renderMessage(this[templateKey], this.data);
  },
  enumerable: true,
};

/**
 * A finding whose message is rendered from its template and data each time it is read, rather than kept: 42,000
 * findings of 50,000 manifests held 22 MB of message text from judging to the end of the report. To its readers it is
 * a finding like any other (`message` is an enumerable property, copied by a spread and written by JSON.stringify).
 */
function findingOf(finding: RawFinding, severity: Finding['severity'], template: string): Finding {
  // Fields in the order reports have always written them.
  const rendered = { ruleId: finding.ruleId, messageId: finding.messageId, data: usedData(template, finding.data), severity };
  Object.defineProperty(rendered, 'message', messageOnRead);
  Object.defineProperty(rendered, templateKey, { value: template });
  const target = rendered as Finding;
  target.file = finding.file;
  if (finding.service !== undefined) target.service = finding.service;
  target.line = finding.range.line;
  target.column = finding.range.column;
  target.endLine = finding.range.endLine;
  target.endColumn = finding.range.endColumn;
  if (finding.suppressed) target.suppressed = finding.suppressed;
  if (finding.baselineState) target.baselineState = finding.baselineState;
  return target;
}

/**
 * The final stage: each raw finding of an enabled rule gets its rule's severity and its message, rendered from the
 * rule's message template when read; the findings come out sorted by file and position.
 */
export function renderFindings(raw: readonly RawFinding[], rules: readonly ResolvedRule[]): Finding[] {
  const enabled = new Map(rules.filter((rule) => rule.enabled).map((rule) => [rule.id, rule]));
  const findings: Finding[] = [];
  for (const finding of raw) {
    const rule = enabled.get(finding.ruleId);
    if (rule) findings.push(findingOf(finding, rule.severity, templateOf(rule, finding.messageId)));
  }
  return findings.sort(compareFindings);
}
