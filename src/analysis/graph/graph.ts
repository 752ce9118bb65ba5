import type { Dependency, Service } from '../../types.js';

export interface ServiceEdge {
  from: number;
  to: number;
  dependency: Dependency;
}

export interface UnresolvedDependency {
  service: Service;
  dependency: Dependency;
}

/** The services of a workspace as numbered nodes, with their calls as edges. */
export interface ServiceGraph {
  /** One service per name: the first declaration wins. */
  services: Service[];
  indexByName: Map<string, number>;
  /** Every declaration of each name declared more than once, in input order. */
  duplicates: Map<string, Service[]>;
  /** Outgoing sync calls, by caller index. */
  syncCalls: readonly (readonly ServiceEdge[])[];
  /** Incoming sync calls, by callee index. */
  syncCallers: readonly (readonly ServiceEdge[])[];
  asyncCalls: readonly (readonly ServiceEdge[])[];
  /** dependsOn entries (of any declaration, duplicates included) naming no service of the workspace. */
  unresolved: UnresolvedDependency[];
}

export function buildServiceGraph(services: readonly Service[]): ServiceGraph {
  const kept: Service[] = [];
  const indexByName = new Map<string, number>();
  const repeated = new Map<string, Service[]>();
  for (const service of services) {
    const index = indexByName.get(service.name);
    if (index === undefined) {
      indexByName.set(service.name, kept.length);
      kept.push(service);
    } else {
      const declarations = repeated.get(service.name);
      if (declarations) declarations.push(service);
      else repeated.set(service.name, [kept[index]!, service]);
    }
  }
  const firstIndex = ([name]: [string, Service[]]) => indexByName.get(name)!;
  const duplicates = new Map([...repeated].sort((a, b) => firstIndex(a) - firstIndex(b)));

  const sync: ServiceEdge[] = [];
  const async: ServiceEdge[] = [];
  kept.forEach((service, from) => {
    for (const dependency of service.dependsOn) {
      const to = indexByName.get(dependency.service);
      if (to !== undefined) (dependency.call === 'sync' ? sync : async).push({ from, to, dependency });
    }
  });

  const unresolved: UnresolvedDependency[] = [];
  for (const service of services) {
    for (const dependency of service.dependsOn) {
      if (!indexByName.has(dependency.service)) unresolved.push({ service, dependency });
    }
  }

  const nodeCount = kept.length;
  return {
    services: kept,
    indexByName,
    duplicates,
    syncCalls: edgeLists(nodeCount, sync, (edge) => edge.from),
    syncCallers: edgeLists(nodeCount, sync, (edge) => edge.to),
    asyncCalls: edgeLists(nodeCount, async, (edge) => edge.from),
    unresolved,
  };
}

const noEdges: readonly ServiceEdge[] = Object.freeze([]);

/**
 * The edges grouped by node, in their order: each list exactly as long as it needs to be, and one shared empty list
 * for the nodes without any (most services of a large workspace have few calls, many none).
 */
function edgeLists(
  nodeCount: number,
  edges: readonly ServiceEdge[],
  nodeOf: (edge: ServiceEdge) => number,
): (readonly ServiceEdge[])[] {
  const counts = new Uint32Array(nodeCount);
  for (const edge of edges) counts[nodeOf(edge)]! += 1;
  const lists = Array.from(counts, (count) => (count === 0 ? noEdges : new Array<ServiceEdge>(count)));
  const filled = new Uint32Array(nodeCount);
  for (const edge of edges) {
    const node = nodeOf(edge);
    (lists[node] as ServiceEdge[])[filled[node]!] = edge;
    filled[node]! += 1;
  }
  return lists;
}
