import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { ServiceTemplate } from './types.js';
import { estimateFor } from '../../analysis/capacity.js';
import {
  figureKeys,
  isOnPath,
  languagePathSchema,
  languageChoiceFinding,
  compareWithPreferred,
  workloadListSchema,
  workloadMatches,
} from './shared.js';

const paramsSchema = {
  type: 'object',
  required: ['metric', 'languagePath', 'preferred'],
  additionalProperties: false,
  anyOf: [{ required: ['above'] }, { required: ['below'] }, { required: ['atLeast'] }, { required: ['atMost'] }],
  properties: {
    metric: { enum: ['peakRps', 'p99Ms'] },
    /** Fires when the value is strictly above. */
    above: { type: 'number', minimum: 0 },
    /** Fires when the value is strictly below. */
    below: { type: 'number', minimum: 0 },
    /** With atMost: fires when the value lies in [atLeast, atMost]. */
    atLeast: { type: 'number', minimum: 0 },
    atMost: { type: 'number', minimum: 0 },
    workloads: workloadListSchema,
    exceptWorkloads: workloadListSchema,
    /** The path whose languages are flagged. */
    languagePath: languagePathSchema,
    /** The language the guidance recommends instead, for the figures in the message. */
    preferred: { type: 'string', minLength: 1 },
    /** Skip services that question 2 of the decision framework (the hot path) decides. */
    exceptHotPath: { type: 'boolean' },
  },
} as const satisfies JSONSchema;

export type MetricThresholdParams = FromSchema<typeof paramsSchema>;

function crosses(value: number, params: MetricThresholdParams): boolean {
  if (params.above !== undefined && !(value > params.above)) return false;
  if (params.below !== undefined && !(value < params.below)) return false;
  if (params.atLeast !== undefined && !(value >= params.atLeast)) return false;
  if (params.atMost !== undefined && !(value <= params.atMost)) return false;
  return true;
}

export const metricThreshold: ServiceTemplate<MetricThresholdParams> = {
  key: 'metric-threshold',
  scope: 'service',
  description:
    'A traffic or latency figure crosses a threshold on a language of the given path (bounds: above/below strict, atLeast/atMost inclusive).',
  paramsSchema,
  messageIds: ['default'],
  dataKeys: [
    'service',
    'language',
    'workload',
    'peakRps',
    'p99Ms',
    'threshold',
    'atLeast',
    'atMost',
    'instances',
    'preferredInstances',
    'throughputGap',
    ...figureKeys('language'),
    ...figureKeys('preferred'),
  ],
  check(service, params, { languages, decisions }) {
    const value = service[params.metric];
    const comparison = compareWithPreferred(service, params.preferred, languages);
    if (value === undefined || !comparison || !isOnPath(comparison.profile, params.languagePath)) return [];
    if (!workloadMatches(service.workload, params.workloads, params.exceptWorkloads)) return [];
    if (params.exceptHotPath && decisions.of(service).decision.question === 2) return [];
    if (!crosses(value, params)) return [];
    const { profile, preferred } = comparison;
    const threshold = params.above ?? params.below;
    const peakRps = service.peakRps;
    return [
      languageChoiceFinding(service, comparison, {
        workload: service.workload,
        ...(peakRps !== undefined && {
          peakRps,
          instances: estimateFor(peakRps, profile).instances,
          preferredInstances: estimateFor(peakRps, preferred).instances,
        }),
        ...(service.p99Ms !== undefined && { p99Ms: service.p99Ms }),
        ...(threshold !== undefined && { threshold }),
        ...(params.atLeast !== undefined && { atLeast: params.atLeast }),
        ...(params.atMost !== undefined && { atMost: params.atMost }),
        throughputGap: Math.round((preferred.benchmark.throughputRps / profile.benchmark.throughputRps) * 10) / 10,
      }),
    ];
  },
};
