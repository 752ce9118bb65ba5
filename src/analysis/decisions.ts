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

/** What a decision was made on, kept for a later run: the service's traffic (without its heaviest call) and node. */
export interface RememberedTraffic {
  traffic: Omit<ServiceTraffic, 'heaviestCall'>;
  node?: number;
}

export function decideWorkspace(
  services: readonly Service[],
  framework: Framework,
  languages: LanguageRegistry,
): WorkspaceDecisions {
  const analysis = analyseWorkspace(services);
  const of = decidedOnce(framework, languages, (service) => {
    const node = analysis.graph.indexByName.get(service.name);
    const isNode = node !== undefined && analysis.graph.services[node] === service;
    return isNode ? { traffic: analysis.traffic[node]!, node } : { traffic: ownTraffic(service) };
  });
  return { framework, analysis, of };
}

/** Each service's decision, made the first time it is asked for on the traffic and node `on` gives it, then kept. */
function decidedOnce(
  framework: Framework,
  languages: LanguageRegistry,
  on: (service: Service) => { traffic: ServiceTraffic; node?: number },
): (service: Service) => ServiceDecision {
  const made = new Map<Service, ServiceDecision>();
  return (service) => {
    let decided = made.get(service);
    if (!decided) {
      const { traffic, node } = on(service);
      decided = { decision: decide(service, traffic, framework, languages), traffic, ...(node !== undefined && { node }) };
      made.set(service, decided);
    }
    return decided;
  };
}

/** A declaration the graph does not use (a duplicate name) is judged on what it declares. */
function ownTraffic(service: Service): ServiceTraffic {
  const declaredRps = service.peakRps;
  return { declaredRps, effectiveRps: declaredRps ?? 0, inboundRps: 0, contributingCalls: 0, chainLength: 1, chainHeadEnd: -1 };
}

/** What a decision was made on, as `rememberedDecisions` takes it back. */
export function rememberedTrafficOf(decided: ServiceDecision): RememberedTraffic {
  const { heaviestCall: _heaviestCall, ...traffic } = decided.traffic;
  return { traffic, ...(decided.node !== undefined && { node: decided.node }) };
}

/**
 * The decisions of a workspace judged before, unchanged since: the services of `remembered` are decided on the traffic
 * kept for them, as `decideWorkspace` decided them (a decision reads only the declared and effective peaks). Any other
 * service, and the graph itself, come from `decideWorkspace` over `workspace()`, run on first use: a report that draws
 * the graph gets it, a report on the linted services never builds it.
 */
export function rememberedDecisions(
  remembered: ReadonlyMap<Service, RememberedTraffic>,
  workspace: () => readonly Service[],
  framework: Framework,
  languages: LanguageRegistry,
): WorkspaceDecisions {
  let whole: WorkspaceDecisions | undefined;
  const wholeWorkspace = () => (whole ??= decideWorkspace(workspace(), framework, languages));
  const ofRemembered = decidedOnce(framework, languages, (service) => remembered.get(service)!);
  return {
    framework,
    get analysis() {
      return wholeWorkspace().analysis;
    },
    of: (service) => (remembered.has(service) ? ofRemembered(service) : wholeWorkspace().of(service)),
  };
}
