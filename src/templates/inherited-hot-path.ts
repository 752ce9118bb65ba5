import type { WorkspaceTemplate, WorkspaceTemplateFinding } from './types.js';
import { analyseWorkspace } from '../graph/analysis.js';
import { formatTrafficChain, heaviestChain } from '../graph/traffic.js';

export interface InheritedHotPathParams {
  /** Effective peak (req/s) above which a service is on the hot path. */
  thresholdRps: number;
}

export const inheritedHotPath: WorkspaceTemplate<InheritedHotPathParams> = {
  scope: 'workspace',
  key: 'inherited-hot-path',
  description:
    'A service on a smart-path language declares a modest peak but receives hot-path traffic through sync calls.',
  paramsSchema: {
    type: 'object',
    properties: { thresholdRps: { type: 'number', exclusiveMinimum: 0 } },
    required: ['thresholdRps'],
    additionalProperties: false,
  },
  messageIds: ['default'],
  dataKeys: ['service', 'language', 'effectiveRps', 'thresholdRps', 'chain', 'declaredRps'],
  check(services, params, context) {
    const { graph, traffic } = analyseWorkspace(services);
    const findings: WorkspaceTemplateFinding[] = [];
    graph.services.forEach((service, node) => {
      const profile = context.languages.profile(service.languageId);
      if (!profile?.paths.includes('smart')) return;
      const { declaredRps, effectiveRps } = traffic[node]!;
      // A declared peak above the threshold is judged by the declared-peak rule already.
      if (declaredRps !== undefined && declaredRps > params.thresholdRps) return;
      if (effectiveRps <= params.thresholdRps) return;
      const data: Record<string, string | number> = {
        service: service.name,
        language: profile.name,
        effectiveRps,
        thresholdRps: params.thresholdRps,
        chain: formatTrafficChain(heaviestChain(node, traffic), graph),
      };
      if (declaredRps !== undefined) data.declaredRps = declaredRps;
      findings.push({ service, messageId: 'default', data, field: 'language' });
    });
    return findings;
  },
};
