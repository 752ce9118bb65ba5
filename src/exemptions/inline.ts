import { closeMatches } from '../text/closest.js';
import type { Range, RawFinding } from '../types.js';
import { hasExpired } from '../text/dates.js';
import type { Directive, ParsedDirectives } from '../sources/manifest/directives.js';
import type { SuppressionRuleId } from './types.js';

export interface InlineSuppressionOptions {
  /** The file the directives are in, as findings name it. */
  file: string;
  /** YYYY-MM-DD; the caller decides what today is. */
  today: string;
  /** When false, directives are ignored altogether: nothing is suppressed and nothing about them is reported. */
  allowInline: boolean;
  /** Every rule id svc-lint knows (enabled or not): a directive naming another is a typo, with the nearest ids. */
  knownRuleIds?: readonly string[];
}

export interface InlineSuppressionResult {
  /** The input findings in their order; the suppressed ones carry `suppressed`. */
  findings: RawFinding[];
  /** Problems with the directives, in line order. */
  problems: RawFinding[];
}

/** Applies one file's directives to that file's findings. */
export function applyInlineSuppressions(
  findings: readonly RawFinding[],
  parsed: ParsedDirectives,
  options: InlineSuppressionOptions,
): InlineSuppressionResult {
  if (!options.allowInline) return { findings: [...findings], problems: [] };

  const problems: RawFinding[] = [];
  const problem = (ruleId: SuppressionRuleId, messageId: string, data: RawFinding['data'], range: Range): RawFinding => ({
    ruleId,
    messageId,
    data,
    file: options.file,
    range,
  });
  const active: Directive[] = [];
  for (const directive of parsed.directives) {
    const directiveProblems = problemsOf(directive, options.today, problem);
    for (const problem of directiveProblems) problems.push(problem);
    if (directiveProblems.length === 0) active.push(directive);
  }
  const coveringDirective = directiveIndex(active);
  const usedRules = new Map<Directive, Set<string>>(active.map((directive) => [directive, new Set<string>()]));

  const reported = findings.map((finding): RawFinding => {
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
      const { messageId, data } = unusedRule(directive, rule, options.knownRuleIds);
      problems.push(problem('unused-suppression', messageId, data, directive.range));
    }
  }
  for (const malformed of parsed.malformed) {
    problems.push(problem('unused-suppression', 'malformed', { problem: malformed.problem }, malformed.range));
  }
  problems.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
  return { findings: reported, problems };
}

/** Why a rule id of a directive suppresses nothing: no finding where it applies, or no such rule (a typo). */
function unusedRule(directive: Directive, rule: string, knownRuleIds: readonly string[] | undefined): Pick<RawFinding, 'messageId' | 'data'> {
  const data = { directive: directiveName(directive), rule };
  if (knownRuleIds === undefined || knownRuleIds.includes(rule)) return { messageId: 'default', data };
  const close = closeMatches(rule, knownRuleIds);
  if (close.length === 0) return { messageId: 'unknownRule', data };
  return { messageId: 'unknownRuleDidYouMean', data: { ...data, suggestions: close.join(', ') } };
}

function problemsOf(
  directive: Directive,
  today: string,
  problem: (ruleId: SuppressionRuleId, messageId: string, data: RawFinding['data'], range: Range) => RawFinding,
): RawFinding[] {
  const data = { directive: directiveName(directive), rules: directive.rules.join(', ') };
  const problems: RawFinding[] = [];
  if (!directive.reason) problems.push(problem('suppression-reason', 'default', data, directive.range));
  if (directive.until && hasExpired(directive.until, today)) {
    problems.push(problem('suppression-expired', 'default', { ...data, until: directive.until, today }, directive.range));
  }
  return problems;
}

function covers(directive: Directive, finding: RawFinding): boolean {
  const { fromLine, toLine } = directive.covers;
  const { line } = finding.range;
  return directive.rules.includes(finding.ruleId) && line >= fromLine && line <= toLine;
}

/**
 * Finds the directive that covers a finding without trying every directive: next-line directives by their line,
 * document-level ones by the span they cover. A next-line directive is more specific than a document-level one, so
 * it gets the credit first.
 */
function directiveIndex(directives: readonly Directive[]): (finding: RawFinding) => Directive | undefined {
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
    byLine.get(finding.range.line)?.find((directive) => covers(directive, finding)) ??
    spanAt(finding.range.line)?.find((directive) => covers(directive, finding));
}

function directiveName(directive: Directive): string {
  return `svc-lint-${directive.kind}`;
}
