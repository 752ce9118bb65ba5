import type { ServiceEdge, ServiceGraph } from './graph.js';
import type { StronglyConnectedComponents } from './scc.js';
import { formatNumber } from '../../text/number.js';
import { joinChain, roundFigure } from './chain-text.js';

/** Where a dependency's p99 came from: its own SLO, the caller's dependsOn entry, or the sum over its own sync calls. */
export type LatencySource = 'declared' | 'dependsOn' | 'dependencies';

export interface DependencyLatency {
  edge: ServiceEdge;
  p99Ms: number;
  source: LatencySource;
}

export interface SequentialLatency {
  /** Direct sync dependencies whose p99 is known, in dependsOn order. */
  dependencies: readonly DependencyLatency[];
  /** Their p99s added up, as if called one after the other. */
  sumMs: number;
}

const noDependencies: readonly DependencyLatency[] = Object.freeze([]);

/**
 * For every service, the p99s of its direct sync dependencies and their sum. Callees are
 * computed before callers (reverse topological order of the components), so a dependency
 * without a p99 of its own reuses its already computed sum. Calls inside a sync cycle are cut.
 */
export function sequentialLatencies(graph: ServiceGraph, scc: StronglyConnectedComponents): SequentialLatency[] {
  const latencies: SequentialLatency[] = new Array(graph.services.length);
  for (const component of scc.components) {
    for (const node of component) {
      const dependencies: DependencyLatency[] = [];
      for (const edge of graph.syncCalls[node]!) {
        if (scc.componentOf[edge.to] === scc.componentOf[node]) continue;
        const dependency = latencyOf(edge, graph, latencies);
        if (dependency) dependencies.push(dependency);
      }
      const sumMs = roundFigure(dependencies.reduce((sum, dependency) => sum + dependency.p99Ms, 0));
      // A copy as long as the list (a grown array keeps spare room), or the shared empty list.
      latencies[node] = { dependencies: dependencies.length === 0 ? noDependencies : dependencies.slice(), sumMs };
    }
  }
  return latencies;
}

function latencyOf(
  edge: ServiceEdge,
  graph: ServiceGraph,
  computed: readonly SequentialLatency[],
): DependencyLatency | undefined {
  const declared = graph.services[edge.to]!.p99Ms;
  if (declared !== undefined) return { edge, p99Ms: declared, source: 'declared' };
  if (edge.dependency.p99Ms !== undefined) return { edge, p99Ms: edge.dependency.p99Ms, source: 'dependsOn' };
  const own = computed[edge.to]!;
  if (own.dependencies.length === 0) return undefined;
  return { edge, p99Ms: own.sumMs, source: 'dependencies' };
}

export function largestDependency(latency: SequentialLatency): DependencyLatency | undefined {
  let largest: DependencyLatency | undefined;
  for (const dependency of latency.dependencies) {
    if (!largest || dependency.p99Ms > largest.p99Ms) largest = dependency;
  }
  return largest;
}

/** From a dependency down through the largest dependency at each level, to one whose p99 is stated. */
export function deepestChainBehind(
  dependency: DependencyLatency,
  latencies: readonly SequentialLatency[],
): DependencyLatency[] {
  const chain = [dependency];
  let current = dependency;
  while (current.source === 'dependencies') {
    const next = largestDependency(latencies[current.edge.to]!);
    if (!next) break;
    chain.push(next);
    current = next;
  }
  return chain;
}

const sourceText: Record<LatencySource, string> = {
  declared: 'declared',
  dependsOn: 'from dependsOn',
  dependencies: 'sum of its sync dependencies',
};

/** "pricing 120 ms (sum of its sync dependencies), tax 30 ms (declared)" */
export function formatDependencyLatencies(dependencies: readonly DependencyLatency[], graph: ServiceGraph): string {
  return dependencies
    .map((d) => `${graph.services[d.edge.to]!.name} ${formatNumber(d.p99Ms)} ms (${sourceText[d.source]})`)
    .join(', ');
}

/** "pricing → tax-engine → rates (80 ms, declared)" */
export function formatLatencyChain(chain: readonly DependencyLatency[], graph: ServiceGraph): string {
  const last = chain[chain.length - 1]!;
  const names = chain.map((d) => graph.services[d.edge.to]!.name);
  names[names.length - 1] += ` (${formatNumber(last.p99Ms)} ms, ${sourceText[last.source]})`;
  return joinChain(names);
}
