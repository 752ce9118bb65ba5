import type { WorkspaceTemplate, WorkspaceTemplateFinding } from './types.js';
import { analyseWorkspace } from '../graph/analysis.js';
import { formatTrafficChain, heaviestChain } from '../graph/traffic.js';
import { roundFigure } from '../graph/format.js';

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
  messageIds: ['default', 'fanIn'],
  dataKeys: ['service', 'language', 'effectiveRps', 'thresholdRps', 'chain', 'declaredRps', 'otherCallers', 'otherRps'],
  check(services, params, context) {
    const { graph, traffic, scc } = analyseWorkspace(services);
    const findings: WorkspaceTemplateFinding[] = [];
    graph.services.forEach((service, node) => {
      const profile = context.languages.profile(service.languageId);
      if (!profile?.paths.includes('smart')) return;
      const { declaredRps, effectiveRps, inboundRps, heaviestCall } = traffic[node]!;
      // A declared peak above the threshold is judged by the declared-peak rule already.
      if (declaredRps !== undefined && declaredRps > params.thresholdRps) return;
      if (effectiveRps <= params.thresholdRps) return;
      if (context.reportsOn?.(service) === false) return;
      const data: Record<string, string | number> = {
        service: service.name,
        language: profile.name,
        effectiveRps,
        thresholdRps: params.thresholdRps,
        chain: formatTrafficChain(heaviestChain(node, traffic), graph),
      };
      if (declaredRps !== undefined) data.declaredRps = declaredRps;
      // With several callers the chain shows the heaviest one; the message also names what the others add.
      const otherCallers = graph.syncCallers[node]!.filter(
        (edge) => edge !== heaviestCall?.edge && scc.componentOf[edge.from] !== scc.componentOf[node],
      ).length;
      if (otherCallers > 0 && heaviestCall) {
        data.otherCallers = otherCallers;
        data.otherRps = roundFigure(inboundRps - heaviestCall.rps);
      }
      findings.push({ service, messageId: data.otherCallers === undefined ? 'default' : 'fanIn', data, field: 'language' });
    });
    return findings;
  },
};
