import type { Service } from '../../types.js';
import { formatNumber } from '../../text/number.js';
import type { WorkspaceTemplate, WorkspaceTemplateFinding } from './types.js';
import { analyseWorkspace } from '../../analysis/graph/analyse.js';

export const duplicateService: WorkspaceTemplate<Record<string, never>> = {
  scope: 'workspace',
  key: 'duplicate-service',
  description: 'Two or more manifests of the workspace declare the same service name.',
  paramsSchema: { type: 'object', additionalProperties: false },
  messageIds: ['default'],
  dataKeys: ['service', 'otherDeclarations'],
  check(services, _params, context) {
    const findings: WorkspaceTemplateFinding[] = [];
    for (const [name, declarations] of analyseWorkspace(services).graph.duplicates) {
      for (const service of declarations) {
        if (context.isLinted?.(service) === false) continue;
        findings.push({
          service,
          messageId: 'default',
          data: { service: name, otherDeclarations: otherPlaces(service, declarations) },
          field: 'name',
        });
      }
    }
    return findings;
  },
};

const listedPlaces = 5;

/**
 * Where the other declarations are; past a few, how many more there are: a name copied into thousands of manifests
 * must not give each finding a list of thousands (the report would grow with the square of the copies).
 */
function otherPlaces(service: Service, declarations: readonly Service[]): string {
  const listed: string[] = [];
  for (const other of declarations) {
    if (other === service) continue;
    if (listed.length === listedPlaces) break;
    listed.push(declarationPlace(other));
  }
  const more = declarations.length - 1 - listed.length;
  return more > 0 ? `${listed.join(', ')} and ${formatNumber(more)} more` : listed.join(', ');
}

/** "services/orders.yaml:12": file and line of the declaration's name. */
function declarationPlace(service: Service): string {
  const range = service.locations.name ?? service.locations.document;
  return `${service.file.displayPath}:${range.line}`;
}
