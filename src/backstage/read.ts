import type { Document, LineCounter } from 'yaml';
import type { LanguageRegistry } from '../templates/types.js';
import { workloads, type DeploymentTarget, type ManifestFile, type Range, type Service, type ServiceField } from '../types.js';
import { locate, rangeOfNode } from '../yaml/locate.js';
import {
  annotationKeys,
  knownAnnotationKeys,
  parseDeployment,
  parseP99Ms,
  parsePeakRps,
  parseWorkload,
  type Parsed,
} from './annotations.js';
import { readAsyncDeps, reportUnmatchedAsyncDeps } from './async-deps.js';
import { readDependencies } from './dependencies.js';
import { serviceKey } from './entity-ref.js';
import {
  documentStart,
  findLanguageTag,
  isServiceComponent,
  readSvcLintAnnotations,
  type Annotation,
  type LanguageTag,
} from './entity.js';
import { parseTeamLanguages } from './team-languages.js';
import { keyRange, textAt } from './nodes.js';
import type { BackstageReadResult, SchemaProblem } from './types.js';

const defaultDeployment: DeploymentTarget = 'container';

export type ReportProblem = (annotationKey: string, range: Range, problem: string) => void;

/**
 * Maps one catalog entity to a service. Service and website components opt in
 * with an `svc-lint.dev/*` annotation or a tag naming a known language;
 * every other entity is skipped.
 */
export function readBackstageDocument(
  doc: Document,
  lineCounter: LineCounter,
  file: ManifestFile,
  documentIndex: number,
  languages: LanguageRegistry,
): BackstageReadResult {
  if (!isServiceComponent(doc)) return { kind: 'skip' };
  const annotations = readSvcLintAnnotations(doc, lineCounter);
  const languageTag = findLanguageTag(doc, lineCounter, languages);
  if (annotations.size === 0 && !languageTag) return { kind: 'skip' };

  const problems: SchemaProblem[] = [];
  const documentRange = documentStart(doc, lineCounter);
  const locations: Service['locations'] = { document: documentRange };
  // A missing annotation is reported where it would have to be added.
  const missingAt =
    keyRange(doc, lineCounter, ['metadata', 'annotations']) ?? keyRange(doc, lineCounter, ['metadata']) ?? documentRange;
  const report: ReportProblem = (annotationKey, range, problem) => {
    problems.push({ path: `metadata.annotations.${annotationKey}`, problem, range });
  };
  reportUnreadableAnnotations(annotations, report);

  const parse = <T>(key: string, field: ServiceField, parser: (text: string) => Parsed<T>): T | undefined => {
    const annotation = annotations.get(key);
    if (!annotation) return undefined;
    locations[field] = annotation.valueRange;
    if (annotation.text === undefined) return undefined;
    const parsed = parser(annotation.text);
    if (!parsed.ok) {
      report(key, annotation.valueRange, parsed.problem);
      return undefined;
    }
    return parsed.value;
  };

  const nameNode = locate(doc, ['metadata', 'name']).node;
  const name = textAt(doc, ['metadata', 'name'])?.trim();
  if (name && nameNode) {
    locations.name = rangeOfNode(nameNode, lineCounter) ?? documentRange;
  } else {
    const range = keyRange(doc, lineCounter, ['metadata', 'name']) ?? missingAt;
    problems.push({ path: 'metadata.name', problem: 'is required: give the component a name', range });
  }
  const namespace = textAt(doc, ['metadata', 'namespace']);

  const language = readLanguage(annotations.get(annotationKeys.language), languageTag, missingAt, report);
  if (language) locations.language = language.range;

  const workload = parse(annotationKeys.workload, 'workload', parseWorkload);
  if (!annotations.has(annotationKeys.workload)) {
    report(annotationKeys.workload, missingAt, `is required: add it with one of ${workloads.join(', ')}`);
  }
  const peakRps = parse(annotationKeys.peakRps, 'peakRps', parsePeakRps);
  const p99Ms = parse(annotationKeys.p99Ms, 'p99Ms', parseP99Ms);
  // As in native manifests, a bad deployment target is reported and the default is used.
  const deployment = parse(annotationKeys.deployment, 'deploymentTarget', parseDeployment) ?? defaultDeployment;
  const teamLanguages = parse(annotationKeys.teamLanguages, 'teamLanguages', (text) =>
    parseTeamLanguages(text, languages),
  );

  const asyncDeps = readAsyncDeps(annotations.get(annotationKeys.asyncDeps), namespace, report);
  const asyncKeys = new Set(asyncDeps.map((entry) => entry.service));
  const dependsOn = readDependencies({ doc, lineCounter, namespace, asyncKeys, problems });
  const dependsOnKey = keyRange(doc, lineCounter, ['spec', 'dependsOn']);
  if (dependsOnKey) locations.dependsOn = dependsOnKey;
  reportUnmatchedAsyncDeps(annotations.get(annotationKeys.asyncDeps), asyncDeps, dependsOn, report);

  if (!name || !language || !workload) return { kind: 'invalid', problems };
  const owner = textAt(doc, ['spec', 'owner']);
  const description = textAt(doc, ['metadata', 'description']);
  const service: Service = {
    name: serviceKey(namespace, name),
    ...(owner !== undefined ? { owner } : {}),
    ...(description !== undefined ? { description } : {}),
    language: language.text,
    languageId: languages.resolve(language.text),
    workload,
    ...(peakRps !== undefined ? { peakRps } : {}),
    ...(p99Ms !== undefined ? { p99Ms } : {}),
    deploymentTarget: deployment,
    ...(teamLanguages !== undefined ? { teamLanguages } : {}),
    dependsOn,
    file,
    documentIndex,
    format: 'backstage',
    locations,
  };
  return { kind: 'service', service, problems };
}

function reportUnreadableAnnotations(annotations: Map<string, Annotation>, report: ReportProblem): void {
  for (const annotation of annotations.values()) {
    if (!knownAnnotationKeys.includes(annotation.key)) {
      report(annotation.key, annotation.keyRange, `is not an svc-lint annotation (known: ${knownAnnotationKeys.join(', ')})`);
    } else if (annotation.text === undefined) {
      report(annotation.key, annotation.valueRange, 'must be a string');
    }
  }
}

/** The annotation wins over tags; an empty or unreadable annotation is not replaced by a tag. */
function readLanguage(
  annotation: Annotation | undefined,
  tag: LanguageTag | undefined,
  missingAt: Range,
  report: ReportProblem,
): LanguageTag | undefined {
  if (annotation) {
    const text = annotation.text?.trim();
    if (text) return { text, range: annotation.valueRange };
    if (annotation.text !== undefined) {
      report(annotationKeys.language, annotation.valueRange, 'must name a language, e.g. go or python');
    }
    return undefined;
  }
  if (tag) return tag;
  report(annotationKeys.language, missingAt, 'is required: add this annotation or a tag naming the language, e.g. go or python');
  return undefined;
}
