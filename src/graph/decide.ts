import type { Service } from '../types.js';
import type { LanguageRegistry } from '../templates/types.js';

export interface DecisionThresholds {
  /** Above this peak (strictly), question 2 sends the service to the hot path. */
  highThroughputRps: number;
  /** Below this p99 (strictly), question 2 sends the service to the hot path. */
  lowLatencyP99Ms: number;
  hotPathLanguage: string;
  smartPathLanguage: string;
}

export const defaultDecisionThresholds: DecisionThresholds = {
  highThroughputRps: 10_000,
  lowLatencyP99Ms: 5,
  hotPathLanguage: 'go',
  smartPathLanguage: 'python',
};

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
}

/**
 * The five questions, asked in order; the first that applies decides.
 * `effectiveRps`, when given, replaces the declared peak for question 2.
 */
export function decide(
  service: Service,
  thresholds: DecisionThresholds,
  languages: LanguageRegistry,
  effectiveRps?: number,
): Decision {
  const { hotPathLanguage: hot, smartPathLanguage: smart } = thresholds;
  if (service.workload === 'ml-serving') return { question: 1, reason: 'ml-serving', recommended: smart };
  const peak = effectiveRps ?? service.peakRps;
  if (peak !== undefined && peak > thresholds.highThroughputRps) {
    return { question: 2, reason: 'high-throughput', recommended: hot };
  }
  if (service.p99Ms !== undefined && service.p99Ms < thresholds.lowLatencyP99Ms) {
    return { question: 2, reason: 'low-latency', recommended: hot };
  }
  if (service.workload === 'etl' || service.workload === 'data-processing') {
    return { question: 3, reason: 'data-processing', recommended: smart };
  }
  if (service.workload === 'infrastructure') return { question: 4, reason: 'infrastructure', recommended: hot };
  return teamDecision(service, languages);
}

function teamDecision(service: Service, languages: LanguageRegistry): Decision {
  const team = service.teamLanguages ?? [];
  if (team.length === 0) return { question: 5, reason: 'no-constraint', recommended: service.languageId };
  if (team.includes(service.languageId)) {
    return { question: 5, reason: 'team-knows-language', recommended: service.languageId };
  }
  // Prefer a team language with a profile, so the capacity estimate has figures to use.
  const recommended = team.find((id) => languages.profile(id) !== undefined) ?? team[0]!;
  return { question: 5, reason: 'team-expertise', recommended };
}
