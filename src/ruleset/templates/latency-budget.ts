import type { WorkspaceTemplate, WorkspaceTemplateFinding } from './types.js';
import { analyseWorkspace } from '../../analysis/graph/analyse.js';
import {
  deepestChainBehind,
  formatDependencyLatencies,
  formatLatencyChain,
  largestDependency,
} from '../../analysis/graph/latency.js';

export const latencyBudget: WorkspaceTemplate<Record<string, never>> = {
  scope: 'workspace',
  key: 'latency-budget',
  description: "The p99s of a service's direct sync dependencies, called in sequence, add up to more than its own p99.",
  paramsSchema: { type: 'object', additionalProperties: false },
  messageIds: ['default'],
  dataKeys: ['service', 'sloMs', 'sumMs', 'dependencies', 'largestChain'],
  check(services, _params, context) {
    const { graph, latencies } = analyseWorkspace(services);
    const findings: WorkspaceTemplateFinding[] = [];
    graph.services.forEach((service, node) => {
      const latency = latencies[node]!;
      if (service.p99Ms === undefined || latency.sumMs <= service.p99Ms) return;
      if (context.isLinted?.(service) === false) return;
      const largest = largestDependency(latency)!;
      findings.push({
        service,
        messageId: 'default',
        data: {
          service: service.name,
          sloMs: service.p99Ms,
          sumMs: latency.sumMs,
          dependencies: formatDependencyLatencies(latency.dependencies, graph),
          largestChain: formatLatencyChain(deepestChainBehind(largest, latencies), graph),
        },
        field: 'p99Ms',
      });
    });
    return findings;
  },
};
