import type { ManifestFile, MessageData, Range, RawFinding } from '../../types.js';

/**
 * A finding of the manifest reader (a rule on template `engine`, reported before any template runs), in the raw
 * shape every stage emits. The rule id is open: a rule declared in rules/ and emitted here needs nothing else; its
 * fixtures prove that it fires.
 */
export function readerFinding(
  file: ManifestFile,
  ruleId: string,
  data: MessageData,
  range: Range,
  extra: { messageId?: string; service?: string } = {},
): RawFinding {
  return { ruleId, messageId: extra.messageId ?? 'default', data, file: file.displayPath, range, ...(extra.service !== undefined && { service: extra.service }) };
}
