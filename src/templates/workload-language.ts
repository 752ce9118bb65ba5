import type { LanguagePath, Workload } from '../types.js';
import type { ServiceTemplate } from './types.js';
import {
  figureKeys,
  hotPathSchema,
  isOnHotPath,
  isOnPath,
  languagePathSchema,
  languageChoiceFinding,
  compareWithPreferred,
  workloadListSchema,
  type HotPathThresholds,
} from './shared.js';

export interface WorkloadLanguageParams {
  workloads: Workload[];
  /** Flag languages whose profile lacks this ecosystem (ml, data...). */
  lacksEcosystem?: string;
  /** Flag languages on this path. */
  languagePath?: LanguagePath;
  /** The language the guidance recommends for these workloads. */
  preferred: string;
  /** Skip services that question 2 (hot path) decides instead. */
  exceptHotPath?: HotPathThresholds;
}

export const workloadLanguage: ServiceTemplate<WorkloadLanguageParams> = {
  key: 'workload-language',
  scope: 'service',
  description:
    'A workload is implemented in a language that lacks the ecosystem it needs, or that sits on the wrong path for it.',
  paramsSchema: {
    type: 'object',
    required: ['workloads', 'preferred'],
    additionalProperties: false,
    anyOf: [{ required: ['lacksEcosystem'] }, { required: ['languagePath'] }],
    properties: {
      workloads: { ...workloadListSchema, minItems: 1 },
      lacksEcosystem: { type: 'string', minLength: 1 },
      languagePath: languagePathSchema,
      preferred: { type: 'string', minLength: 1 },
      exceptHotPath: hotPathSchema,
    },
  },
  messageIds: ['default'],
  dataKeys: ['service', 'language', 'workload', 'ecosystem', ...figureKeys('language'), ...figureKeys('preferred')],
  check(service, params, { languages }) {
    if (!params.workloads.includes(service.workload)) return [];
    const comparison = compareWithPreferred(service, params.preferred, languages);
    if (!comparison) return [];
    if (params.lacksEcosystem !== undefined && comparison.profile.ecosystems.includes(params.lacksEcosystem)) return [];
    if (params.languagePath !== undefined && !isOnPath(comparison.profile, params.languagePath)) return [];
    if (params.exceptHotPath && isOnHotPath(service, params.exceptHotPath)) return [];
    return [
      languageChoiceFinding(service, comparison, {
        workload: service.workload,
        ...(params.lacksEcosystem !== undefined && { ecosystem: params.lacksEcosystem }),
      }),
    ];
  },
};
