import type { LanguageRegistry } from '../languages/registry.js';
import { estimateCapacity, type FleetCapacity } from './capacity.js';
import type { WorkspaceDecisions } from './decisions.js';

/** What the analysis knows of the workspace once the rules have judged it; reports ask it, a lint run need not. */
export interface Analysis {
  /** Every service's one decision, with the traffic it was made on. */
  decisions: WorkspaceDecisions;
  languages: LanguageRegistry;
  /** Capacity and cost per service, with the fleet totals: computed on first use, then kept. */
  capacity(): FleetCapacity;
}

export function analysisOf(decisions: WorkspaceDecisions, languages: LanguageRegistry): Analysis {
  let capacity: FleetCapacity | undefined;
  return { decisions, languages, capacity: () => (capacity ??= estimateCapacity(decisions, languages)) };
}
