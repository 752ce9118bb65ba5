import { SvcLintError } from '../errors.js';
import type { ResolvedRule, Workload } from '../types.js';

/**
 * The ordered decision framework's figures, read from the loaded rules (config overrides included): question 2's
 * thresholds are `hot-path-throughput`'s `above` and `hot-path-latency`'s `below`, and each question recommends its
 * rule's `preferred` language. The workloads each question names are the guidance's own.
 */
export interface Framework {
  /** Question 2: a peak (effective) strictly above this goes to the hot path. */
  peakRpsAbove: number;
  /** Question 2: a p99 SLO strictly below this goes to the hot path. */
  p99MsBelow: number;
  recommended: { mlServing: string; hotPath: string; dataProcessing: string; infrastructure: string };
}

export const mlServingWorkloads: readonly Workload[] = ['ml-serving'];
export const dataProcessingWorkloads: readonly Workload[] = ['etl', 'data-processing'];
export const infrastructureWorkloads: readonly Workload[] = ['infrastructure'];

/** The rules whose params set the framework; svc-lint ships them, so they are always loaded (maybe turned off). */
export const frameworkRules = {
  mlServing: 'ml-serving-language',
  throughput: 'hot-path-throughput',
  latency: 'hot-path-latency',
  dataProcessing: 'data-processing-language',
  infrastructure: 'infrastructure-language',
} as const;

export function frameworkOf(rules: readonly Pick<ResolvedRule, 'id' | 'params'>[]): Framework {
  const params = (id: string): Record<string, unknown> => rules.find((rule) => rule.id === id)?.params ?? {};
  const numberParam = (id: string, key: string): number => {
    const value = params(id)[key];
    if (typeof value !== 'number') throw new SvcLintError('internal', `rule ${id} has no numeric param ${key}`);
    return value;
  };
  const preferred = (id: string): string => {
    const value = params(id).preferred;
    if (typeof value !== 'string') throw new SvcLintError('internal', `rule ${id} has no preferred language`);
    return value;
  };
  return {
    peakRpsAbove: numberParam(frameworkRules.throughput, 'above'),
    p99MsBelow: numberParam(frameworkRules.latency, 'below'),
    recommended: {
      mlServing: preferred(frameworkRules.mlServing),
      hotPath: preferred(frameworkRules.throughput),
      dataProcessing: preferred(frameworkRules.dataProcessing),
      infrastructure: preferred(frameworkRules.infrastructure),
    },
  };
}
