import type { ActiveRule } from '../ruleset/resolve.js';
import type { TemplateContext, TemplateFinding } from '../ruleset/templates/types.js';
import type { Range, RawFinding, Service } from '../types.js';
import { usedDataOf } from './render.js';

function rangeFor(service: Service, reported: TemplateFinding): Range {
  return reported.range ?? service.locations[reported.field ?? 'document'] ?? service.locations.document;
}

function fromTemplate(rule: ActiveRule['rule'], service: Service, reported: TemplateFinding): RawFinding {
  return {
    ruleId: rule.id,
    messageId: reported.messageId,
    data: usedDataOf(rule, reported.messageId, reported.data),
    file: service.file.displayPath,
    range: rangeFor(service, reported),
    service: service.name,
  };
}

export interface EngineInput {
  /** The services of the linted files. */
  services: readonly Service[];
  /** Every service graph rules see (a superset of `services`). */
  workspaceServices: readonly Service[];
  /** Whether a service is declared in a linted file: a workspace rule's findings on the others are dropped. */
  isLinted(service: Service): boolean;
  /** What the sources reported about the linted files (syntax, schema...). */
  sourceFindings: readonly RawFinding[];
  rules: readonly ActiveRule[];
  context: TemplateContext;
  /** Called after each rule (see `LintOptions.safePoint`). */
  afterRule?: () => void;
}

/** Runs every enabled rule over the services, and keeps the sources' findings of the enabled rules. */
export function runRules({ services, workspaceServices, isLinted, sourceFindings, rules, context, afterRule }: EngineInput): RawFinding[] {
  const enabled = new Set(rules.filter((entry) => entry.rule.enabled).map((entry) => entry.rule.id));
  const findings = sourceFindings.filter((finding) => enabled.has(finding.ruleId));
  for (const { rule, template } of rules) {
    if (!rule.enabled || !template) continue;
    if (template.scope === 'service') {
      for (const service of services) {
        for (const reported of template.check(service, rule.params, context)) findings.push(fromTemplate(rule, service, reported));
      }
    } else {
      for (const reported of template.check(workspaceServices, rule.params, { ...context, isLinted: isLinted })) {
        if (isLinted(reported.service)) findings.push(fromTemplate(rule, reported.service, reported));
      }
    }
    afterRule?.();
  }
  return withoutSuperseded(findings, rules);
}

/** Drops the findings a more specific rule replaces on the same service (`supersedes` in its declaration). */
function withoutSuperseded(findings: RawFinding[], rules: readonly ActiveRule[]): RawFinding[] {
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
