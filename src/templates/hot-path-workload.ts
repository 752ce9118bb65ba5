import type { Workload } from '../types.js';
import type { ServiceTemplate } from './types.js';
import { figureKeys, profileFigures, workloadListSchema } from './shared.js';

export interface HotPathWorkloadParams {
  workloads: Workload[];
  peakRpsAbove: number;
  p99MsBelow: number;
  /** The hot-path language the request path should move to. */
  hot: string;
  /** The smart-path language that keeps the workload itself. */
  smart: string;
}

/** A workload the guidance keeps on the smart path that also carries hot-path traffic or latency. */
export const hotPathWorkload: ServiceTemplate<HotPathWorkloadParams> = {
  key: 'hot-path-workload',
  scope: 'service',
  description: 'A smart-path workload that also takes hot-path traffic or latency, whatever its language.',
  paramsSchema: {
    type: 'object',
    required: ['workloads', 'peakRpsAbove', 'p99MsBelow', 'hot', 'smart'],
    additionalProperties: false,
    properties: {
      workloads: { ...workloadListSchema, minItems: 1 },
      peakRpsAbove: { type: 'number', minimum: 0 },
      p99MsBelow: { type: 'number', minimum: 0 },
      hot: { type: 'string', minLength: 1 },
      smart: { type: 'string', minLength: 1 },
    },
  },
  messageIds: ['throughput', 'latency'],
  dataKeys: ['service', 'language', 'workload', 'peakRps', 'p99Ms', 'threshold', ...figureKeys('hot'), ...figureKeys('smart')],
  check(service, params, { languages }) {
    if (!params.workloads.includes(service.workload)) return [];
    const hot = languages.profile(params.hot);
    const smart = languages.profile(params.smart);
    if (!hot || !smart) return [];
    const base = {
      service: service.name,
      language: service.language,
      workload: service.workload,
      ...profileFigures('hot', hot),
      ...profileFigures('smart', smart),
    };
    if (service.peakRps !== undefined && service.peakRps > params.peakRpsAbove) {
      return [
        {
          messageId: 'throughput',
          field: 'peakRps',
          data: { ...base, peakRps: service.peakRps, threshold: params.peakRpsAbove },
        },
      ];
    }
    if (service.p99Ms !== undefined && service.p99Ms < params.p99MsBelow) {
      return [{ messageId: 'latency', field: 'p99Ms', data: { ...base, p99Ms: service.p99Ms, threshold: params.p99MsBelow } }];
    }
    return [];
  },
};
