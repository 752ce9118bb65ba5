import type { Service } from '../types.js';
import type { LanguageRegistry } from '../languages/registry.js';
import { analyseWorkspace, type WorkspaceAnalysis } from './graph/analyse.js';
import type { ServiceTraffic } from './graph/traffic.js';
import { decide, type Decision } from './decision.js';
import type { Framework } from './framework.js';

/** A service's one decision, with the traffic it was made on. */
export interface ServiceDecision {
  decision: Decision;
  traffic: ServiceTraffic;
  /** The service's node in the workspace graph; absent for a second declaration of a name (duplicate-service). */
  node?: number;
}

/** Every service's decision, made once on the whole workspace's traffic and read by every rule and report. */
export interface WorkspaceDecisions {
  framework: Framework;
  analysis: WorkspaceAnalysis;
  of(service: Service): ServiceDecision;
}

export function decideWorkspace(
  services: readonly Service[],
  framework: Framework,
  languages: LanguageRegistry,
): WorkspaceDecisions {
  const analysis = analyseWorkspace(services);
  const made = new Map<Service, ServiceDecision>();
  return {
    framework,
    analysis,
    of(service) {
      let decided = made.get(service);
      if (!decided) {
        const node = analysis.graph.indexByName.get(service.name);
        const isNode = node !== undefined && analysis.graph.services[node] === service;
        const traffic = isNode ? analysis.traffic[node]! : ownTraffic(service);
        decided = { decision: decide(service, traffic, framework, languages), traffic, ...(isNode && { node }) };
        made.set(service, decided);
      }
      return decided;
    },
  };
}

/** A declaration the graph does not use (a duplicate name) is judged on what it declares. */
function ownTraffic(service: Service): ServiceTraffic {
  const declaredRps = service.peakRps;
  return { declaredRps, effectiveRps: declaredRps ?? 0, inboundRps: 0, contributingCalls: 0, chainLength: 1, chainHeadEnd: -1 };
}
