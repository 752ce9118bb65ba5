import type { LanguageRegistry } from '../languages/registry.js';
import { estimateCapacity, type FleetCapacity } from './capacity.js';
import type { WorkspaceDecisions } from './decisions.js';
import type { Service } from '../types.js';

/** What the analysis knows of the workspace once the rules have judged it; reports ask it, a lint run need not. */
export interface Analysis {
  /** Every service's one decision, with the traffic it was made on. */
  decisions: WorkspaceDecisions;
  languages: LanguageRegistry;
  /**
   * Capacity and cost of each linted service (on the workspace's traffic), with their totals: computed on first use,
   * then kept. A hook that lints one file gets that file's services, not the thousands it only read for the graph.
   */
  capacity(): FleetCapacity;
}

/** `described`: the services capacity is reported for (by default every service of the workspace). */
export function analysisOf(decisions: WorkspaceDecisions, languages: LanguageRegistry, described?: ReadonlySet<Service>): Analysis {
  let capacity: FleetCapacity | undefined;
  return { decisions, languages, capacity: () => (capacity ??= estimateCapacity(decisions, languages, described)) };
}
