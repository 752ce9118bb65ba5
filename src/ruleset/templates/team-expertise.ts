import type { ServiceTemplate } from './types.js';
import { languageName } from '../../languages/registry.js';

export type TeamExpertiseParams = Record<string, never>;

export const teamExpertise: ServiceTemplate<TeamExpertiseParams> = {
  key: 'team-expertise',
  scope: 'service',
  description:
    "Question 5 of the decision framework decides the service (no earlier question applies), and the team's declared languages do not include its language.",
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  messageIds: ['default'],
  dataKeys: ['service', 'language', 'teamLanguages'],
  check(service, _params, { languages, decisions }) {
    if (decisions.of(service).decision.reason !== 'team-expertise') return [];
    // A misspelt language is reported as such; judging it against the team would only repeat the typo.
    if (languages.misspelledName(service.languageId) !== undefined) return [];
    const team = service.teamLanguages ?? [];
    return [
      {
        messageId: 'default',
        field: 'language',
        data: {
          service: service.name,
          language: languageName(service.languageId, languages),
          teamLanguages: team.map((id) => languageName(id, languages)).join(', '),
        },
      },
    ];
  },
};
