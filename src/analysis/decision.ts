import type { Service } from '../types.js';
import type { LanguageRegistry } from '../languages/registry.js';
import { dataProcessingWorkloads, infrastructureWorkloads, mlServingWorkloads, type Framework } from './framework.js';

export type DecisionReason =
  | 'ml-serving'
  | 'high-throughput'
  | 'low-latency'
  | 'data-processing'
  | 'infrastructure'
  | 'team-knows-language'
  | 'team-expertise'
  | 'no-constraint';

export interface Decision {
  /** The question of the five-step framework that settled it. */
  question: 1 | 2 | 3 | 4 | 5;
  reason: DecisionReason;
  /** A language id. */
  recommended: string;
  /** Question 2 on traffic: the declared peak crosses the threshold, or only the traffic the service receives. */
  throughput?: 'declared' | 'received';
  /** Question 2 on latency: the p99 SLO is below the threshold (beside or instead of the traffic). */
  lowLatency?: true;
}

/** The traffic question 2 judges: the declared peak, and the effective one (declared, or received when larger). */
export interface PeakTraffic {
  declaredRps?: number;
  effectiveRps: number;
}

/** The five questions, asked in order; the first that applies decides. */
export function decide(service: Service, traffic: PeakTraffic, framework: Framework, languages: LanguageRegistry): Decision {
  const { recommended } = framework;
  if (mlServingWorkloads.includes(service.workload)) {
    return { question: 1, reason: 'ml-serving', recommended: recommended.mlServing };
  }
  const throughput =
    traffic.declaredRps !== undefined && traffic.declaredRps > framework.peakRpsAbove
      ? 'declared'
      : traffic.effectiveRps > framework.peakRpsAbove
        ? 'received'
        : undefined;
  const lowLatency = service.p99Ms !== undefined && service.p99Ms < framework.p99MsBelow;
  if (throughput || lowLatency) {
    return {
      question: 2,
      reason: throughput ? 'high-throughput' : 'low-latency',
      recommended: recommended.hotPath,
      ...(throughput && { throughput }),
      ...(lowLatency && { lowLatency: true as const }),
    };
  }
  if (dataProcessingWorkloads.includes(service.workload)) {
    return { question: 3, reason: 'data-processing', recommended: recommended.dataProcessing };
  }
  if (infrastructureWorkloads.includes(service.workload)) {
    return { question: 4, reason: 'infrastructure', recommended: recommended.infrastructure };
  }
  return teamDecision(service, languages);
}

function teamDecision(service: Service, languages: LanguageRegistry): Decision {
  // An empty list says nothing about the team, as no list does.
  const team = service.teamLanguages ?? [];
  if (team.length === 0) return { question: 5, reason: 'no-constraint', recommended: service.languageId };
  if (team.includes(service.languageId)) {
    return { question: 5, reason: 'team-knows-language', recommended: service.languageId };
  }
  // Prefer a team language with a profile, so the capacity estimate has figures to use.
  const recommended = team.find((id) => languages.profile(id) !== undefined) ?? team[0]!;
  return { question: 5, reason: 'team-expertise', recommended };
}
