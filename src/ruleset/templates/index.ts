import { dependencyCycle } from './dependency-cycle.js';
import { deploymentFootprint } from './deployment-footprint.js';
import { duplicateService } from './duplicate-service.js';
import { hotPathQuestion } from './hot-path-question.js';
import { hotPathWorkload } from './hot-path-workload.js';
import { inheritedHotPath } from './inherited-hot-path.js';
import { languageDrift } from './language-drift.js';
import { latencyBudget } from './latency-budget.js';
import { metricThreshold } from './metric-threshold.js';
import { teamExpertise } from './team-expertise.js';
import { trafficBand } from './traffic-band.js';
import type { RuleTemplate } from './types.js';
import { unknownDependency } from './unknown-dependency.js';
import { unprofiledLanguage } from './unprofiled-language.js';
import { workloadLanguage } from './workload-language.js';

export const templates = [
  metricThreshold,
  hotPathQuestion,
  trafficBand,
  workloadLanguage,
  hotPathWorkload,
  deploymentFootprint,
  teamExpertise,
  unprofiledLanguage,
  unknownDependency,
  duplicateService,
  dependencyCycle,
  inheritedHotPath,
  latencyBudget,
  languageDrift,
] satisfies readonly RuleTemplate[];

/** Rules with this template are reported by a stage of the pipeline itself (reading, directives, waivers). */
export const engineTemplateKey = 'engine';

export function findTemplate(key: string): RuleTemplate | undefined {
  return templates.find((template) => template.key === key);
}
