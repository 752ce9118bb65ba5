import type { Document, LineCounter } from 'yaml';
import type { LanguageRegistry } from '../../languages/registry.js';
import type { Dependency, ManifestFile, RepeatedDependency } from '../../types.js';
import { annotationKeys } from './annotations.js';
import { readAsyncDeps, reportUnmatchedAsyncDeps } from './async-deps.js';
import { createContext, type ReadContext } from './context.js';
import { readDependencies } from './dependencies.js';
import { serviceKey } from './entity-ref.js';
import { ownString } from '../../text/own-string.js';
import { findLanguageTag, isComponent, judgedTypes, readApiVersions, readSvcLintAnnotations } from './entity.js';
import { readLanguage, readName, readNamespace, readOptionalFields, readWorkload, reportUnreadableAnnotations } from './fields.js';
import { isValidEntityName, isValidNamespace } from './names.js';
import { keyRange, textAt, valueRangeAt } from './nodes.js';
import type { BackstageReadResult, SkippedEntityNotice, UndeclaredEntity } from './types.js';

/**
 * Maps one catalog entity to a service. Service and website components opt in with an `svc-lint.dev/*`
 * annotation; a tag naming a known language alone does not opt in (many catalogs tag components with their
 * language and nothing else), it only supplies the language. Every other entity is skipped; a component that
 * exists without opting in is known to the workspace (a call to it is not to an unknown service), and an entity
 * that opts in but is of a kind or type svc-lint does not judge is skipped with a notice saying so.
 */
export function readBackstageDocument(
  doc: Document,
  lineCounter: LineCounter,
  file: ManifestFile,
  documentIndex: number,
  languages: LanguageRegistry,
): BackstageReadResult {
  const apiVersion = textAt(doc, ['apiVersion']) ?? '';
  const kind = textAt(doc, ['kind']) ?? '';
  const component = isComponent(doc);
  const annotations = readSvcLintAnnotations(doc, lineCounter);
  const undeclared = component && readApiVersions.includes(apiVersion) ? undeclaredComponent(doc, lineCounter) : undefined;
  const known = (reason: string) => (undeclared ? { undeclared: { ...undeclared, reason } } : {});

  if (annotations.size === 0) {
    const reason = component ? 'a Backstage Component without svc-lint.dev/* annotations' : `a Backstage ${kind || 'entity without a kind'}`;
    return { kind: 'skip', reason, ...known(reason) };
  }
  const notice = unjudgedNotice(doc, lineCounter, { apiVersion, kind, component });
  if (notice) {
    return { kind: 'skip', reason: 'an entity of a kind or type svc-lint does not judge', notice, ...known('a Component svc-lint does not judge') };
  }

  const languageTag = findLanguageTag(doc, lineCounter, languages);
  const context = createContext(doc, lineCounter, languages, annotations);
  reportUnreadableAnnotations(context);
  const name = readName(context);
  const { namespace, valid: validNamespace } = readNamespace(context);
  const language = readLanguage(context, languageTag);
  const workload = readWorkload(context);
  const optional = readOptionalFields(context);
  const repeated: RepeatedDependency[] = [];
  const dependsOn = readDependencyEdges(context, namespace, repeated);
  const { problems, locations } = context;

  if (!name || !validNamespace || !language || !workload) {
    const service = name && validNamespace ? serviceKey(namespace, name) : undefined;
    return { kind: 'invalid', problems, repeated, ...(service ? { service } : {}), ...known('a Component whose svc-lint annotations are not valid') };
  }
  const owner = textAt(doc, ['spec', 'owner']);
  const description = textAt(doc, ['metadata', 'description']);
  return {
    kind: 'service',
    problems,
    repeated,
    service: {
      name: serviceKey(namespace, name),
      // Strings of their own, as in native manifests: none keeps the file's text alive (see ownString).
      ...(owner !== undefined ? { owner: ownString(owner) } : {}),
      ...(description !== undefined ? { description: ownString(description) } : {}),
      language: ownString(language.text),
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

/** A component's service name and where it stands, when its name and namespace are valid for Backstage. */
function undeclaredComponent(doc: Document, lineCounter: LineCounter): Omit<UndeclaredEntity, 'reason'> | undefined {
  const name = textAt(doc, ['metadata', 'name'])?.trim();
  const namespace = textAt(doc, ['metadata', 'namespace']);
  const range = valueRangeAt(doc, lineCounter, ['metadata', 'name']);
  if (!name || !range || !isValidEntityName(name) || (namespace !== undefined && !isValidNamespace(namespace))) return undefined;
  return { name: serviceKey(namespace, name), range };
}

/** Why an entity that opts in is still not judged: its apiVersion, its kind, or its component type. */
function unjudgedNotice(
  doc: Document,
  lineCounter: LineCounter,
  { apiVersion, kind, component }: { apiVersion: string; kind: string; component: boolean },
): SkippedEntityNotice | undefined {
  const entity = textAt(doc, ['metadata', 'name'])?.trim() || '(unnamed)';
  const at = (path: string[]) => valueRangeAt(doc, lineCounter, path) ?? keyRange(doc, lineCounter, path) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
  if (!readApiVersions.includes(apiVersion)) {
    return { messageId: 'apiVersion', data: { entity, apiVersion, read: readApiVersions.join(' and ') }, range: at(['apiVersion']) };
  }
  if (!component) return { messageId: 'kind', data: { entity, kind: kind || '(none)' }, range: at(['kind']) };
  const type = textAt(doc, ['spec', 'type'])?.trim() ?? '';
  if (judgedTypes.includes(type.toLowerCase())) return undefined;
  const typeRange = valueRangeAt(doc, lineCounter, ['spec', 'type']) ?? keyRange(doc, lineCounter, ['spec']) ?? at(['kind']);
  return { messageId: 'type', data: { entity, type: type || '(none)', judged: judgedTypes.join(' and ') }, range: typeRange };
}

function readDependencyEdges(context: ReadContext, namespace: string | undefined, repeated: RepeatedDependency[]): Dependency[] {
  const { doc, lineCounter, problems, report } = context;
  const asyncAnnotation = context.annotations.get(annotationKeys.asyncDeps);
  const asyncDeps = readAsyncDeps(asyncAnnotation, namespace, report);
  const asyncKeys = new Set(asyncDeps.map((entry) => entry.service));
  const dependsOn = readDependencies({ doc, lineCounter, namespace, asyncKeys, problems, repeated });
  const dependsOnKey = keyRange(doc, lineCounter, ['spec', 'dependsOn']);
  if (dependsOnKey) context.locations.dependsOn = dependsOnKey;
  reportUnmatchedAsyncDeps(asyncAnnotation, asyncDeps, dependsOn, report);
  return dependsOn;
}
export { isBackstageDocument } from './entity.js';
