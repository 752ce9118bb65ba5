import type { Service } from '../../types.js';
import { buildServiceGraph, type ServiceGraph } from './graph.js';
import { stronglyConnectedComponents, type StronglyConnectedComponents } from './scc.js';
import { findSyncCycles, type SyncCycle } from './cycles.js';
import { propagateTraffic, type ServiceTraffic } from './traffic.js';
import { sequentialLatencies, type SequentialLatency } from './latency.js';

export interface WorkspaceAnalysis {
  graph: ServiceGraph;
  scc: StronglyConnectedComponents;
  cycles: SyncCycle[];
  /** By node index of `graph.services`. */
  traffic: ServiceTraffic[];
  /** By node index of `graph.services`. */
  latencies: SequentialLatency[];
}

const analysed = new WeakMap<readonly Service[], WorkspaceAnalysis>();

/** Analyses a workspace once per services array, however many graph rules ask for it. */
export function analyseWorkspace(services: readonly Service[]): WorkspaceAnalysis {
  const cached = analysed.get(services);
  if (cached) return cached;
  const graph = buildServiceGraph(services);
  const scc = stronglyConnectedComponents(graph.syncCalls, (edge) => edge.to);
  const analysis: WorkspaceAnalysis = {
    graph,
    scc,
    cycles: findSyncCycles(graph, scc),
    traffic: propagateTraffic(graph, scc),
    latencies: sequentialLatencies(graph, scc),
  };
  analysed.set(services, analysis);
  return analysis;
}
