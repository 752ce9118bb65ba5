import { isNode, isSeq, type Document, type LineCounter } from 'yaml';
import type { Dependency, RepeatedDependency } from '../../types.js';
import { rangeOfNode } from '../../yaml/locate.js';
import { parseEntityRef, serviceKey } from './entity-ref.js';
import { keyRange, locateEntity, scalarText } from './nodes.js';
import type { EntityValueProblem } from './types.js';

export interface DependencyContext {
  doc: Document;
  lineCounter: LineCounter;
  /** The namespace refs without one fall back to: the component's own. */
  namespace: string | undefined;
  /** Service keys listed in the async-deps annotation. */
  asyncKeys: ReadonlySet<string>;
  problems: EntityValueProblem[];
  /** Entries naming a component an earlier entry named (after normalising the ref): counted once, the first. */
  repeated: RepeatedDependency[];
}

/**
 * Reads `spec.dependsOn`: `component:` refs become edges; refs to other kinds
 * (resources) are not services and are left out. Backstage gives dependsOn no
 * default kind, so a bare name is reported rather than guessed.
 */
export function readDependencies(context: DependencyContext): Dependency[] {
  const { doc, lineCounter, problems } = context;
  const { node } = locateEntity(doc, ['spec', 'dependsOn']);
  if (node === undefined || node === null) return [];
  if (!isSeq(node)) {
    const range = keyRange(doc, lineCounter, ['spec', 'dependsOn']);
    if (range) problems.push({ path: 'spec.dependsOn', problem: 'must be a list of entity references', range });
    return [];
  }
  const dependencies: Dependency[] = [];
  const firstEntries = new Map<string, Dependency>();
  node.items.forEach((item, index) => {
    const range = isNode(item) ? rangeOfNode(item, lineCounter) : undefined;
    if (!range) return;
    const path = `spec.dependsOn.${index}`;
    const text = scalarText(doc, item);
    const ref = text === undefined ? undefined : parseEntityRef(text);
    if (text === undefined || !ref) {
      problems.push({ path, problem: `must be an entity reference like component:name, got ${describe(text)}`, range });
      return;
    }
    if (ref.kind === undefined) {
      problems.push({ path, problem: `must name its kind, e.g. component:${ref.name} or resource:${ref.name}`, range });
      return;
    }
    if (ref.kind !== 'component') return;
    const service = serviceKey(ref.namespace ?? context.namespace, ref.name);
    const first = firstEntries.get(service);
    if (first) {
      context.repeated.push({ service, range, first: first.range });
      return;
    }
    const call = context.asyncKeys.has(service) ? 'async' : 'sync';
    const dependency: Dependency = { service, call, rpsShare: 1, range };
    firstEntries.set(service, dependency);
    dependencies.push(dependency);
  });
  return dependencies;
}

function describe(text: string | undefined): string {
  return text === undefined ? 'a non-string value' : JSON.stringify(text);
}
