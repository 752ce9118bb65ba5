import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { WorkspaceTemplate, WorkspaceTemplateFinding } from './types.js';
import { analyseWorkspace } from '../../analysis/graph/analyse.js';
import { nameIndex } from '../../text/closest.js';

const paramsSchema = {
  type: 'object',
  properties: {
    /** Largest edit distance at which a declared name is offered as a suggestion, whatever its length. */
    maxDistance: { type: 'integer', minimum: 0 },
    /** A longer name may be further off: up to this fraction of its length. */
    maxDistanceRatio: { type: 'number', minimum: 0, maximum: 1 },
    maxSuggestions: { type: 'integer', minimum: 0 },
  },
  required: ['maxDistance', 'maxSuggestions'],
  additionalProperties: false,
} as const satisfies JSONSchema;

export type UnknownDependencyParams = FromSchema<typeof paramsSchema>;

export const unknownDependency: WorkspaceTemplate<UnknownDependencyParams> = {
  scope: 'workspace',
  key: 'unknown-dependency',
  description: 'A dependsOn entry names a service that no manifest of the workspace declares.',
  paramsSchema,
  messageIds: ['default', 'didYouMean'],
  dataKeys: ['service', 'dependency', 'suggestions'],
  check(services, params, context) {
    const { graph } = analyseWorkspace(services);
    const known = context.undeclared;
    const reported = graph.unresolved.filter(
      ({ service, dependency }) => context.isLinted?.(service) !== false && !known?.has(dependency.service),
    );
    if (reported.length === 0) return [];
    const names = nameIndex([...graph.indexByName.keys(), ...(known?.keys() ?? [])]);
    return reported.map(({ service, dependency }): WorkspaceTemplateFinding => {
      // The caller itself is never what it meant to call.
      const suggestions = names.closest(dependency.service, { ...params, wholeParts: true, nearestOnly: true }).filter((name) => name !== service.name);
      const data = { service: service.name, dependency: dependency.service };
      if (suggestions.length === 0) return { service, messageId: 'default', data, range: dependency.range };
      return {
        service,
        messageId: 'didYouMean',
        data: { ...data, suggestions: suggestions.join(', ') },
        range: dependency.range,
      };
    });
  },
};
