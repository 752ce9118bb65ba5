import type { Document, LineCounter } from 'yaml';
import type { LanguageRegistry } from '../../languages/registry.js';
import type { Range, Service, ServiceField } from '../../types.js';
import type { Parsed } from './annotations.js';
import { documentStart, type Annotation } from './entity.js';
import { keyRange } from './nodes.js';
import type { EntityValueProblem } from './types.js';

export type ReportProblem = (annotationKey: string, range: Range, problem: string) => void;

/** What the field readers of one entity share: its nodes, what was found so far, and what went wrong. */
export interface ReadContext {
  doc: Document;
  lineCounter: LineCounter;
  languages: LanguageRegistry;
  annotations: ReadonlyMap<string, Annotation>;
  locations: Service['locations'];
  problems: EntityValueProblem[];
  /** Where a missing annotation is reported: where it would have to be added. */
  missingAt: Range;
  report: ReportProblem;
}

export function createContext(
  doc: Document,
  lineCounter: LineCounter,
  languages: LanguageRegistry,
  annotations: ReadonlyMap<string, Annotation>,
): ReadContext {
  const documentRange = documentStart(doc, lineCounter);
  const problems: EntityValueProblem[] = [];
  return {
    doc,
    lineCounter,
    languages,
    annotations,
    locations: { document: documentRange },
    problems,
    missingAt:
      keyRange(doc, lineCounter, ['metadata', 'annotations']) ??
      keyRange(doc, lineCounter, ['metadata']) ??
      documentRange,
    report: (annotationKey, range, problem) => {
      problems.push({ path: `metadata.annotations.${annotationKey}`, problem, range });
    },
  };
}

/**
 * Parses one annotation into a field. The field's location is its value even when the
 * value is bad, as for native manifests; a bad value is reported and yields undefined.
 */
export function readAnnotation<T>(
  context: ReadContext,
  key: string,
  field: ServiceField,
  parser: (text: string) => Parsed<T>,
): T | undefined {
  const annotation = context.annotations.get(key);
  if (!annotation) return undefined;
  context.locations[field] = annotation.valueRange;
  if (annotation.text === undefined) return undefined;
  const parsed = parser(annotation.text);
  if (!parsed.ok) {
    context.report(key, annotation.valueRange, parsed.problem);
    return undefined;
  }
  return parsed.value;
}
