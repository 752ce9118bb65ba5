import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { ServiceTemplate } from './types.js';

const paramsSchema = {
  type: 'object',
  required: ['misspelled'],
  additionalProperties: false,
  properties: { misspelled: { type: 'boolean' } },
} as const satisfies JSONSchema;

export type UnprofiledLanguageParams = FromSchema<typeof paramsSchema>;

/** The service's language has no profile, so the language rules cannot judge it. */
export const unprofiledLanguage: ServiceTemplate<UnprofiledLanguageParams> = {
  key: 'unprofiled-language',
  scope: 'service',
  description:
    'The language has no language profile: either a language svc-lint has no figures for, or a misspelling of a known name.',
  paramsSchema,
  messageIds: ['default'],
  dataKeys: ['service', 'language', 'suggestion'],
  check(service, params, { languages }) {
    if (languages.profile(service.languageId)) return [];
    const suggestion = languages.misspelledName(service.language);
    if ((suggestion !== undefined) !== params.misspelled) return [];
    return [
      {
        messageId: 'default',
        field: 'language',
        data: { service: service.name, language: service.language, ...(suggestion !== undefined && { suggestion }) },
      },
    ];
  },
};
