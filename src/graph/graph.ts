import type { Dependency, Service } from '../types.js';

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
  syncCalls: ServiceEdge[][];
  /** Incoming sync calls, by callee index. */
  syncCallers: ServiceEdge[][];
  asyncCalls: ServiceEdge[][];
  /** dependsOn entries (of any declaration, duplicates included) naming no service of the workspace. */
  unresolved: UnresolvedDependency[];
}

export function buildServiceGraph(services: readonly Service[]): ServiceGraph {
  const kept: Service[] = [];
  const indexByName = new Map<string, number>();
  const declarations = new Map<string, Service[]>();
  for (const service of services) {
    const sameName = declarations.get(service.name);
    if (sameName) {
      sameName.push(service);
      continue;
    }
    declarations.set(service.name, [service]);
    indexByName.set(service.name, kept.length);
    kept.push(service);
  }

  const syncCalls: ServiceEdge[][] = kept.map(() => []);
  const syncCallers: ServiceEdge[][] = kept.map(() => []);
  const asyncCalls: ServiceEdge[][] = kept.map(() => []);
  kept.forEach((service, from) => {
    for (const dependency of service.dependsOn) {
      const to = indexByName.get(dependency.service);
      if (to === undefined) continue;
      const edge: ServiceEdge = { from, to, dependency };
      if (dependency.call === 'sync') {
        syncCalls[from]!.push(edge);
        syncCallers[to]!.push(edge);
      } else {
        asyncCalls[from]!.push(edge);
      }
    }
  });

  const unresolved: UnresolvedDependency[] = [];
  for (const service of services) {
    for (const dependency of service.dependsOn) {
      if (!indexByName.has(dependency.service)) unresolved.push({ service, dependency });
    }
  }

  const duplicates = new Map([...declarations].filter(([, sameName]) => sameName.length > 1));
  return { services: kept, indexByName, duplicates, syncCalls, syncCallers, asyncCalls, unresolved };
}
