import type { DeploymentTarget } from '../types.js';
import { deploymentTargets } from '../types.js';
import type { ServiceTemplate } from './types.js';
import { compareWithPreferred, figureKeys, languageChoiceFinding } from './shared.js';

export interface DeploymentFootprintParams {
  targets: DeploymentTarget[];
  /** Flag languages whose container images can exceed this size. */
  maxImageMb: number;
  /** Flag languages whose startup can exceed this. */
  maxStartupMs: number;
  preferred: string;
}

export const deploymentFootprint: ServiceTemplate<DeploymentFootprintParams> = {
  key: 'deployment-footprint',
  scope: 'service',
  description:
    "A deployment target where size and cold start matter, on a language whose images or startup (the top of its profile's range) exceed the limits.",
  paramsSchema: {
    type: 'object',
    required: ['targets', 'maxImageMb', 'maxStartupMs', 'preferred'],
    additionalProperties: false,
    properties: {
      targets: { type: 'array', items: { enum: [...deploymentTargets] }, minItems: 1, uniqueItems: true },
      maxImageMb: { type: 'number', minimum: 0 },
      maxStartupMs: { type: 'number', minimum: 0 },
      preferred: { type: 'string', minLength: 1 },
    },
  },
  messageIds: ['default'],
  dataKeys: ['service', 'language', 'target', 'maxImageMb', 'maxStartupMs', ...figureKeys('language'), ...figureKeys('preferred')],
  check(service, params, { languages }) {
    if (!params.targets.includes(service.deploymentTarget)) return [];
    const comparison = compareWithPreferred(service, params.preferred, languages);
    if (!comparison) return [];
    const { imageMb, startupMs } = comparison.profile.container;
    if (imageMb.max <= params.maxImageMb && startupMs.max <= params.maxStartupMs) return [];
    return [
      languageChoiceFinding(service, comparison, {
        target: service.deploymentTarget,
        maxImageMb: params.maxImageMb,
        maxStartupMs: params.maxStartupMs,
      }),
    ];
  },
};
