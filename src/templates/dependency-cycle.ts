import type { WorkspaceTemplate, WorkspaceTemplateFinding } from './types.js';
import { analyseWorkspace } from '../graph/analysis.js';
import { joinChain } from '../graph/format.js';

export const dependencyCycle: WorkspaceTemplate<Record<string, never>> = {
  scope: 'workspace',
  key: 'dependency-cycle',
  description: 'Synchronous calls between services form a cycle.',
  paramsSchema: { type: 'object', additionalProperties: false },
  messageIds: ['default'],
  dataKeys: ['service', 'dependency', 'cycle', 'members'],
  check(services) {
    const { graph, cycles } = analyseWorkspace(services);
    const findings: WorkspaceTemplateFinding[] = [];
    for (const cycle of cycles) {
      const nameOf = (node: number): string => graph.services[node]!.name;
      const cycleText = joinChain(cycle.path.map(nameOf));
      const members = cycle.members.map(nameOf).join(', ');
      for (const edge of cycle.edges) {
        findings.push({
          service: graph.services[edge.from]!,
          messageId: 'default',
          data: { service: nameOf(edge.from), dependency: nameOf(edge.to), cycle: cycleText, members },
          range: edge.dependency.range,
        });
      }
    }
    return findings;
  },
};
