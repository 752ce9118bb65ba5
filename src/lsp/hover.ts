import type { Hover, Position } from 'vscode-languageserver';
import { estimateFor } from '../analysis/capacity.js';
import { describeHeaviestChain } from '../analysis/graph/traffic.js';
import { languageName, type LanguageRegistry } from '../languages/registry.js';
import type { Analysis } from '../analysis/analysis.js';
import { describeDecision } from '../output/capacity/decision-text.js';
import { inferenceCaveat } from '../output/capacity/rows.js';
import { formatNumber } from '../text/number.js';
import type { Dependency, LanguageProfile, Service } from '../types.js';
import { contains, lspRange } from './positions.js';

/** Names and languages come from manifests: shown as text, never as Markdown. */
function text(value: string): string {
  return value.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (character) => `\\${character}`);
}

const rps = (value: number) => `${formatNumber(value)} req/s`;

/** A profile's source as a link an editor opens (a web address only), with how its figures were measured. */
function citation(source: LanguageProfile['source']): string {
  const title = text(source.title);
  const linked = source.url !== undefined && /^https?:\/\/[^\s()<>]+$/.test(source.url) ? `[${title}](${source.url})` : title;
  return `${linked}: ${text(source.setup)}`;
}

function capacityLine(label: string, languageId: string, effectiveRps: number, languages: LanguageRegistry): string | undefined {
  const profile = languages.profile(languageId);
  if (!profile) return undefined;
  const estimate = estimateFor(effectiveRps, profile);
  const { figures } = estimate;
  return (
    `- ${label} ${text(profile.name)}: ${formatNumber(estimate.instances)} ${estimate.instances === 1 ? 'instance' : 'instances'}, ` +
    `${formatNumber(estimate.memoryMb)} MB (${text(figures.benchmarkLabel)}: ${rps(figures.throughputRps)} and ${formatNumber(figures.memoryMb)} MB per instance)`
  );
}

/** The service's one decision, its traffic and what it costs, as `svc-lint report` computes them. */
export function describeService(service: Service, analysis: Analysis): string {
  const { decisions, languages } = analysis;
  const { decision, traffic, node } = decisions.of(service);
  const lines = [
    `**${text(service.name)}**: ${text(languageName(service.languageId, languages))}, ${service.workload}`,
    '',
    `Decision: question ${decision.question} (${describeDecision(decision.reason)}) recommends **${text(languageName(decision.recommended, languages))}**`,
    '',
  ];
  const declared = traffic.declaredRps === undefined ? 'no declared peak' : `declared peak ${rps(traffic.declaredRps)}`;
  if (traffic.inboundRps > 0 && node !== undefined) {
    const chain = describeHeaviestChain(node, decisions.analysis.traffic, decisions.analysis.graph);
    lines.push(`Traffic: ${declared}; effective ${rps(traffic.effectiveRps)}, received through sync calls (heaviest chain: ${text(chain)})`);
  } else {
    lines.push(`Traffic: ${declared}; effective ${rps(traffic.effectiveRps)}`);
  }
  const hasTraffic = traffic.declaredRps !== undefined || traffic.inboundRps > 0;
  const estimates = [
    capacityLine('on', service.languageId, traffic.effectiveRps, languages),
    decision.recommended === service.languageId ? undefined : capacityLine('on', decision.recommended, traffic.effectiveRps, languages),
  ].filter((line): line is string => line !== undefined);
  if (hasTraffic && estimates.length > 0) {
    lines.push('', `Capacity at ${rps(traffic.effectiveRps)} (instances = ceil(peak / per-instance throughput)):`, ...estimates);
    const sources = new Map<string, LanguageProfile['source']>();
    for (const id of [service.languageId, decision.recommended]) {
      const source = languages.profile(id)?.source;
      if (source) sources.set(source.title, source);
    }
    const cited = [...sources.values()].map(citation).join('; ');
    lines.push('', `Figures: ${cited}${decision.reason === 'ml-serving' ? ` (${inferenceCaveat})` : ''}`);
  }
  return lines.join('\n');
}

function describeCall(caller: Service, dependency: Dependency, analysis: Analysis): string {
  const { graph } = analysis.decisions.analysis;
  const node = graph.indexByName.get(dependency.service);
  if (node === undefined) return `No service of the workspace is named **${text(dependency.service)}**`;
  const callee = graph.services[node]!;
  const callerRps = analysis.decisions.of(caller).traffic.effectiveRps;
  const call =
    dependency.call === 'sync'
      ? `This sync call: ${rps(callerRps * dependency.rpsShare)} (${text(caller.name)} at ${rps(callerRps)} × rpsShare ${formatNumber(dependency.rpsShare)})`
      : 'This call is async: it adds no traffic to the callee';
  return `${call}\n\n---\n\n${describeService(callee, analysis)}`;
}

/** Over `spec.language`, `peakRps`, `p99Ms` or a `dependsOn` entry of a service in the document: its decision. */
export function hoverAt(services: readonly Service[], position: Position, analysis: Analysis): Hover | null {
  for (const service of services) {
    for (const field of ['language', 'peakRps', 'p99Ms'] as const) {
      const range = service.locations[field];
      if (range && contains(lspRange(range), position)) {
        return { contents: { kind: 'markdown', value: describeService(service, analysis) }, range: lspRange(range) };
      }
    }
    for (const dependency of service.dependsOn) {
      if (contains(lspRange(dependency.range), position)) {
        return { contents: { kind: 'markdown', value: describeCall(service, dependency, analysis) }, range: lspRange(dependency.range) };
      }
    }
  }
  return null;
}
