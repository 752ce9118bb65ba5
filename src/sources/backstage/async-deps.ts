import type { Dependency } from '../../types.js';
import { splitList } from './annotations.js';
import { parseEntityRef, serviceKey } from './entity-ref.js';
import type { Annotation } from './entity.js';
import type { ReportProblem } from './context.js';

export interface AsyncDepEntry {
  /** As written in the annotation. */
  text: string;
  service: string;
}

/**
 * The async-deps annotation lists dependsOn entries, comma-separated; since it
 * only ever names components, the `component:` kind may be left out.
 */
export function readAsyncDeps(
  annotation: Annotation | undefined,
  namespace: string | undefined,
  report: ReportProblem,
): AsyncDepEntry[] {
  if (annotation?.text === undefined) return [];
  const entries: AsyncDepEntry[] = [];
  for (const text of splitList(annotation.text)) {
    const ref = parseEntityRef(text);
    if (!ref || (ref.kind !== undefined && ref.kind !== 'component')) {
      report(annotation.key, annotation.valueRange, `must list components from spec.dependsOn, got ${JSON.stringify(text)}`);
      continue;
    }
    entries.push({ text, service: serviceKey(ref.namespace ?? namespace, ref.name) });
  }
  return entries;
}

export function reportUnmatchedAsyncDeps(
  annotation: Annotation | undefined,
  entries: readonly AsyncDepEntry[],
  dependsOn: readonly Dependency[],
  report: ReportProblem,
): void {
  if (!annotation) return;
  const dependencies = new Set(dependsOn.map((dependency) => dependency.service));
  for (const entry of entries) {
    if (!dependencies.has(entry.service)) {
      report(
        annotation.key,
        annotation.valueRange,
        `lists ${JSON.stringify(entry.text)}, which is not a component in spec.dependsOn`,
      );
    }
  }
}
