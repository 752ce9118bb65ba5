import { join } from 'node:path';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { ServiceEdge } from '../analysis/graph/graph.js';
import type { Analysis } from '../analysis/analysis.js';
import { formatNumber } from '../text/number.js';
import type { Finding, Range, Service } from '../types.js';
import { lspRange, uriOfPath } from './positions.js';

/** How many steps of a chain are pointed at: enough to follow it, few enough for a hover list. */
const maxChainSteps = 10;

type RelatedFinder = (finding: Finding, analysis: Analysis, root: string) => DiagnosticRelatedInformation[];

function at(service: Service, range: Range, message: string, root: string): DiagnosticRelatedInformation {
  return { location: { uri: uriOfPath(join(root, service.file.displayPath)), range: lspRange(range) }, message };
}

function nodeOf(analysis: Analysis, name: string | number | undefined): number | undefined {
  return typeof name === 'string' ? analysis.decisions.analysis.graph.indexByName.get(name) : undefined;
}

function callStep(edge: ServiceEdge, rps: number, analysis: Analysis, root: string): DiagnosticRelatedInformation {
  const { services } = analysis.decisions.analysis.graph;
  const caller = services[edge.from]!;
  const text = `${caller.name} calls ${services[edge.to]!.name} synchronously: ${formatNumber(rps)} req/s (rpsShare ${formatNumber(edge.dependency.rpsShare)})`;
  return at(caller, edge.dependency.range, text, root);
}

/** The calls of the heaviest chain into the service, nearest first: the callers' dependsOn entries. */
const heaviestChainCalls: RelatedFinder = (finding, analysis, root) => {
  const { traffic } = analysis.decisions.analysis;
  const related: DiagnosticRelatedInformation[] = [];
  let node = nodeOf(analysis, finding.service);
  while (node !== undefined && related.length < maxChainSteps) {
    const call = traffic[node]!.heaviestCall;
    if (!call) break;
    related.push(callStep(call.edge, call.rps, analysis, root));
    node = call.edge.from;
  }
  return related;
};

/** A call made from the linted file into a service it makes hot: that service's manifest. */
const hotCallee: RelatedFinder = (finding, analysis, root) => {
  const node = nodeOf(analysis, finding.data.callee);
  if (node === undefined) return [];
  const callee = analysis.decisions.analysis.graph.services[node]!;
  const { effectiveRps } = analysis.decisions.analysis.traffic[node]!;
  return [at(callee, callee.locations.language ?? callee.locations.document, `${callee.name} receives ${formatNumber(effectiveRps)} req/s`, root)];
};

/** Every call of the cycle the finding's call closes, at each member's dependsOn entry. */
const cycleCalls: RelatedFinder = (finding, analysis, root) => {
  const from = nodeOf(analysis, finding.data.service);
  const to = nodeOf(analysis, finding.data.dependency);
  const { cycles, graph } = analysis.decisions.analysis;
  const cycle = cycles.find((candidate) => candidate.edges.some((edge) => edge.from === from && edge.to === to));
  if (!cycle) return [];
  return cycle.edges
    .filter((edge) => !(edge.from === from && edge.to === to))
    .slice(0, maxChainSteps)
    .map((edge) => at(graph.services[edge.from]!, edge.dependency.range, `${graph.services[edge.from]!.name} calls ${graph.services[edge.to]!.name} synchronously`, root));
};

/** Each term of the sum: where the callee's p99 comes from (its SLO, the dependsOn entry, or its own calls). */
const latencyTerms: RelatedFinder = (finding, analysis, root) => {
  const node = nodeOf(analysis, finding.service);
  if (node === undefined) return [];
  const { graph, latencies } = analysis.decisions.analysis;
  return latencies[node]!.dependencies.slice(0, maxChainSteps).map(({ edge, p99Ms, source }) => {
    const callee = graph.services[edge.to]!;
    const text = `${callee.name}: ${formatNumber(p99Ms)} ms`;
    if (source === 'dependsOn') return at(graph.services[edge.from]!, edge.dependency.range, `${text} (the dependsOn entry's p99Ms)`, root);
    if (source === 'declared') return at(callee, callee.locations.p99Ms ?? callee.locations.document, `${text} (its p99 SLO)`, root);
    return at(callee, callee.locations.name ?? callee.locations.document, `${text} (the sum of its own synchronous calls)`, root);
  });
};

/** The other declarations of the same name. */
const otherDeclarations: RelatedFinder = (finding, analysis, root) => {
  const name = finding.service;
  if (name === undefined) return [];
  const declarations = analysis.decisions.analysis.graph.duplicates.get(name) ?? [];
  return declarations
    .filter((service) => !(service.file.displayPath === finding.file && (service.locations.name ?? service.locations.document).line === finding.line))
    .slice(0, maxChainSteps)
    .map((service) => at(service, service.locations.name ?? service.locations.document, `${name} is also declared here`, root));
};

const relatedFinders: Record<string, Record<string, RelatedFinder>> = {
  'inherited-hot-path': { default: heaviestChainCalls, fanIn: heaviestChainCalls, impact: hotCallee, impactChain: hotCallee },
  'dependency-cycle': { default: cycleCalls },
  'latency-budget': { default: latencyTerms },
  'duplicate-service': { default: otherDeclarations },
};

/** The other ends of a graph finding, for the editor to link to; none for the others. */
export function relatedInformationOf(finding: Finding, analysis: Analysis, root: string): DiagnosticRelatedInformation[] {
  const finder = relatedFinders[finding.ruleId]?.[finding.messageId];
  return finder ? finder(finding, analysis, root) : [];
}
