import type { MessageData } from '../../engine/messages.js';
import type { Range } from '../../types.js';

/** A finding the manifest reader itself reports (syntax and schema), before any rule runs. */
export interface ManifestProblem {
  ruleId: 'manifest-syntax' | 'manifest-schema' | 'duplicate-dependency' | 'skipped-entity';
  /** The rule message to render; `default` when absent. */
  messageId?: string;
  data: MessageData;
  range: Range;
  service?: string;
}

export const startOfFile: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };
