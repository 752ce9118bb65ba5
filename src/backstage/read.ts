import type { Document, LineCounter } from 'yaml';
import type { LanguageRegistry } from '../templates/types.js';
import type { Dependency, ManifestFile } from '../types.js';
import { annotationKeys } from './annotations.js';
import { readAsyncDeps, reportUnmatchedAsyncDeps } from './async-deps.js';
import { createContext, type ReadContext } from './context.js';
import { readDependencies } from './dependencies.js';
import { serviceKey } from './entity-ref.js';
import { findLanguageTag, isServiceComponent, readSvcLintAnnotations } from './entity.js';
import { readLanguage, readName, readOptionalFields, readWorkload, reportUnreadableAnnotations } from './fields.js';
import { keyRange, textAt } from './nodes.js';
import type { BackstageReadResult } from './types.js';

/**
 * Maps one catalog entity to a service. Service and website components opt in with an `svc-lint.dev/*`
 * annotation; a tag naming a known language alone does not opt in (many catalogs tag components with their
 * language and nothing else), it only supplies the language. Every other entity is skipped.
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
  if (annotations.size === 0) return { kind: 'skip' };
  const languageTag = findLanguageTag(doc, lineCounter, languages);

  const context = createContext(doc, lineCounter, languages, annotations);
  reportUnreadableAnnotations(context);
  const name = readName(context);
  const namespace = textAt(doc, ['metadata', 'namespace']);
  const language = readLanguage(context, languageTag);
  const workload = readWorkload(context);
  const optional = readOptionalFields(context);
  const dependsOn = readDependencyEdges(context, namespace);
  const { problems, locations } = context;

  if (!name || !language || !workload) {
    return { kind: 'invalid', problems, ...(name ? { service: serviceKey(namespace, name) } : {}) };
  }
  const owner = textAt(doc, ['spec', 'owner']);
  const description = textAt(doc, ['metadata', 'description']);
  return {
    kind: 'service',
    problems,
    service: {
      name: serviceKey(namespace, name),
      ...(owner !== undefined ? { owner } : {}),
      ...(description !== undefined ? { description } : {}),
      language: language.text,
      languageId: languages.resolve(language.text),
      workload,
      ...optional,
      dependsOn,
      file,
      documentIndex,
      format: 'backstage',
      locations,
    },
  };
}

function readDependencyEdges(context: ReadContext, namespace: string | undefined): Dependency[] {
  const { doc, lineCounter, problems, report } = context;
  const asyncAnnotation = context.annotations.get(annotationKeys.asyncDeps);
  const asyncDeps = readAsyncDeps(asyncAnnotation, namespace, report);
  const asyncKeys = new Set(asyncDeps.map((entry) => entry.service));
  const dependsOn = readDependencies({ doc, lineCounter, namespace, asyncKeys, problems });
  const dependsOnKey = keyRange(doc, lineCounter, ['spec', 'dependsOn']);
  if (dependsOnKey) context.locations.dependsOn = dependsOnKey;
  reportUnmatchedAsyncDeps(asyncAnnotation, asyncDeps, dependsOn, report);
  return dependsOn;
}
export { isBackstageDocument } from './entity.js';
