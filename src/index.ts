export { lint, type LintOptions } from './lint.js';
export { setUp, type Setup, type SetupOptions } from './ruleset/setup.js';
export { SvcLintError } from './errors.js';
export { formatters, formatNames, formatResult, formatResultPieces, type FormatName } from './output/formatters/index.js';
export type { Formatter, FormatContext, PieceFormatter } from './output/formatters/types.js';
export { templates } from './ruleset/templates/index.js';
export type { RuleTemplate, ServiceTemplate, WorkspaceTemplate, LanguageRegistry } from './ruleset/templates/types.js';
export type { SvcLintConfig } from './config/types.js';
export * from './types.js';
