import { isCounted, type CallKind, type Finding, type Service } from '../../types.js';
import type { LintResult } from '../../lint.js';
import { languageName, type LanguageRegistry } from '../../languages/registry.js';
import type { WorkspaceDecisions } from '../../analysis/decisions.js';
import { roundFigure } from '../../analysis/graph/chain-text.js';
import { pathOf, type ServicePath } from '../../analysis/paths.js';
import type { OutputFormat } from '../format.js';

export interface GraphNode {
  /** Safe identifier for every output syntax: `s<n>` for services, `m<n>` for names no manifest declares. */
  id: string;
  name: string;
  /** Language id; absent for an undeclared service. */
  language?: string;
  /** The language's profile name (`Python`), as messages print it. */
  languageName?: string;
  /** The decision framework's recommendation: a language id and the question that decided it. */
  recommended?: { language: string; name: string; question: number };
  path: ServicePath | 'missing';
  declaredRps?: number;
  effectiveRps?: number;
  /** Whether the service has findings. */
  flagged: boolean;
}

export interface GraphEdge {
  from: string;
  to: string;
  call: CallKind;
  rpsShare: number;
  /** Caller effective rps × rpsShare: what the call carries (async calls carry it as messages). */
  rps: number;
  /** The call is part of a sync cycle. */
  inCycle: boolean;
}

/** The picture's model; also the `graph --format json` output. */
export interface GraphView {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function buildGraphView(
  decisions: WorkspaceDecisions,
  languages: LanguageRegistry,
  flagged: ReadonlySet<string>,
): GraphView {
  const { graph, traffic, scc } = decisions.analysis;
  const nodes: GraphNode[] = graph.services.map((service, node) => ({
    id: `s${node}`,
    name: service.name,
    language: service.languageId,
    languageName: languageName(service.languageId, languages),
    recommended: recommendationOf(service, decisions, languages),
    path: pathOf(service, languages),
    declaredRps: service.peakRps,
    effectiveRps: traffic[node]!.effectiveRps,
    flagged: flagged.has(service.name),
  }));
  const missingIds = new Map<string, string>();
  const edges: GraphEdge[] = [];
  graph.services.forEach((service, from) => {
    for (const dependency of service.dependsOn) {
      const to = graph.indexByName.get(dependency.service);
      let toId = to === undefined ? missingIds.get(dependency.service) : `s${to}`;
      if (toId === undefined) {
        toId = `m${missingIds.size}`;
        missingIds.set(dependency.service, toId);
        nodes.push({ id: toId, name: dependency.service, path: 'missing', flagged: false });
      }
      edges.push({
        from: `s${from}`,
        to: toId,
        call: dependency.call,
        rpsShare: dependency.rpsShare,
        rps: roundFigure(traffic[from]!.effectiveRps * dependency.rpsShare),
        inCycle: dependency.call === 'sync' && to !== undefined && scc.componentOf[from] === scc.componentOf[to],
      });
    }
  });
  return { nodes, edges };
}

function recommendationOf(service: Service, decisions: WorkspaceDecisions, languages: LanguageRegistry): GraphNode['recommended'] {
  const { decision } = decisions.of(service);
  return { language: decision.recommended, name: languageName(decision.recommended, languages), question: decision.question };
}

export function renderGraphJson(view: GraphView): string {
  return `${JSON.stringify(view, null, 2)}\n`;
}

/** The picture of a run's workspace: its analysis, with the services that have counted errors or warnings marked. */
export function graphViewOf(result: LintResult): GraphView {
  return buildGraphView(result.analysis.decisions, result.analysis.languages, flaggedServices(result.findings));
}

/** Services with findings that count (info aside): the picture marks them. */
function flaggedServices(findings: readonly Finding[]): Set<string> {
  const flagged = new Set<string>();
  for (const finding of findings) {
    if (finding.service && isCounted(finding) && finding.severity !== 'info') flagged.add(finding.service);
  }
  return flagged;
}

export const graphJsonFormat = {
  name: 'json',
  description: 'the graph as JSON: nodes (with their decision) and calls',
  commands: ['graph'],
  showsExemptions: false,
  render: (result) => renderGraphJson(graphViewOf(result)),
} as const satisfies OutputFormat;
