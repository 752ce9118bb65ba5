import type { Workload } from '../types.js';
import type { ServiceTemplate } from './types.js';
import { hotPathSchema, isOnHotPath, workloadListSchema, type HotPathThresholds } from './shared.js';

export interface TeamExpertiseParams {
  /** Workloads an earlier question of the decision framework decides (they take precedence over the team). */
  decidedWorkloads: Workload[];
  /** Question 2: services on the hot path are decided by traffic, not by the team. */
  decidedHotPath: HotPathThresholds;
}

export const teamExpertise: ServiceTemplate<TeamExpertiseParams> = {
  key: 'team-expertise',
  scope: 'service',
  description:
    "The team's declared languages do not include the service's language, and no earlier question of the decision framework decides it.",
  paramsSchema: {
    type: 'object',
    required: ['decidedWorkloads', 'decidedHotPath'],
    additionalProperties: false,
    properties: { decidedWorkloads: workloadListSchema, decidedHotPath: hotPathSchema },
  },
  messageIds: ['default'],
  dataKeys: ['service', 'language', 'teamLanguages'],
  check(service, params) {
    const team = service.teamLanguages;
    if (!team || team.includes(service.languageId)) return [];
    if (params.decidedWorkloads.includes(service.workload)) return [];
    if (isOnHotPath(service, params.decidedHotPath)) return [];
    return [
      {
        messageId: 'default',
        field: 'language',
        data: { service: service.name, language: service.language, teamLanguages: team.length > 0 ? team.join(', ') : 'none' },
      },
    ];
  },
};
