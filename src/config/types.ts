import type { LanguageProfile, RuleDeclaration, SeverityOrOff } from '../types.js';
import type { Waiver } from './waivers.js';

/** A severity as the config may write it: `warn` is ESLint's spelling of `warning`. */
export type ConfigSeverity = SeverityOrOff | 'warn';

export interface RuleSetting {
  severity?: ConfigSeverity;
  params?: Record<string, unknown>;
}

/** The shape of `.svc-lint.yaml` (schemas/config.schema.json). */
export interface SvcLintConfig {
  rules?: Record<string, ConfigSeverity | RuleSetting>;
  languages?: LanguageProfile[];
  customRules?: Omit<RuleDeclaration, 'source'>[];
  include?: string[];
  exclude?: string[];
  /** `false` ignores every `# svc-lint-disable…` directive, for teams that review exemptions centrally. */
  allowInlineSuppressions?: boolean;
  waivers?: Waiver[];
  /** Manifests larger than this are reported instead of parsed (default 10). */
  maxFileSizeMb?: number;
  /** A baseline file, relative to the config file. */
  baseline?: string;
}
