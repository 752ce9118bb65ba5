import type { LanguageProfile, RuleDeclaration, SeverityOrOff } from '../types.js';

export interface RuleSetting {
  severity?: SeverityOrOff;
  params?: Record<string, unknown>;
}

/** The shape of `.svc-lint.yaml` (schemas/config.schema.json). */
export interface SvcLintConfig {
  rules?: Record<string, SeverityOrOff | RuleSetting>;
  languages?: LanguageProfile[];
  customRules?: Omit<RuleDeclaration, 'source'>[];
  include?: string[];
  exclude?: string[];
}
