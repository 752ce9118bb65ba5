import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { Service, ServiceField } from '../../types.js';
import type { WorkspaceTemplate, WorkspaceTemplateFinding } from './types.js';
import type { ServiceEdge } from '../../analysis/graph/graph.js';
import { describeHeaviestChain, type ServiceTraffic } from '../../analysis/graph/traffic.js';
import { roundFigure } from '../../analysis/graph/chain-text.js';
import { isOnPath, languagePathSchema, teamLacking} from './shared.js';
import { languageName } from '../../languages/registry.js';

const paramsSchema = {
  type: 'object',
  required: ['languagePath', 'preferred'],
  additionalProperties: false,
  properties: { languagePath: languagePathSchema, preferred: { type: 'string', minLength: 1 } },
} as const satisfies JSONSchema;

export type InheritedHotPathParams = FromSchema<typeof paramsSchema>;

export const inheritedHotPath: WorkspaceTemplate<InheritedHotPathParams> = {
  scope: 'workspace',
  key: 'inherited-hot-path',
  description:
    'Question 2 of the decision framework decides the service on the traffic it receives through sync calls (its declared peak stays within the threshold), on a language of the flagged path.',
  paramsSchema,
  messageIds: ['default', 'fanIn', 'impact', 'impactChain'],
  dataKeys: [
    'service',
    'language',
    'effectiveRps',
    'thresholdRps',
    'chain',
    'declaredRps',
    'otherCallers',
    'otherRps',
    'teamLanguages',
    'preferredName',
    'callee',
    'calleeLanguage',
    'calleeFile',
    'callRps',
  ],
  check(services, params, context) {
    const { decisions, languages } = context;
    const { graph, traffic } = decisions.analysis;
    const thresholdRps = decisions.framework.peakRpsAbove;
    const preferredName = languageName(params.preferred, languages);
    const findings: WorkspaceTemplateFinding[] = [];
    const isLinted = context.isLinted ?? (() => true);
    const lintedCallOnChain = nearestCallOnChain(traffic, (edge) => isLinted(graph.services[edge.from]!));
    graph.services.forEach((service, node) => {
      const flow = traffic[node]!;
      // Received throughput lies above the threshold: the services below it (most of a fleet) need no decision here.
      if (flow.effectiveRps <= thresholdRps) return;
      const { decision } = decisions.of(service);
      if (decision.throughput !== 'received') return;
      const profile = languages.profile(service.languageId);
      if (!profile || profile.id === params.preferred || !isOnPath(profile, params.languagePath)) return;
      // Described only for a finding: a run on a few files (a hook, an editor) reports few of the hot services.
      const chain = () => describeHeaviestChain(node, traffic, graph);
      if (isLinted(service)) {
        findings.push(receiverFinding(service, flow, { language: profile.name, thresholdRps, chain: chain(), preferredName, ...teamLacking(service, params.preferred, languages) }));
        return;
      }
      // A run on some files (a hook): what they send makes this service hot, so say it at the calls they make.
      const calleeData = { callee: service.name, calleeLanguage: profile.name, calleeFile: service.file.displayPath, effectiveRps: flow.effectiveRps, thresholdRps };
      const reported = new Set<ServiceEdge>();
      for (const edge of graph.syncCallers[node]!) {
        const caller = graph.services[edge.from]!;
        if (!isLinted(caller) || edge.from === node) continue;
        const callRps = roundFigure(traffic[edge.from]!.effectiveRps * edge.dependency.rpsShare);
        if (callRps <= 0) continue;
        reported.add(edge);
        findings.push(impactFinding(caller, edge, 'impact', { service: caller.name, ...calleeData, callRps }));
      }
      const onChain = lintedCallOnChain(node);
      if (onChain && !reported.has(onChain)) {
        const caller = graph.services[onChain.from]!;
        findings.push(impactFinding(caller, onChain, 'impactChain', { service: caller.name, ...calleeData, chain: chain() }));
      }
    });
    return findings;
  },
};

function receiverFinding(service: Service, flow: ServiceTraffic, data: Record<string, string | number>): WorkspaceTemplateFinding {
  const full: Record<string, string | number> = { service: service.name, effectiveRps: flow.effectiveRps, ...data };
  if (flow.declaredRps !== undefined) full.declaredRps = flow.declaredRps;
  // With several callers the chain shows the heaviest one; the message also names what the others add.
  const otherCallers = flow.contributingCalls - 1;
  if (otherCallers > 0 && flow.heaviestCall) {
    full.otherCallers = otherCallers;
    full.otherRps = roundFigure(flow.inboundRps - flow.heaviestCall.rps);
  }
  const field: ServiceField = 'language';
  return { service, messageId: full.otherCallers === undefined ? 'default' : 'fanIn', data: full, field };
}

function impactFinding(caller: Service, edge: ServiceEdge, messageId: string, data: Record<string, string | number>): WorkspaceTemplateFinding {
  return { service: caller, messageId, data, range: edge.dependency.range };
}

/**
 * For each service, the call nearest to it on its heaviest chain that `isWanted` accepts (a call made by a linted
 * file), computed on demand and remembered, so all the lookups together walk each chain step once.
 */
function nearestCallOnChain(
  traffic: readonly ServiceTraffic[],
  isWanted: (edge: ServiceEdge) => boolean,
): (node: number) => ServiceEdge | undefined {
  const known = new Map<number, ServiceEdge | null>();
  return (start) => {
    const walked: number[] = [];
    let found: ServiceEdge | null = null;
    for (let node: number | undefined = start; node !== undefined; ) {
      const remembered = known.get(node);
      if (remembered !== undefined) {
        found = remembered;
        break;
      }
      walked.push(node);
      const call: ServiceTraffic['heaviestCall'] = traffic[node]!.heaviestCall;
      if (!call) break;
      if (isWanted(call.edge)) {
        found = call.edge;
        break;
      }
      node = call.edge.from;
    }
    // Every walked node shares the answer: its chain runs through the same steps until the found call.
    for (const node of walked) known.set(node, found);
    return found ?? undefined;
  };
}
