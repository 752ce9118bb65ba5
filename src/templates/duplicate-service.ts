import type { Service } from '../types.js';
import type { WorkspaceTemplate, WorkspaceTemplateFinding } from './types.js';
import { analyseWorkspace } from '../graph/analysis.js';

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
        if (context.reportsOn?.(service) === false) continue;
        const others = declarations.filter((other) => other !== service).map(declarationPlace);
        findings.push({
          service,
          messageId: 'default',
          data: { service: name, otherDeclarations: others.join(', ') },
          field: 'name',
        });
      }
    }
    return findings;
  },
};

/** "services/orders.yaml:12": file and line of the declaration's name. */
function declarationPlace(service: Service): string {
  const range = service.locations.name ?? service.locations.document;
  return `${service.file.displayPath}:${range.line}`;
}
