import { workloads, type DeploymentTarget, type Workload } from '../../types.js';
import { closeMatches, suggestionOf } from '../../text/closest.js';
import {
  annotationKeys,
  annotationPrefix,
  knownAnnotationKeys,
  parseDeployment,
  parseP99Ms,
  parsePeakRps,
  parseWorkload,
} from './annotations.js';
import { readAnnotation, type ReadContext } from './context.js';
import type { LanguageTag } from './entity.js';
import { entityNameRule, isValidEntityName, isValidNamespace, namespaceRule } from './names.js';
import { keyRange, textAt, valueRangeAt } from './nodes.js';
import { parseTeamLanguages } from './team-languages.js';

const defaultDeployment: DeploymentTarget = 'container';

export function reportUnreadableAnnotations(context: ReadContext): void {
  for (const annotation of context.annotations.values()) {
    if (!knownAnnotationKeys.includes(annotation.key)) {
      const known = knownAnnotationKeys.join(', ');
      // Compared after the shared prefix, which would make every svc-lint.dev/ key look close to every other.
      const close = annotation.key.startsWith(annotationPrefix)
        ? closeMatches(annotation.key.slice(annotationPrefix.length), knownAnnotationKeys.map((key) => key.slice(annotationPrefix.length)))
        : [];
      const suggestion = suggestionOf(close.map((name) => `${annotationPrefix}${name}`));
      context.report(annotation.key, annotation.keyRange, `is not an svc-lint annotation${suggestion} (known: ${known})`);
    } else if (annotation.text === undefined) {
      context.report(annotation.key, annotation.valueRange, 'must be a string');
    }
  }
}

/** The entity's name, checked against Backstage's rules (an invalid one is reported at the name and not used). */
export function readName(context: ReadContext): string | undefined {
  const { doc, lineCounter, locations } = context;
  const name = textAt(doc, ['metadata', 'name'])?.trim();
  const range = valueRangeAt(doc, lineCounter, ['metadata', 'name']);
  if (name && range) {
    if (!isValidEntityName(name)) {
      context.problems.push({ path: 'metadata.name', problem: `${entityNameRule} (got ${JSON.stringify(name)})`, range });
      return undefined;
    }
    locations.name = range;
    return name;
  }
  context.problems.push({
    path: 'metadata.name',
    problem: 'is required: give the component a name',
    range: keyRange(doc, lineCounter, ['metadata', 'name']) ?? context.missingAt,
  });
  return undefined;
}

/** The entity's namespace (undefined for the default), checked against Backstage's rules. */
export function readNamespace(context: ReadContext): { namespace?: string; valid: boolean } {
  const { doc, lineCounter } = context;
  const namespace = textAt(doc, ['metadata', 'namespace']);
  if (namespace === undefined) return { valid: true };
  if (isValidNamespace(namespace)) return { namespace, valid: true };
  const range = valueRangeAt(doc, lineCounter, ['metadata', 'namespace']) ?? context.missingAt;
  context.problems.push({ path: 'metadata.namespace', problem: `${namespaceRule} (got ${JSON.stringify(namespace)})`, range });
  return { valid: false };
}

/** The annotation wins over tags; an empty or unreadable annotation is not replaced by a tag. */
export function readLanguage(context: ReadContext, tag: LanguageTag | undefined): LanguageTag | undefined {
  const annotation = context.annotations.get(annotationKeys.language);
  let language: LanguageTag | undefined;
  if (annotation) {
    const text = annotation.text?.trim();
    if (text) language = { text, range: annotation.valueRange };
    else if (annotation.text !== undefined) {
      context.report(annotationKeys.language, annotation.valueRange, 'must name a language, e.g. go or python');
    }
  } else if (tag) {
    language = tag;
  } else {
    const problem = 'is required: add this annotation or a tag naming the language, e.g. go or python';
    context.report(annotationKeys.language, context.missingAt, problem);
  }
  if (language) context.locations.language = language.range;
  return language;
}

export function readWorkload(context: ReadContext): Workload | undefined {
  if (!context.annotations.has(annotationKeys.workload)) {
    context.report(annotationKeys.workload, context.missingAt, `is required: add it with one of ${workloads.join(', ')}`);
    return undefined;
  }
  return readAnnotation(context, annotationKeys.workload, 'workload', parseWorkload);
}

export interface OptionalFields {
  peakRps?: number;
  p99Ms?: number;
  deploymentTarget: DeploymentTarget;
  teamLanguages?: readonly string[];
}

export function readOptionalFields(context: ReadContext): OptionalFields {
  const peakRps = readAnnotation(context, annotationKeys.peakRps, 'peakRps', parsePeakRps);
  const p99Ms = readAnnotation(context, annotationKeys.p99Ms, 'p99Ms', parseP99Ms);
  // As in native manifests, a bad deployment target is reported and the default is used.
  const deployment = readAnnotation(context, annotationKeys.deployment, 'deploymentTarget', parseDeployment);
  const teamLanguages = readAnnotation(context, annotationKeys.teamLanguages, 'teamLanguages', (text) =>
    parseTeamLanguages(text, context.languages),
  );
  return {
    ...(peakRps !== undefined ? { peakRps } : {}),
    ...(p99Ms !== undefined ? { p99Ms } : {}),
    deploymentTarget: deployment ?? defaultDeployment,
    ...(teamLanguages !== undefined ? { teamLanguages } : {}),
  };
}
