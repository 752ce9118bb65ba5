import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { ServiceTemplate } from './types.js';
import { figureKeys, profileMessageData } from './shared.js';
import { languageName } from '../../languages/registry.js';

const paramsSchema = {
  type: 'object',
  required: ['hot', 'smart'],
  additionalProperties: false,
  properties: {
    /** The hot-path language the request path should move to. */
    hot: { type: 'string', minLength: 1 },
    /** The smart-path language that keeps the workload itself. */
    smart: { type: 'string', minLength: 1 },
  },
} as const satisfies JSONSchema;

export type HotPathWorkloadParams = FromSchema<typeof paramsSchema>;

/**
 * A service question 1 keeps on the smart path that declares hot-path traffic or latency itself: it is its own front
 * door. Traffic it only receives from callers is the split already made.
 */
export const hotPathWorkload: ServiceTemplate<HotPathWorkloadParams> = {
  key: 'hot-path-workload',
  scope: 'service',
  description:
    "Question 1 of the framework decides the service (ML model serving), and it declares a peak or p99 SLO past question 2's thresholds itself, whatever its language.",
  paramsSchema,
  messageIds: ['throughput', 'latency'],
  dataKeys: ['service', 'language', 'workload', 'peakRps', 'p99Ms', 'threshold', ...figureKeys('hot'), ...figureKeys('smart')],
  check(service, params, { languages, decisions }) {
    const { decision, traffic } = decisions.of(service);
    if (decision.question !== 1) return [];
    const hot = languages.profile(params.hot);
    const smart = languages.profile(params.smart);
    if (!hot || !smart) return [];
    const { peakRpsAbove, p99MsBelow } = decisions.framework;
    const base = {
      service: service.name,
      language: languageName(service.languageId, languages),
      workload: service.workload,
      ...profileMessageData('hot', hot),
      ...profileMessageData('smart', smart),
    };
    if (traffic.declaredRps !== undefined && traffic.declaredRps > peakRpsAbove) {
      return [{ messageId: 'throughput', field: 'peakRps', data: { ...base, peakRps: traffic.declaredRps, threshold: peakRpsAbove } }];
    }
    if (service.p99Ms !== undefined && service.p99Ms < p99MsBelow) {
      return [{ messageId: 'latency', field: 'p99Ms', data: { ...base, p99Ms: service.p99Ms, threshold: p99MsBelow } }];
    }
    return [];
  },
};
