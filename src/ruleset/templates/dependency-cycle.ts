import type { WorkspaceTemplate, WorkspaceTemplateFinding } from './types.js';
import { analyseWorkspace } from '../../analysis/graph/analyse.js';
import { joinChain } from '../../analysis/graph/chain-text.js';

export const dependencyCycle: WorkspaceTemplate<Record<string, never>> = {
  scope: 'workspace',
  key: 'dependency-cycle',
  description: 'Synchronous calls between services form a cycle.',
  paramsSchema: { type: 'object', additionalProperties: false },
  messageIds: ['default'],
  dataKeys: ['service', 'dependency', 'cycle', 'members'],
  check(services, _params, context) {
    const { graph, cycles } = analyseWorkspace(services);
    const findings: WorkspaceTemplateFinding[] = [];
    for (const cycle of cycles) {
      const nameOf = (node: number): string => graph.services[node]!.name;
      const members = cycle.members.map(nameOf).join(', ');
      cycle.edges.forEach((edge, index) => {
        if (context.isLinted?.(graph.services[edge.from]!) === false) return;
        const cycleText = joinChain((cycle.edgePaths[index] ?? cycle.path).map(nameOf));
        findings.push({
          service: graph.services[edge.from]!,
          messageId: 'default',
          data: { service: nameOf(edge.from), dependency: nameOf(edge.to), cycle: cycleText, members },
          range: edge.dependency.range,
        });
      });
    }
    return findings;
  },
};
