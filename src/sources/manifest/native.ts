import type { Document, LineCounter } from 'yaml';
import { deploymentTargets, workloads } from '../../types.js';
import type {
  DeploymentTarget,
  Dependency,
  ManifestFile,
  Range,
  RepeatedDependency,
  Service,
  ServiceField,
  Workload,
} from '../../types.js';
import type { LanguageRegistry } from '../../languages/registry.js';
import { rangeAtPath, type YamlPath } from '../../yaml/locate.js';
import { ownString } from '../../text/own-string.js';
import { figureMaximums } from './figures.js';

type Json = Record<string, unknown>;

const fieldPaths: Record<Exclude<ServiceField, 'document'>, YamlPath> = {
  name: ['metadata', 'name'],
  language: ['spec', 'language'],
  workload: ['spec', 'workload'],
  peakRps: ['spec', 'traffic', 'peakRps'],
  p99Ms: ['spec', 'latency', 'p99Ms'],
  deploymentTarget: ['spec', 'deployment', 'target'],
  teamLanguages: ['spec', 'team', 'languages'],
  dependsOn: ['spec', 'dependsOn'],
};

function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

/** Longer than any name the schema allows: such a value is reported by the schema and not repeated in messages. */
const maxTextLength = 256;

/** A text a service keeps, as a string of its own (see `ownString`). */
function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' && value.length <= maxTextLength ? ownString(value) : undefined;
}

/** A number the rules may read: finite, accepted, and at most the schema's maximum (beyond it, the schema says why). */
function asNumber(value: unknown, maximum: number, accept: (value: number) => boolean): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value <= maximum && accept(value) ? value : undefined;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((item) => item === value);
}

interface NativeContext {
  doc: Document;
  lineCounter: LineCounter;
  file: ManifestFile;
  documentIndex: number;
  documentRange: Range;
  languages: LanguageRegistry;
  /** Where entries naming a callee an earlier entry named go: the call is counted once, with the first's values. */
  repeated: RepeatedDependency[];
}

function readDependencies(list: unknown, context: NativeContext): Dependency[] {
  if (!Array.isArray(list)) return [];
  const dependencies: Dependency[] = [];
  const firstEntries = new Map<string, Dependency>();
  list.forEach((entry, index) => {
    const item = asObject(entry);
    const service = asString(item?.service);
    if (!item || !service) return;
    const range = rangeAtPath(context.doc, context.lineCounter, [...fieldPaths.dependsOn, index]) ?? context.documentRange;
    const first = firstEntries.get(service);
    if (first) {
      context.repeated.push({ service, range, first: first.range });
      return;
    }
    const p99Ms = asNumber(item.p99Ms, figureMaximums.p99Ms, (value) => value > 0);
    const dependency: Dependency = {
      service,
      call: item.call === 'async' ? 'async' : 'sync',
      rpsShare: asNumber(item.rpsShare, figureMaximums.rpsShare, (value) => value >= 0) ?? 1,
      ...(p99Ms !== undefined && { p99Ms }),
      range,
    };
    firstEntries.set(service, dependency);
    dependencies.push(dependency);
  });
  return dependencies;
}

/**
 * Builds the service a native manifest declares. Fields that fail the schema are left out (the schema finding
 * says why) so the rules still judge the rest; without a usable name, language and workload there is no service.
 */
export function readNativeService(value: unknown, context: NativeContext): Service | undefined {
  const root = asObject(value);
  if (!root || root.apiVersion !== 'svc-lint/v1' || root.kind !== 'Service') return undefined;
  const metadata = asObject(root.metadata);
  const spec = asObject(root.spec);
  const name = asString(metadata?.name);
  const language = asString(spec?.language);
  const workload = oneOf<Workload>(spec?.workload, workloads);
  if (!metadata || !spec || !name || !language || !workload) return undefined;

  const teamLanguages = asObject(spec.team)?.languages;
  const teamLanguageIds = Array.isArray(teamLanguages)
    ? context.languages.resolveAll(teamLanguages.filter((item): item is string => typeof item === 'string'))
    : undefined;
  const peakRps = asNumber(asObject(spec.traffic)?.peakRps, figureMaximums.peakRps, (value) => value >= 0);
  const p99Ms = asNumber(asObject(spec.latency)?.p99Ms, figureMaximums.p99Ms, (value) => value > 0);
  const owner = asString(metadata.owner);
  const description = typeof metadata.description === 'string' && metadata.description.length <= 4096 ? ownString(metadata.description) : undefined;

  const locations: Service['locations'] = { document: context.documentRange };
  for (const [field, path] of Object.entries(fieldPaths) as [ServiceField, YamlPath][]) {
    const range = rangeAtPath(context.doc, context.lineCounter, path);
    if (range) locations[field] = range;
  }

  return {
    name,
    ...(owner !== undefined && { owner }),
    ...(description !== undefined && { description }),
    language,
    languageId: context.languages.resolve(language),
    workload,
    ...(peakRps !== undefined && { peakRps }),
    ...(p99Ms !== undefined && { p99Ms }),
    deploymentTarget:
      oneOf<DeploymentTarget>(asObject(spec.deployment)?.target, deploymentTargets) ?? 'container',
    ...(teamLanguageIds !== undefined && { teamLanguages: teamLanguageIds }),
    dependsOn: readDependencies(spec.dependsOn, context),
    file: context.file,
    documentIndex: context.documentIndex,
    format: 'svc-lint/v1',
    locations,
  };
}
