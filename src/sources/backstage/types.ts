import type { Range, RepeatedDependency, Service } from '../../types.js';

/** A value in a catalog entity that svc-lint cannot use, with the place it was read from. */
export interface EntityValueProblem {
  /** Dotted display path, e.g. `metadata.annotations.svc-lint.dev/peak-rps`. */
  path: string;
  /** What is wrong, phrased to follow the path: `must be a number >= 0, got "fast"`. */
  problem: string;
  range: Range;
}

/** A Component the catalog holds that svc-lint does not judge: calls to it are not to an unknown service. */
export interface UndeclaredEntity {
  /** Its service name (`name`, or `namespace/name`), lower-cased. */
  name: string;
  range: Range;
  reason: string;
}

/** Why an entity that opts in to svc-lint is still not judged, for the `skipped-entity` finding. */
export interface SkippedEntityNotice {
  messageId: 'kind' | 'type' | 'apiVersion';
  data: Record<string, string>;
  range: Range;
}

export type BackstageReadResult =
  /** Not judged: another kind or type, or a component without any svc-lint data. */
  | { kind: 'skip'; reason: string; undeclared?: UndeclaredEntity; notice?: SkippedEntityNotice }
  /** A usable service; `problems` name optional values that were ignored. */
  | { kind: 'service'; service: Service; problems: EntityValueProblem[]; repeated: RepeatedDependency[] }
  /** A component that opts in to svc-lint but lacks a usable name, language or workload. */
  | {
      kind: 'invalid';
      problems: EntityValueProblem[];
      repeated: RepeatedDependency[];
      /** The service name, when the entity has one. */
      service?: string;
      undeclared?: UndeclaredEntity;
    };
