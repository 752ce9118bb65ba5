import type { ServiceEdge, ServiceGraph } from './graph.js';
import type { StronglyConnectedComponents } from './scc.js';
import { formatNumber } from '../../text/number.js';
import { chainElision, elisionKeepsFirst, joinChain, roundFigure } from './chain-text.js';

/** Traffic figures saturate here (the schema's largest peak): a chain of large shares never reaches Infinity. */
export const maxTrafficRps = 1e12;

export interface ServiceTraffic {
  declaredRps?: number;
  /** The larger of the declared peak and the traffic sync callers send. */
  effectiveRps: number;
  /** Σ over sync callers of caller effective rps × rpsShare (calls that close a sync cycle are cut). */
  inboundRps: number;
  /** The single call bringing the most traffic, when inbound traffic is what sets the effective peak. */
  heaviestCall?: { edge: ServiceEdge; rps: number };
  /** How many sync calls bring traffic (more than 0 req/s) into the service. */
  contributingCalls: number;
  /** Steps of the heaviest chain ending here (1 for a service whose traffic is its own). */
  chainLength: number;
  /** The last step a message shows before eliding a long chain (the chain's step `elisionKeepsFirst`), found without walking it. */
  chainHeadEnd: number;
}

/**
 * Propagates peak traffic along sync calls in topological order of the call graph's strongly connected components,
 * so every caller is final before its callees are computed. Inside a sync cycle (reported by its own rule) traffic
 * makes one pass: the members are ordered breadth-first from where traffic enters (calls from outside first, then
 * members with a declared peak), each call to a later member carries traffic, and the call that would bring it back
 * to an earlier member is cut. Async calls never propagate.
 */
export function propagateTraffic(graph: ServiceGraph, scc: StronglyConnectedComponents): ServiceTraffic[] {
  const traffic: ServiceTraffic[] = new Array(graph.services.length);
  // Position of each member in its cycle's one pass; -1 for services alone in their component.
  const passOrder = new Int32Array(graph.services.length).fill(-1);
  for (let position = scc.components.length - 1; position >= 0; position--) {
    const component = scc.components[position]!;
    if (component.length === 1) {
      traffic[component[0]!] = trafficOf(component[0]!, graph, scc, traffic, passOrder);
      continue;
    }
    const order = onePassOrder(component, graph, scc);
    order.forEach((node, index) => (passOrder[node] = index));
    for (const node of order) traffic[node] = trafficOf(node, graph, scc, traffic, passOrder);
  }
  return traffic;
}

/** Whether a call brings traffic into `node`: from another component, or from a member earlier in the cycle's pass. */
function carriesTraffic(edge: ServiceEdge, scc: StronglyConnectedComponents, passOrder: Int32Array): boolean {
  if (scc.componentOf[edge.from] !== scc.componentOf[edge.to]) return true;
  return edge.from !== edge.to && passOrder[edge.from]! < passOrder[edge.to]!;
}

function trafficOf(
  node: number,
  graph: ServiceGraph,
  scc: StronglyConnectedComponents,
  computed: readonly ServiceTraffic[],
  passOrder: Int32Array,
): ServiceTraffic {
  const declaredRps = graph.services[node]!.peakRps;
  let inboundRps = 0;
  let contributingCalls = 0;
  let heaviestCall: ServiceTraffic['heaviestCall'];
  for (const edge of graph.syncCallers[node]!) {
    if (!carriesTraffic(edge, scc, passOrder)) continue;
    const rps = Math.min(maxTrafficRps, roundFigure(computed[edge.from]!.effectiveRps * edge.dependency.rpsShare));
    inboundRps += rps;
    if (rps > 0) contributingCalls += 1;
    if (rps > 0 && (!heaviestCall || rps > heaviestCall.rps)) heaviestCall = { edge, rps };
  }
  inboundRps = Math.min(maxTrafficRps, roundFigure(inboundRps));
  const own = declaredRps ?? 0;
  if (own >= inboundRps) return { declaredRps, effectiveRps: own, inboundRps, contributingCalls, chainLength: 1, chainHeadEnd: node };
  const caller = computed[heaviestCall!.edge.from]!;
  const chainLength = caller.chainLength + 1;
  const chainHeadEnd = chainLength <= elisionKeepsFirst ? node : caller.chainHeadEnd;
  return { declaredRps, effectiveRps: inboundRps, inboundRps, heaviestCall, contributingCalls, chainLength, chainHeadEnd };
}

/** A cycle's members, breadth-first along its inner calls from the members traffic enters first. */
function onePassOrder(component: readonly number[], graph: ServiceGraph, scc: StronglyConnectedComponents): number[] {
  const componentId = scc.componentOf[component[0]!]!;
  const entersFromOutside = (node: number) =>
    graph.syncCallers[node]!.some((edge) => scc.componentOf[edge.from] !== componentId);
  const byNode = [...component].sort((a, b) => a - b);
  const roots = [
    ...byNode.filter(entersFromOutside),
    ...byNode.filter((node) => !entersFromOutside(node) && (graph.services[node]!.peakRps ?? 0) > 0),
    ...byNode,
  ];
  const visited = new Set<number>();
  const order: number[] = [];
  for (const root of roots) {
    if (visited.has(root)) continue;
    visited.add(root);
    for (let next = order.push(root) - 1; next < order.length; next++) {
      for (const edge of graph.syncCalls[order[next]!]!) {
        if (scc.componentOf[edge.to] !== componentId || visited.has(edge.to)) continue;
        visited.add(edge.to);
        order.push(edge.to);
      }
    }
  }
  return order;
}

export interface TrafficStep {
  /** Node index. */
  node: number;
  /** Traffic the step receives along the chain (the origin: its own effective peak). */
  rps: number;
  /** The share of the previous step's traffic it receives; absent on the origin. */
  rpsShare?: number;
}

function stepOf(node: number, traffic: readonly ServiceTraffic[]): TrafficStep {
  const call = traffic[node]!.heaviestCall;
  return call ? { node, rps: call.rps, rpsShare: call.edge.dependency.rpsShare } : { node, rps: traffic[node]!.effectiveRps };
}

/** The chain of sync calls carrying the most traffic to a service, from the service where it originates. */
export function heaviestChain(node: number, traffic: readonly ServiceTraffic[]): TrafficStep[] {
  const steps: TrafficStep[] = [];
  for (let current: number | undefined = node; current !== undefined; current = traffic[current]!.heaviestCall?.edge.from) {
    steps.push(stepOf(current, traffic));
  }
  return steps.reverse();
}

/** The ends of the heaviest chain as a message shows them, walking only those steps (not the whole chain). */
function heaviestChainEnds(node: number, traffic: readonly ServiceTraffic[]): { head: TrafficStep[]; hidden: number; tail: TrafficStep[] } {
  const length = traffic[node]!.chainLength;
  const { keepLast, hidden } = chainElision(length);
  if (hidden === 0) return { head: heaviestChain(node, traffic), hidden: 0, tail: [] };
  const tail: TrafficStep[] = [];
  let current = node;
  for (let index = 0; index < keepLast; index++) {
    tail.push(stepOf(current, traffic));
    current = traffic[current]!.heaviestCall!.edge.from;
  }
  return { head: heaviestChain(traffic[node]!.chainHeadEnd, traffic), hidden, tail: tail.reverse() };
}

function describeStep(step: TrafficStep, graph: ServiceGraph): string {
  const name = graph.services[step.node]!.name;
  const rps = `${formatNumber(step.rps)} req/s`;
  return step.rpsShare === undefined ? `${name} (${rps})` : `${name} (×${formatNumber(step.rpsShare)}, ${rps})`;
}

/** "edge-gateway (40,000 req/s) → orders (×1, 40,000 req/s) → pricing (×0.5, 20,000 req/s)" */
export function formatTrafficChain(steps: readonly TrafficStep[], graph: ServiceGraph): string {
  return joinChain(steps.map((step) => describeStep(step, graph)));
}

/** The heaviest chain into `node`, as `formatTrafficChain` writes it, in time linear in what it shows. */
export function describeHeaviestChain(node: number, traffic: readonly ServiceTraffic[], graph: ServiceGraph): string {
  const { head, hidden, tail } = heaviestChainEnds(node, traffic);
  if (hidden === 0) return formatTrafficChain(head, graph);
  return [...head.map((step) => describeStep(step, graph)), `… ${formatNumber(hidden)} more …`, ...tail.map((step) => describeStep(step, graph))].join(' → ');
}
