export { lint, type LintOptions } from './lint.js';
export { setUp, type Setup, type SetupOptions } from './setup.js';
export { SvcLintError } from './errors.js';
export { formatters, formatNames, formatResult, formatResultPieces, type FormatName } from './formatters/index.js';
export type { Formatter, FormatContext, PieceFormatter } from './formatters/types.js';
export { templates } from './templates/index.js';
export type { RuleTemplate, ServiceTemplate, WorkspaceTemplate, LanguageRegistry } from './templates/types.js';
export type { SvcLintConfig } from './config/types.js';
export * from './types.js';
