import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { ServiceTemplate } from './types.js';
import { compareWithPreferred, figureKeys, isOnPath, languageChoiceFinding, languagePathSchema, workloadListSchema } from './shared.js';

const paramsSchema = {
  type: 'object',
  required: ['atLeast', 'workloads', 'languagePath', 'preferred'],
  additionalProperties: false,
  properties: {
    /** The band starts here (inclusive) and ends at the framework's question-2 threshold (inclusive). */
    atLeast: { type: 'number', minimum: 0 },
    workloads: { ...workloadListSchema, minItems: 1 },
    languagePath: languagePathSchema,
    preferred: { type: 'string', minLength: 1 },
  },
} as const satisfies JSONSchema;

export type TrafficBandParams = FromSchema<typeof paramsSchema>;

/** A service's effective peak lies between `atLeast` and the hot-path threshold, where question 2 does not decide yet. */
export const trafficBand: ServiceTemplate<TrafficBandParams> = {
  key: 'traffic-band',
  scope: 'service',
  description:
    "The service's effective peak (declared, or received through sync calls when larger) lies between atLeast and the framework's hot-path threshold, on a language of the given path.",
  paramsSchema,
  messageIds: ['default', 'received'],
  dataKeys: ['service', 'language', 'peakRps', 'effectiveRps', 'atLeast', 'atMost', ...figureKeys('language'), ...figureKeys('preferred')],
  check(service, params, { languages, decisions }) {
    if (!params.workloads.includes(service.workload)) return [];
    const { decision, traffic } = decisions.of(service);
    if (decision.question === 1 || decision.question === 2) return [];
    const atMost = decisions.framework.peakRpsAbove;
    if (traffic.effectiveRps < params.atLeast || traffic.effectiveRps > atMost) return [];
    const comparison = compareWithPreferred(service, params.preferred, languages);
    if (!comparison || !isOnPath(comparison.profile, params.languagePath)) return [];
    const received = traffic.declaredRps === undefined || traffic.effectiveRps > traffic.declaredRps;
    const finding = languageChoiceFinding(service, comparison, {
      effectiveRps: traffic.effectiveRps,
      ...(traffic.declaredRps !== undefined && { peakRps: traffic.declaredRps }),
      atLeast: params.atLeast,
      atMost,
    });
    return [received ? { ...finding, messageId: 'received' } : finding];
  },
};
