import type { ManifestProblem } from '../sources/manifest/problems.js';
import { placeholdersOf, renderMessage, type MessageData } from './messages.js';
import type { ActiveRule } from '../ruleset/resolve.js';
import type { TemplateContext, TemplateFinding } from '../ruleset/templates/types.js';
import type { Finding, Range, ResolvedRule, Service } from '../types.js';
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

export function toFinding(
  rule: ResolvedRule,
  messageId: string,
  data: MessageData,
  file: string,
  range: Range,
  service: string | undefined,
): Finding {
  const template = rule.messages[messageId] ?? rule.messages.default ?? rule.description;
  return {
    ruleId: rule.id,
    messageId,
    data: usedData(template, data),
    severity: rule.severity,
    message: renderMessage(template, data),
    file,
    ...(service !== undefined && { service }),
    ...range,
  };
}

function rangeFor(service: Service, reported: TemplateFinding): Range {
  return reported.range ?? service.locations[reported.field ?? 'document'] ?? service.locations.document;
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

export interface EngineInput {
  /** The services being reported on. */
  services: readonly Service[];
  /** Every service graph rules see (a superset of `services`). */
  workspaceServices: readonly Service[];
  /** Whether a workspace rule's finding on this service is reported. */
  isReported(service: Service): boolean;
  problems: readonly { file: string; problem: ManifestProblem }[];
  rules: readonly ActiveRule[];
  context: TemplateContext;
}

/** Runs every enabled rule and turns what it reports into findings, sorted by file and position. */
export function runRules({ services, workspaceServices, isReported, problems, rules, context }: EngineInput): Finding[] {
  const findings: Finding[] = [];
  const byId = new Map(rules.map((entry) => [entry.rule.id, entry]));
  const enabled = (id: string) => {
    const entry = byId.get(id);
    return entry?.rule.enabled ? entry.rule : undefined;
  };

  for (const { file, problem } of problems) {
    const rule = enabled(problem.ruleId);
    if (rule) findings.push(toFinding(rule, problem.messageId ?? 'default', problem.data, file, problem.range, problem.service));
  }

  for (const { rule, template } of rules) {
    if (!rule.enabled || !template) continue;
    if (template.scope === 'service') {
      for (const service of services) {
        for (const reported of template.check(service, rule.params, context)) {
          const range = rangeFor(service, reported);
          findings.push(toFinding(rule, reported.messageId, reported.data, service.file.displayPath, range, service.name));
        }
      }
    } else {
      for (const reported of template.check(workspaceServices, rule.params, { ...context, reportsOn: isReported })) {
        const { service } = reported;
        if (!isReported(service)) continue;
        const range = rangeFor(service, reported);
        findings.push(toFinding(rule, reported.messageId, reported.data, service.file.displayPath, range, service.name));
      }
    }
  }
  return withoutSuperseded(findings, rules).sort(compareFindings);
}

/** Drops the findings a more specific rule replaces on the same service (`supersedes` in its declaration). */
function withoutSuperseded(findings: Finding[], rules: readonly ActiveRule[]): Finding[] {
  const superseding = rules.filter((entry) => entry.rule.enabled && entry.rule.supersedes?.length);
  if (superseding.length === 0) return findings;
  const replaced = new Set<string>();
  for (const { rule } of superseding) {
    for (const finding of findings) {
      if (finding.ruleId !== rule.id || finding.service === undefined) continue;
      for (const id of rule.supersedes ?? []) replaced.add(`${id}\u0000${finding.file}\u0000${finding.service}`);
    }
  }
  return findings.filter((finding) => !replaced.has(`${finding.ruleId}\u0000${finding.file}\u0000${finding.service}`));
}
