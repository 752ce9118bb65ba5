import { closeMatches } from '../text/closest.js';
import type { Finding } from '../types.js';
import { hasExpired } from './dates.js';
import type { Directive, ParsedDirectives } from './directives.js';
import type { ReportedFinding, SuppressionProblem } from './types.js';

export interface InlineSuppressionOptions {
  /** YYYY-MM-DD; the caller decides what today is. */
  today: string;
  /** When false, directives are ignored altogether: nothing is suppressed and nothing about them is reported. */
  allowInline: boolean;
  /** Every rule id svc-lint knows (enabled or not): a directive naming another is a typo, with the nearest ids. */
  knownRuleIds?: readonly string[];
}

export interface InlineSuppressionResult {
  /** The input findings in their order; the suppressed ones carry `suppressed`. */
  findings: ReportedFinding[];
  /** Problems with the directives, in line order. */
  problems: SuppressionProblem[];
}

/** Applies one file's directives to that file's findings. */
export function applyInlineSuppressions(
  findings: readonly ReportedFinding[],
  parsed: ParsedDirectives,
  options: InlineSuppressionOptions,
): InlineSuppressionResult {
  if (!options.allowInline) return { findings: [...findings], problems: [] };

  const problems: SuppressionProblem[] = [];
  const active: Directive[] = [];
  for (const directive of parsed.directives) {
    const directiveProblems = problemsOf(directive, options.today);
    for (const problem of directiveProblems) problems.push(problem);
    if (directiveProblems.length === 0) active.push(directive);
  }
  const coveringDirective = directiveIndex(active);
  const usedRules = new Map<Directive, Set<string>>(active.map((directive) => [directive, new Set<string>()]));

  const reported = findings.map((finding): ReportedFinding => {
    if (finding.suppressed) return finding;
    const directive = coveringDirective(finding);
    if (!directive?.reason) return finding;
    usedRules.get(directive)?.add(finding.ruleId);
    const expires = directive.until ? { expires: directive.until } : {};
    return { ...finding, suppressed: { kind: 'inline', reason: directive.reason, ...expires } };
  });

  for (const directive of active) {
    for (const rule of directive.rules) {
      if (usedRules.get(directive)?.has(rule)) continue;
      problems.push({ ruleId: 'unused-suppression', ...unusedRule(directive, rule, options.knownRuleIds), range: directive.range });
    }
  }
  for (const malformed of parsed.malformed) {
    problems.push({ ruleId: 'unused-suppression', messageId: 'malformed', data: { problem: malformed.problem }, range: malformed.range });
  }
  problems.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
  return { findings: reported, problems };
}

/** Why a rule id of a directive suppresses nothing: no finding where it applies, or no such rule (a typo). */
function unusedRule(directive: Directive, rule: string, knownRuleIds: readonly string[] | undefined): Pick<SuppressionProblem, 'messageId' | 'data'> {
  const data = { directive: directiveName(directive), rule };
  if (knownRuleIds === undefined || knownRuleIds.includes(rule)) return { messageId: 'default', data };
  const close = closeMatches(rule, knownRuleIds);
  if (close.length === 0) return { messageId: 'unknownRule', data };
  return { messageId: 'unknownRuleDidYouMean', data: { ...data, suggestions: close.join(', ') } };
}

function problemsOf(directive: Directive, today: string): SuppressionProblem[] {
  const data = { directive: directiveName(directive), rules: directive.rules.join(', ') };
  const problems: SuppressionProblem[] = [];
  if (!directive.reason) {
    problems.push({ ruleId: 'suppression-reason', messageId: 'default', data, range: directive.range });
  }
  if (directive.until && hasExpired(directive.until, today)) {
    problems.push({
      ruleId: 'suppression-expired',
      messageId: 'default',
      data: { ...data, until: directive.until, today },
      range: directive.range,
    });
  }
  return problems;
}

function covers(directive: Directive, finding: Finding): boolean {
  const { fromLine, toLine } = directive.covers;
  return directive.rules.includes(finding.ruleId) && finding.line >= fromLine && finding.line <= toLine;
}

/**
 * Finds the directive that covers a finding without trying every directive: next-line directives by their line,
 * document-level ones by the span they cover. A next-line directive is more specific than a document-level one, so
 * it gets the credit first.
 */
function directiveIndex(directives: readonly Directive[]): (finding: Finding) => Directive | undefined {
  const byLine = new Map<number, Directive[]>();
  const bySpanStart = new Map<number, Directive[]>();
  for (const directive of directives) {
    const index = directive.kind === 'disable-next-line' ? byLine : bySpanStart;
    const key = directive.covers.fromLine;
    const list = index.get(key);
    if (list) list.push(directive);
    else index.set(key, [directive]);
  }
  // Document spans never overlap, so the span that can hold a line is the last one starting at or before it.
  const spanStarts = [...bySpanStart.keys()].sort((a, b) => a - b);
  const spanAt = (line: number) => {
    let low = 0;
    let high = spanStarts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((spanStarts[middle] as number) <= line) low = middle + 1;
      else high = middle;
    }
    return low === 0 ? undefined : bySpanStart.get(spanStarts[low - 1] as number);
  };
  return (finding) =>
    byLine.get(finding.line)?.find((directive) => covers(directive, finding)) ??
    spanAt(finding.line)?.find((directive) => covers(directive, finding));
}

function directiveName(directive: Directive): string {
  return `svc-lint-${directive.kind}`;
}
