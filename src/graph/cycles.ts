import type { ServiceGraph, ServiceEdge } from './graph.js';
import type { StronglyConnectedComponents } from './scc.js';
import { compareNames } from './format.js';

export interface SyncCycle {
  /** Node indexes of the services caught in the cycle, sorted by name. */
  members: number[];
  /** A shortest cycle through the first member, starting and ending on it. */
  path: number[];
  /** Every sync call that stays inside the cycle: the calls to cut to break it. */
  edges: ServiceEdge[];
}

/** A strongly connected component of sync calls is a cycle when it has two members or more, or a self-call. */
export function findSyncCycles(graph: ServiceGraph, scc: StronglyConnectedComponents): SyncCycle[] {
  const cycles: SyncCycle[] = [];
  for (const component of scc.components) {
    const componentId = scc.componentOf[component[0]!]!;
    const members = [...component].sort((a, b) => compareNames(graph.services[a]!.name, graph.services[b]!.name));
    const edges = members.flatMap((node) =>
      graph.syncCalls[node]!.filter((edge) => scc.componentOf[edge.to] === componentId),
    );
    if (edges.length === 0) continue;
    cycles.push({ members, path: shortestCycleThrough(members[0]!, edges), edges });
  }
  return cycles;
}

function shortestCycleThrough(start: number, edges: readonly ServiceEdge[]): number[] {
  const successors = new Map<number, number[]>();
  for (const edge of edges) {
    const list = successors.get(edge.from) ?? [];
    list.push(edge.to);
    successors.set(edge.from, list);
  }
  const previous = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const next of successors.get(node) ?? []) {
      if (next === start) return [...pathTo(node, start, previous), start];
      if (previous.has(next)) continue;
      previous.set(next, node);
      queue.push(next);
    }
  }
  return [start];
}

function pathTo(node: number, start: number, previous: Map<number, number>): number[] {
  const path = [node];
  let current = node;
  while (current !== start) {
    current = previous.get(current)!;
    path.push(current);
  }
  return path.reverse();
}
