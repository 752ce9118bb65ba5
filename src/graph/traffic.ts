import type { ServiceEdge, ServiceGraph } from './graph.js';
import type { StronglyConnectedComponents } from './scc.js';
import { formatNumber } from '../text/number.js';
import { joinChain, roundFigure } from './format.js';

export interface ServiceTraffic {
  declaredRps?: number;
  /** The larger of the declared peak and the traffic sync callers send. */
  effectiveRps: number;
  /** Σ over sync callers of caller effective rps × rpsShare (calls inside a sync cycle are cut). */
  inboundRps: number;
  /** The single call bringing the most traffic, when inbound traffic is what sets the effective peak. */
  heaviestCall?: { edge: ServiceEdge; rps: number };
}

/**
 * Propagates peak traffic along sync calls in topological order of the call graph's
 * strongly connected components, so every caller is final before its callees are computed.
 * Calls inside a component (a sync cycle, reported by its own rule) are ignored; calls into
 * a cycle from outside still count. Async calls never propagate.
 */
export function propagateTraffic(graph: ServiceGraph, scc: StronglyConnectedComponents): ServiceTraffic[] {
  const traffic: ServiceTraffic[] = new Array(graph.services.length);
  for (let position = scc.components.length - 1; position >= 0; position--) {
    for (const node of scc.components[position]!) {
      traffic[node] = trafficOf(node, graph, scc, traffic);
    }
  }
  return traffic;
}

function trafficOf(
  node: number,
  graph: ServiceGraph,
  scc: StronglyConnectedComponents,
  computed: readonly ServiceTraffic[],
): ServiceTraffic {
  const declaredRps = graph.services[node]!.peakRps;
  let inboundRps = 0;
  let heaviestCall: ServiceTraffic['heaviestCall'];
  for (const edge of graph.syncCallers[node]!) {
    if (scc.componentOf[edge.from] === scc.componentOf[node]) continue;
    const rps = roundFigure(computed[edge.from]!.effectiveRps * edge.dependency.rpsShare);
    inboundRps += rps;
    if (rps > 0 && (!heaviestCall || rps > heaviestCall.rps)) heaviestCall = { edge, rps };
  }
  inboundRps = roundFigure(inboundRps);
  const own = declaredRps ?? 0;
  if (own >= inboundRps) return { declaredRps, effectiveRps: own, inboundRps };
  return { declaredRps, effectiveRps: inboundRps, inboundRps, heaviestCall };
}

export interface TrafficStep {
  /** Node index. */
  node: number;
  /** Traffic the step receives along the chain (the origin: its own effective peak). */
  rps: number;
  /** The share of the previous step's traffic it receives; absent on the origin. */
  rpsShare?: number;
}

/** The chain of sync calls carrying the most traffic to a service, from the service where it originates. */
export function heaviestChain(node: number, traffic: readonly ServiceTraffic[]): TrafficStep[] {
  const steps: TrafficStep[] = [];
  let current = node;
  for (;;) {
    const call = traffic[current]!.heaviestCall;
    if (!call) {
      steps.push({ node: current, rps: traffic[current]!.effectiveRps });
      break;
    }
    steps.push({ node: current, rps: call.rps, rpsShare: call.edge.dependency.rpsShare });
    current = call.edge.from;
  }
  return steps.reverse();
}

/** "edge-gateway (40,000 req/s) → orders (×1, 40,000 req/s) → pricing (×0.5, 20,000 req/s)" */
export function formatTrafficChain(steps: readonly TrafficStep[], graph: ServiceGraph): string {
  return joinChain(
    steps.map((step) => {
      const name = graph.services[step.node]!.name;
      const rps = `${formatNumber(step.rps)} req/s`;
      return step.rpsShare === undefined ? `${name} (${rps})` : `${name} (×${formatNumber(step.rpsShare)}, ${rps})`;
    }),
  );
}
