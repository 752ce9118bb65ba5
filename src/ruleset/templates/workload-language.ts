import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { ServiceTemplate } from './types.js';
import { compareWithPreferred, figureKeys, isOnPath, languageChoiceFinding, languagePathSchema } from './shared.js';

const paramsSchema = {
  type: 'object',
  required: ['question', 'preferred'],
  additionalProperties: false,
  anyOf: [{ required: ['lacksEcosystem'] }, { required: ['languagePath'] }],
  properties: {
    /** The framework question whose workloads this rule judges: 1 (ML serving), 3 (data processing), 4 (infrastructure). */
    question: { enum: [1, 3, 4] },
    /** Flag languages whose profile lacks this ecosystem (ml, data...). */
    lacksEcosystem: { type: 'string', minLength: 1 },
    /** Flag languages on this path. */
    languagePath: languagePathSchema,
    /** The language the guidance recommends for these workloads. */
    preferred: { type: 'string', minLength: 1 },
  },
} as const satisfies JSONSchema;

export type WorkloadLanguageParams = FromSchema<typeof paramsSchema>;

export const workloadLanguage: ServiceTemplate<WorkloadLanguageParams> = {
  key: 'workload-language',
  scope: 'service',
  description:
    'The framework decides the service by its workload (question 1, 3 or 4), and its language lacks the ecosystem the workload needs or sits on the wrong path.',
  paramsSchema,
  messageIds: ['default'],
  dataKeys: ['service', 'language', 'workload', 'ecosystem', ...figureKeys('language'), ...figureKeys('preferred')],
  check(service, params, { languages, decisions }) {
    if (decisions.of(service).decision.question !== params.question) return [];
    const comparison = compareWithPreferred(service, params.preferred, languages);
    if (!comparison) return [];
    if (params.lacksEcosystem !== undefined && comparison.profile.ecosystems.includes(params.lacksEcosystem)) return [];
    if (params.languagePath !== undefined && !isOnPath(comparison.profile, params.languagePath)) return [];
    return [
      languageChoiceFinding(service, comparison, {
        workload: service.workload,
        ...(params.lacksEcosystem !== undefined && { ecosystem: params.lacksEcosystem }),
      }),
    ];
  },
};
