import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import { deploymentTargets } from '../../types.js';
import type { ServiceTemplate } from './types.js';
import { compareWithPreferred, figureKeys, languageChoiceFinding, workloadListSchema } from './shared.js';

const paramsSchema = {
  type: 'object',
  required: ['targets', 'workloads', 'maxImageMb', 'maxStartupMs', 'preferred'],
  additionalProperties: false,
  properties: {
    targets: { type: 'array', items: { enum: [...deploymentTargets] }, minItems: 1, uniqueItems: true },
    /** The workloads judged: those that answer requests (a batch job waits for no request). */
    workloads: { ...workloadListSchema, minItems: 1 },
    /** Flag languages whose container images can exceed this size. */
    maxImageMb: { type: 'number', minimum: 0 },
    /** Flag languages whose startup can exceed this. */
    maxStartupMs: { type: 'number', minimum: 0 },
    preferred: { type: 'string', minLength: 1 },
  },
} as const satisfies JSONSchema;

export type DeploymentFootprintParams = FromSchema<typeof paramsSchema>;

export const deploymentFootprint: ServiceTemplate<DeploymentFootprintParams> = {
  key: 'deployment-footprint',
  scope: 'service',
  description:
    "A request-serving workload on a deployment target where size and cold start matter, on a language whose images or startup (the top of its profile's range) exceed the limits.",
  paramsSchema,
  messageIds: ['default', 'keepLanguage'],
  dataKeys: [
    'service',
    'language',
    'workload',
    'target',
    'maxImageMb',
    'maxStartupMs',
    'p99Ms',
    ...figureKeys('language'),
    ...figureKeys('preferred'),
  ],
  check(service, params, { languages, decisions }) {
    if (!params.targets.includes(service.deploymentTarget) || !params.workloads.includes(service.workload)) return [];
    const comparison = compareWithPreferred(service, params.preferred, languages);
    if (!comparison) return [];
    const { imageMb, startupMs } = comparison.profile.container;
    if (imageMb.max <= params.maxImageMb && startupMs.max <= params.maxStartupMs) return [];
    // A p99 SLO below the slowest start is broken by a cold start alone.
    const p99Ms = service.p99Ms !== undefined && service.p99Ms < startupMs.max ? service.p99Ms : undefined;
    const finding = languageChoiceFinding(service, comparison, {
      workload: service.workload,
      target: service.deploymentTarget,
      maxImageMb: params.maxImageMb,
      maxStartupMs: params.maxStartupMs,
      ...(p99Ms !== undefined && { p99Ms }),
    });
    // Where an earlier question keeps the service's own language (ML serving stays Python), the advice is the target.
    const { decision } = decisions.of(service);
    const keepsLanguage = decision.question < 5 && decision.recommended === service.languageId;
    return [keepsLanguage ? { ...finding, messageId: 'keepLanguage' } : finding];
  },
};
