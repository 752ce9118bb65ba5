import type { LanguageProfile, LanguageRange, Service } from '../types.js';
import type { LanguageRegistry } from '../languages/registry.js';
import type { Decision } from './decision.js';
import type { WorkspaceDecisions } from './decisions.js';
import { languageName } from '../languages/registry.js';

/** The profile figures an estimate was computed from, so a report can cite them. */
export interface CapacityBasis {
  languageId: string;
  benchmarkLabel: string;
  throughputRps: number;
  memoryMb: number;
  imageMb: LanguageRange;
  source: string;
}

export interface CapacityEstimate {
  languageId: string;
  /** ceil(peak / per-instance throughput), at least 1. */
  instances: number;
  /** instances × benchmark memory. */
  memoryMb: number;
  /** One container image of the language. */
  imageMb: Readonly<LanguageRange>;
  figures: Readonly<CapacityBasis>;
}

export interface ServiceCapacity {
  service: Service;
  declaredRps?: number;
  effectiveRps: number;
  decision: Decision;
  /** The service's and the recommended language as messages print them (profile names). */
  languageName: string;
  recommendedName: string;
  /** Absent when the service has no traffic figure or its language has no profile. */
  declared?: CapacityEstimate;
  recommended?: CapacityEstimate;
}

export interface CapacityTotals {
  instances: number;
  memoryMb: number;
  imageMb: LanguageRange;
}

export interface FleetCapacity {
  services: ServiceCapacity[];
  /** Over the services that have both estimates, so the two totals compare like with like. */
  totals: { servicesCompared: number; declared: CapacityTotals; recommended: CapacityTotals };
}

/**
 * Capacity per service of the workspace (or of those in `only`), on the same decisions and traffic the rules judged.
 */
export function estimateCapacity(decisions: WorkspaceDecisions, languages: LanguageRegistry, only?: ReadonlySet<Service>): FleetCapacity {
  const described = only ? inGraphOrder(decisions, only) : decisions.analysis.graph.services;
  const capacities = described.map((service): ServiceCapacity => {
    const { decision, traffic } = decisions.of(service);
    const { declaredRps, effectiveRps, inboundRps } = traffic;
    const hasTraffic = declaredRps !== undefined || inboundRps > 0;
    const estimate = (languageId: string): CapacityEstimate | undefined => {
      const profile = languages.profile(languageId);
      return hasTraffic && profile ? estimateFor(effectiveRps, profile) : undefined;
    };
    return {
      service,
      declaredRps,
      effectiveRps,
      decision,
      languageName: languageName(service.languageId, languages),
      recommendedName: languageName(decision.recommended, languages),
      declared: estimate(service.languageId),
      recommended: estimate(decision.recommended),
    };
  });
  return { services: capacities, totals: totalsOf(capacities) };
}

/**
 * The services of `only` that are nodes of the workspace graph (a second declaration of a name is not), in the graph's
 * order: found through each one's decision, so a run whose decisions were remembered never builds the graph.
 */
function inGraphOrder(decisions: WorkspaceDecisions, only: ReadonlySet<Service>): Service[] {
  const nodes: [number, Service][] = [];
  for (const service of only) {
    const { node } = decisions.of(service);
    if (node !== undefined) nodes.push([node, service]);
  }
  return nodes.sort((a, b) => a[0] - b[0]).map(([, service]) => service);
}

// One figures object per profile, shared by all of its estimates: a fleet has thousands of services and a few profiles.
const basisByProfile = new WeakMap<LanguageProfile, Readonly<CapacityBasis>>();

function basisOf(profile: LanguageProfile): Readonly<CapacityBasis> {
  let figures = basisByProfile.get(profile);
  if (!figures) {
    figures = Object.freeze({
      languageId: profile.id,
      benchmarkLabel: profile.benchmark.label,
      throughputRps: profile.benchmark.throughputRps,
      memoryMb: profile.benchmark.memoryMb,
      imageMb: Object.freeze({ ...profile.container.imageMb }),
      source: profile.source.title,
    });
    basisByProfile.set(profile, figures);
  }
  return figures;
}

export function estimateFor(peakRps: number, profile: LanguageProfile): CapacityEstimate {
  const figures = basisOf(profile);
  const instances = Math.max(1, Math.ceil(peakRps / figures.throughputRps));
  return { languageId: profile.id, instances, memoryMb: instances * figures.memoryMb, imageMb: figures.imageMb, figures };
}

/** The figures of each profile the estimates used, by language id, in order of first use. */
export function basesUsed(services: readonly ServiceCapacity[]): Map<string, Readonly<CapacityBasis>> {
  const used = new Map<string, Readonly<CapacityBasis>>();
  for (const capacity of services) {
    for (const estimate of [capacity.declared, capacity.recommended]) {
      if (estimate && !used.has(estimate.languageId)) used.set(estimate.languageId, estimate.figures);
    }
  }
  return used;
}

function totalsOf(capacities: readonly ServiceCapacity[]): FleetCapacity['totals'] {
  const declared = emptyTotals();
  const recommended = emptyTotals();
  let servicesCompared = 0;
  for (const capacity of capacities) {
    if (!capacity.declared || !capacity.recommended) continue;
    servicesCompared += 1;
    addTo(declared, capacity.declared);
    addTo(recommended, capacity.recommended);
  }
  return { servicesCompared, declared, recommended };
}

function emptyTotals(): CapacityTotals {
  return { instances: 0, memoryMb: 0, imageMb: { min: 0, max: 0 } };
}

function addTo(totals: CapacityTotals, estimate: CapacityEstimate): void {
  totals.instances += estimate.instances;
  totals.memoryMb += estimate.memoryMb;
  totals.imageMb.min += estimate.imageMb.min;
  totals.imageMb.max += estimate.imageMb.max;
}
