import type { LoadedConfig } from '../config/load.js';
import type { ConfigSeverity, RuleSetting } from '../config/types.js';
import { SvcLintError } from '../errors.js';
import { placeholdersOf } from './messages.js';
import { describeSchemaErrors } from '../schema/describe.js';
import { paramsValidator } from '../schema/validators.js';
import { engineTemplateKey, findTemplate, templates } from './templates/index.js';
import type { RuleTemplate } from './templates/types.js';
import { didYouMean } from '../text/closest.js';
import { readSeverity, type ResolvedRule, type RuleDeclaration, type SeverityOrOff } from '../types.js';
import type { YamlPath } from '../yaml/locate.js';

export interface ActiveRule {
  rule: ResolvedRule;
  /** Undefined for the rules the engine reports itself. */
  template?: RuleTemplate;
}

/**
 * What a rule that a pipeline stage reports itself (template `engine`) may say and take, from its own declaration:
 * its messages, the data keys the stage provides, and its params' schema.
 */
interface EngineRuleShape {
  messageIds: readonly string[];
  dataKeys: readonly string[];
  paramsSchema: Record<string, unknown>;
}

/** A template, or the shape of a rule a stage reports itself: what a declaration is checked against. */
type RuleShape = RuleTemplate | EngineRuleShape;

const noParams = { type: 'object', additionalProperties: false, properties: {} };

/** Reports a problem in a rule declaration or its settings, at the right place. */
type Complain = (at: YamlPath, problem: string, target?: 'key' | 'value') => SvcLintError;

function shapeOf(declaration: RuleDeclaration, complain: Complain, shipped: boolean): RuleShape {
  if (declaration.template === engineTemplateKey) {
    if (!shipped) throw complain(['template'], `"${engineTemplateKey}" is reserved for svc-lint's own rules`);
    return {
      messageIds: Object.keys(declaration.messages),
      dataKeys: declaration.dataKeys ?? [],
      paramsSchema: declaration.paramsSchema ?? noParams,
    };
  }
  for (const key of ['dataKeys', 'paramsSchema'] as const) {
    if (declaration[key] !== undefined) throw complain([key], `is for template ${engineTemplateKey} only (a template's own schema and data keys apply)`, 'key');
  }
  const template = findTemplate(declaration.template);
  if (!template) {
    const known = templates.map((candidate) => candidate.key);
    throw complain(['template'], `unknown template "${declaration.template}"${didYouMean(declaration.template, known)}; templates: ${known.join(', ')}`);
  }
  return template;
}

function checkDeclaration(declaration: RuleDeclaration, complain: Complain, shipped: boolean): RuleShape {
  const shape = shapeOf(declaration, complain, shipped);
  const { dataKeys, messageIds } = shape;
  for (const messageId of messageIds) {
    if (declaration.messages[messageId] === undefined) {
      throw complain(['messages'], `is missing the message "${messageId}" that template ${declaration.template} reports`, 'key');
    }
  }
  const optional: readonly string[] = ('optionalMessageIds' in shape && shape.optionalMessageIds) || [];
  for (const messageId of Object.keys(declaration.messages)) {
    if (messageIds.includes(messageId) || optional.includes(messageId)) continue;
    const known = [...messageIds, ...optional];
    throw complain(['messages', messageId], `is not a message template ${declaration.template} reports${didYouMean(messageId, known)} (it reports ${known.join(', ')})`, 'key');
  }
  for (const [messageId, text] of Object.entries(declaration.messages)) {
    for (const placeholder of placeholdersOf(text)) {
      if (!dataKeys.includes(placeholder)) {
        throw complain(['messages', messageId], `uses {{${placeholder}}}, which template ${declaration.template} does not provide (it provides ${dataKeys.join(', ')})`);
      }
    }
  }
  return shape;
}

function isTemplate(shape: RuleShape): shape is RuleTemplate {
  return 'check' in shape;
}

/** Names a params schema for its compiled validator: the template's key, or the id of a rule a stage reports. */
export function paramsSchemaKey(rule: Pick<ResolvedRule, 'id'>, shape: Pick<RuleTemplate, 'key'> | EngineRuleShape): string {
  return 'key' in shape ? shape.key : `${engineTemplateKey}:${rule.id}`;
}

/** The shape a shipped rule that a stage reports is checked against, for the validators compiled at build time. */
export function engineRuleShape(declaration: RuleDeclaration): EngineRuleShape | undefined {
  if (declaration.template !== engineTemplateKey) return undefined;
  return shapeOf(declaration, internalComplaint(declaration.source), true) as EngineRuleShape;
}

function checkParams(rule: ResolvedRule, shape: RuleShape, complain: Complain, at: YamlPath): void {
  const validate = paramsValidator(paramsSchemaKey(rule, shape), shape.paramsSchema);
  if (validate(rule.params)) return;
  const [first] = describeSchemaErrors(validate.errors ?? []);
  if (!first) return;
  throw complain([...at, ...first.path], `${first.problem} (params of template ${rule.template})`, first.target);
}

function settingOf(value: ConfigSeverity | RuleSetting): { severity?: SeverityOrOff; params?: Record<string, unknown> } {
  const { severity, params } = typeof value === 'string' ? { severity: value, params: undefined } : value;
  return { ...(severity !== undefined && { severity: readSeverity(severity) ?? 'error' }), ...(params !== undefined && { params }) };
}

function internalComplaint(source: string): Complain {
  return (at, problem) => new SvcLintError('internal', `built-in rule ${source}: ${at.join('.')} ${problem}`);
}

/**
 * Built-in and custom rules go through the same checks: a known template, messages for every message id the
 * template reports, placeholders it provides, and params that pass its schema. Then the config's and the
 * command line's settings apply, in that order.
 */
export function resolveRules(
  shipped: readonly RuleDeclaration[],
  loaded: LoadedConfig,
  overrides: Readonly<Record<string, SeverityOrOff>> = {},
): ActiveRule[] {
  const { config } = loaded;
  const active = new Map<string, ActiveRule>();
  const shapes = new Map<string, RuleShape>();
  const declaredAt = new Map<string, YamlPath>();

  for (const declaration of shipped) {
    const shape = checkDeclaration(declaration, internalComplaint(declaration.source), true);
    shapes.set(declaration.id, shape);
    active.set(declaration.id, { rule: { ...declaration, enabled: true }, ...(isTemplate(shape) && { template: shape }) });
  }
  (config.customRules ?? []).forEach((custom, index) => {
    const at: YamlPath = ['customRules', index];
    const complain: Complain = (path, problem, target) => loaded.errorAt([...at, ...path], problem, target);
    if (active.has(custom.id)) throw complain(['id'], `rule "${custom.id}" is already defined`);
    const declaration: RuleDeclaration = { ...custom, params: custom.params ?? {}, source: loaded.displayPath };
    const shape = checkDeclaration(declaration, complain, false);
    shapes.set(custom.id, shape);
    active.set(custom.id, { rule: { ...declaration, enabled: true }, ...(isTemplate(shape) && { template: shape }) });
    declaredAt.set(custom.id, at);
  });

  for (const [id, value] of Object.entries(config.rules ?? {})) {
    const entry = active.get(id);
    if (!entry) throw loaded.errorAt(['rules', id], `unknown rule id${didYouMean(id, active.keys())}`, 'key');
    const setting = settingOf(value);
    if (setting.severity === 'off') entry.rule.enabled = false;
    else if (setting.severity) entry.rule.severity = setting.severity;
    if (setting.params) entry.rule.params = { ...entry.rule.params, ...setting.params };
  }

  for (const [id, entry] of active) {
    const setting = config.rules?.[id];
    const hasParams = setting !== undefined && typeof setting !== 'string' && setting.params !== undefined;
    const at: YamlPath = hasParams ? ['rules', id, 'params'] : [...(declaredAt.get(id) ?? []), 'params'];
    const complain: Complain = declaredAt.has(id) || hasParams ? loaded.errorAt : internalComplaint(entry.rule.source);
    checkParams(entry.rule, shapes.get(id) as RuleShape, complain, at);
  }

  for (const [id, entry] of active) {
    for (const superseded of entry.rule.supersedes ?? []) {
      if (active.has(superseded)) continue;
      const at: YamlPath = [...(declaredAt.get(id) ?? []), 'supersedes'];
      const complain = declaredAt.has(id) ? loaded.errorAt : internalComplaint(entry.rule.source);
      throw complain(at, `names an unknown rule "${superseded}"${didYouMean(superseded, active.keys())}`);
    }
  }

  (config.waivers ?? []).forEach((waiver, index) => {
    if (active.has(waiver.rule)) return;
    throw loaded.errorAt(['waivers', index, 'rule'], `unknown rule id "${waiver.rule}"${didYouMean(waiver.rule, active.keys())}`);
  });

  for (const [id, severity] of Object.entries(overrides)) {
    const entry = active.get(id);
    if (!entry) throw new SvcLintError('usage', `--rule ${id}: unknown rule id${didYouMean(id, active.keys())}`);
    if (severity === 'off') entry.rule.enabled = false;
    else {
      entry.rule.enabled = true;
      entry.rule.severity = severity;
    }
  }
  return [...active.values()];
}
