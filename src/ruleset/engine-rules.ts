/** What a rule the engine reports itself (template `builtin`) may say, and the params it takes. */
export interface BuiltinRuleSpec {
  messageIds: readonly string[];
  dataKeys: readonly string[];
  paramsSchema: Record<string, unknown>;
}

const noParams = { type: 'object', additionalProperties: false, properties: {} };
const directiveKeys = ['directive', 'rules', 'rule', 'until', 'today', 'problem', 'suggestions'];
const waiverKeys = ['rule', 'services', 'owner', 'expires', 'reason', 'today', 'days', 'pattern', 'suggestions'];

export const builtinRules = {
  'manifest-syntax': { messageIds: ['default', 'too-many-nodes'], dataKeys: ['reason', 'code', 'limit'], paramsSchema: noParams },
  'manifest-schema': { messageIds: ['default'], dataKeys: ['path', 'problem'], paramsSchema: noParams },
  'duplicate-dependency': { messageIds: ['default'], dataKeys: ['service', 'dependency', 'firstLine'], paramsSchema: noParams },
  'skipped-entity': {
    messageIds: ['type', 'kind', 'apiVersion'],
    dataKeys: ['entity', 'type', 'judged', 'kind', 'apiVersion', 'read'],
    paramsSchema: noParams,
  },
  'suppression-reason': { messageIds: ['default'], dataKeys: directiveKeys, paramsSchema: noParams },
  'suppression-expired': { messageIds: ['default'], dataKeys: directiveKeys, paramsSchema: noParams },
  'unused-suppression': { messageIds: ['default', 'malformed', 'unknownRule', 'unknownRuleDidYouMean'], dataKeys: directiveKeys, paramsSchema: noParams },
  'waiver-expired': { messageIds: ['default'], dataKeys: waiverKeys, paramsSchema: noParams },
  'unused-waiver': { messageIds: ['default', 'didYouMean'], dataKeys: waiverKeys, paramsSchema: noParams },
  'waiver-expiring': {
    messageIds: ['default'],
    dataKeys: waiverKeys,
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['withinDays'],
      properties: { withinDays: { type: 'integer', minimum: 0 } },
    },
  },
} as const satisfies Record<string, BuiltinRuleSpec>;

export type BuiltinRuleId = keyof typeof builtinRules;

export function isBuiltinRuleId(id: string): id is BuiltinRuleId {
  return Object.hasOwn(builtinRules, id);
}
