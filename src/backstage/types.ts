import type { Range, Service } from '../types.js';

/** A value in a catalog entity that svc-lint cannot use, with the place it was read from. */
export interface SchemaProblem {
  /** Dotted display path, e.g. `metadata.annotations.svc-lint.dev/peak-rps`. */
  path: string;
  /** What is wrong, phrased to follow the path: `must be a number >= 0, got "fast"`. */
  problem: string;
  range: Range;
}

export type BackstageReadResult =
  /** Not a service component, or a component without any svc-lint data. */
  | { kind: 'skip' }
  /** A usable service; `problems` name optional values that were ignored. */
  | { kind: 'service'; service: Service; problems: SchemaProblem[] }
  /** A component that opts in to svc-lint but lacks a usable name, language or workload. */
  | { kind: 'invalid'; problems: SchemaProblem[]; /** The service name, when the entity has one. */ service?: string };
