import type { ManifestFile, MessageData, Range, RawFinding } from '../../types.js';

/** Rules the manifest reader reports itself, before any template runs. */
export type ReaderRuleId = 'manifest-syntax' | 'manifest-schema' | 'duplicate-dependency' | 'skipped-entity';

/** A finding of the manifest reader, in the raw shape every stage emits. */
export function readerFinding(
  file: ManifestFile,
  ruleId: ReaderRuleId,
  data: MessageData,
  range: Range,
  extra: { messageId?: string; service?: string } = {},
): RawFinding {
  return { ruleId, messageId: extra.messageId ?? 'default', data, file: file.displayPath, range, ...(extra.service !== undefined && { service: extra.service }) };
}
