import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { ServiceTemplate } from './types.js';
import { estimateFor } from '../../analysis/capacity.js';
import { compareWithPreferred, figureKeys, isOnPath, languageChoiceFinding, languagePathSchema, teamLacking } from './shared.js';

const paramsSchema = {
  type: 'object',
  required: ['reason', 'languagePath', 'preferred'],
  additionalProperties: false,
  properties: {
    /** The reason of question 2 this rule reports: a declared peak above `above`, or a p99 SLO below `below`. */
    reason: { enum: ['declared-throughput', 'low-latency'] },
    /** For declared-throughput: strictly above this declared peak (the framework's threshold on the built-in rule). */
    above: { type: 'number', minimum: 0 },
    /** For low-latency: strictly below this p99 (the framework's threshold on the built-in rule). */
    below: { type: 'number', minimum: 0 },
    /** The path whose languages are flagged. */
    languagePath: languagePathSchema,
    /** The language question 2 recommends, for the figures in the message. */
    preferred: { type: 'string', minLength: 1 },
  },
  allOf: [
    { if: { properties: { reason: { const: 'declared-throughput' } } }, then: { required: ['above'] } },
    { if: { properties: { reason: { const: 'low-latency' } } }, then: { required: ['below'] } },
  ],
} as const satisfies JSONSchema;

export type HotPathQuestionParams = FromSchema<typeof paramsSchema>;

/** Question 2 of the framework decides the service for the reason the rule names, on a language of the flagged path. */
export const hotPathQuestion: ServiceTemplate<HotPathQuestionParams> = {
  key: 'hot-path-question',
  scope: 'service',
  description:
    "Question 2 of the decision framework decides the service for this rule's reason (its declared peak, or its p99 SLO), and its language is on the flagged path.",
  paramsSchema,
  messageIds: ['default'],
  optionalMessageIds: ['sameInstances'],
  dataKeys: [
    'service',
    'language',
    'peakRps',
    'p99Ms',
    'threshold',
    'instances',
    'preferredInstances',
    'memoryMb',
    'preferredTotalMemoryMb',
    'capacityRps',
    'preferredCapacityRps',
    'teamLanguages',
    ...figureKeys('language'),
    ...figureKeys('preferred'),
  ],
  check(service, params, { languages, decisions }) {
    const { decision, traffic } = decisions.of(service);
    if (decision.question !== 2) return [];
    const comparison = compareWithPreferred(service, params.preferred, languages);
    if (!comparison || !isOnPath(comparison.profile, params.languagePath)) return [];
    const team = teamLacking(service, params.preferred, languages);
    if (params.reason === 'low-latency') {
      if (!decision.lowLatency || service.p99Ms === undefined || !(service.p99Ms < (params.below ?? Infinity))) return [];
      return [languageChoiceFinding(service, comparison, { p99Ms: service.p99Ms, threshold: params.below!, ...team })];
    }
    const peakRps = traffic.declaredRps;
    if (decision.throughput !== 'declared' || peakRps === undefined || !(peakRps > (params.above ?? Infinity))) return [];
    const declared = estimateFor(peakRps, comparison.profile);
    const preferred = estimateFor(peakRps, comparison.preferred);
    const finding = languageChoiceFinding(service, comparison, {
      peakRps,
      threshold: params.above!,
      instances: declared.instances,
      preferredInstances: preferred.instances,
      memoryMb: declared.memoryMb,
      preferredTotalMemoryMb: preferred.memoryMb,
      capacityRps: declared.instances * declared.figures.throughputRps,
      preferredCapacityRps: preferred.instances * preferred.figures.throughputRps,
      ...team,
    });
    return [declared.instances === preferred.instances ? { ...finding, messageId: 'sameInstances' } : finding];
  },
};
