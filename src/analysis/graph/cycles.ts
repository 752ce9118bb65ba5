import type { ServiceGraph, ServiceEdge } from './graph.js';
import type { StronglyConnectedComponents } from './scc.js';
import { compareText } from '../../text/compare.js';

export interface SyncCycle {
  /** Node indexes of the services caught in the cycle, sorted by name. */
  members: number[];
  /** A shortest cycle through the first member, starting and ending on it. */
  path: number[];
  /** For each edge (same order as `edges`), a shortest cycle that takes that call; see `perEdgeLimit`. */
  edgePaths: number[][];
  /** Every sync call that stays inside the cycle: the calls to cut to break it. */
  edges: ServiceEdge[];
}

/** A strongly connected component of sync calls is a cycle when it has two members or more, or a self-call. */
export function findSyncCycles(graph: ServiceGraph, scc: StronglyConnectedComponents): SyncCycle[] {
  const cycles: SyncCycle[] = [];
  for (const component of scc.components) {
    const componentId = scc.componentOf[component[0]!]!;
    if (component.length === 1 && !graph.syncCalls[component[0]!]!.some((edge) => edge.to === edge.from)) continue;
    const members = [...component].sort((a, b) => compareText(graph.services[a]!.name, graph.services[b]!.name));
    const edges = members.flatMap((node) =>
      graph.syncCalls[node]!.filter((edge) => scc.componentOf[edge.to] === componentId),
    );
    const successors = successorsOf(edges);
    const path = shortestCycleThrough(members[0]!, successors);
    // Per-call cycles cost a search per call: bounded to cycles small enough to read, the rest share `path`.
    const edgePaths = members.length <= perEdgeLimit ? edges.map((edge) => shortestCycleThroughEdge(edge, successors)) : edges.map(() => path);
    cycles.push({ members, path, edges, edgePaths });
  }
  return cycles;
}

/** Cycles with more members than this name the same cycle in every finding. */
export const perEdgeLimit = 50;

/** The call itself, then the shortest way back from its callee to its caller. */
function shortestCycleThroughEdge(edge: ServiceEdge, successors: Successors): number[] {
  if (edge.from === edge.to) return [edge.from, edge.from];
  const back = shortestPath(edge.to, edge.from, successors);
  return back ? [edge.from, ...back] : [edge.from, edge.to];
}

function shortestPath(from: number, to: number, successors: Successors): number[] | undefined {
  const previous = new Map<number, number>([[from, from]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    if (node === to) return pathTo(node, from, previous);
    for (const next of successors.get(node) ?? []) {
      if (previous.has(next)) continue;
      previous.set(next, node);
      queue.push(next);
    }
  }
  return undefined;
}

/** The callees of each node inside one cycle, built once per cycle for all of its searches. */
type Successors = ReadonlyMap<number, readonly number[]>;

function successorsOf(edges: readonly ServiceEdge[]): Successors {
  const successors = new Map<number, number[]>();
  for (const edge of edges) {
    const list = successors.get(edge.from) ?? [];
    list.push(edge.to);
    successors.set(edge.from, list);
  }
  return successors;
}

function shortestCycleThrough(start: number, successors: Successors): number[] {
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
