import type { CapacityEstimate, ServiceCapacity } from '../../analysis/capacity.js';
import type { LanguageRange } from '../../types.js';
import type { LintResult } from '../../lint.js';

export interface EstimateRow {
  language: string;
  instances: number;
  memoryMb: number;
  imageMb: LanguageRange;
  /** The profile figures the estimate used. */
  basis: { benchmark: string; throughputRpsPerInstance: number; memoryMbPerInstance: number; source: string };
}

export interface CapacityRow<Estimate = EstimateRow> {
  service: string;
  file: string;
  language: string;
  /** The language's profile name (`Python`), as messages print it. */
  languageName: string;
  workload: string;
  declaredRps: number | null;
  effectiveRps: number;
  recommended: { language: string; name: string; question: number; reason: string };
  /** Set for ML model serving: the per-instance figures come from a JSON API benchmark, not from model inference. */
  caveat?: string;
  /** Null when the service has no traffic figure or its language has no profile. */
  declaredEstimate: Estimate | null;
  recommendedEstimate: Estimate | null;
}

function estimateRow(estimate: CapacityEstimate | undefined): EstimateRow | null {
  if (!estimate) return null;
  return {
    language: estimate.languageId,
    instances: estimate.instances,
    memoryMb: estimate.memoryMb,
    imageMb: estimate.imageMb,
    basis: {
      benchmark: estimate.figures.benchmarkLabel,
      throughputRpsPerInstance: estimate.figures.throughputRps,
      memoryMbPerInstance: estimate.figures.memoryMb,
      source: estimate.figures.source,
    },
  };
}

/** What the per-instance figures of a model-serving estimate are, and are not. */
export const inferenceCaveat = 'per-instance figures from a JSON API benchmark, not from model inference';

/** A service's row; `rowOf` gives each estimate's form (by default `EstimateRow`, with the figures it used). */
export function capacityRow(capacity: ServiceCapacity): CapacityRow;
export function capacityRow<Estimate>(capacity: ServiceCapacity, rowOf: (estimate: CapacityEstimate | undefined) => Estimate | null): CapacityRow<Estimate>;
export function capacityRow(capacity: ServiceCapacity, rowOf: (estimate: CapacityEstimate | undefined) => unknown = estimateRow): CapacityRow<unknown> {
  const { service, decision } = capacity;
  return {
    service: service.name,
    file: service.file.displayPath,
    language: service.languageId,
    languageName: capacity.languageName,
    workload: service.workload,
    declaredRps: capacity.declaredRps ?? null,
    effectiveRps: capacity.effectiveRps,
    recommended: { language: decision.recommended, name: capacity.recommendedName, question: decision.question, reason: decision.reason },
    declaredEstimate: rowOf(capacity.declared),
    recommendedEstimate: rowOf(capacity.recommended),
    ...(decision.reason === 'ml-serving' && (capacity.declared || capacity.recommended) && { caveat: inferenceCaveat }),
  };
}

/** Per service of the workspace: traffic, the framework's recommendation and the capacity estimates, as plain data. */
export function capacityRows(result: LintResult): CapacityRow[] {
  return result.analysis.capacity().services.map((capacity) => capacityRow(capacity));
}
