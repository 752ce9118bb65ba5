import { isNode, isSeq, type Document, type LineCounter } from 'yaml';
import type { LanguageRegistry } from '../../languages/registry.js';
import type { Range } from '../../types.js';
import { rangeOfNode } from '../../yaml/locate.js';
import { annotationPrefix } from './annotations.js';
import { keyRange, locateEntity, mapPairs, pairValueRange, scalarText, textAt } from './nodes.js';

/** The versions of the catalog model's `backstage.io` group whose Components svc-lint reads. */
export const readApiVersions = ['backstage.io/v1alpha1', 'backstage.io/v1beta1'];
/** Component types that are running services; the others (library, documentation, …) are not judged. */
export const judgedTypes = ['service', 'website'];

export interface Annotation {
  key: string;
  /** Undefined when the value is not a scalar. */
  text: string | undefined;
  keyRange: Range;
  valueRange: Range;
}

export interface LanguageTag {
  text: string;
  range: Range;
}

/** A Backstage catalog entity (`apiVersion: backstage.io/...`), whatever its kind; other groups are other tools'. */
export function isBackstageDocument(doc: Document): boolean {
  return isBackstageApiVersion(textAt(doc, ['apiVersion']));
}

export function isBackstageApiVersion(apiVersion: string | undefined): boolean {
  return apiVersion?.startsWith('backstage.io/') ?? false;
}

/** Backstage compares kinds case-insensitively. */
export function isComponent(doc: Document): boolean {
  return textAt(doc, ['kind'])?.toLowerCase() === 'component';
}

/** The `svc-lint.dev/*` annotations by key, in document order, through aliases and merge keys. */
export function readSvcLintAnnotations(doc: Document, lineCounter: LineCounter): Map<string, Annotation> {
  const annotations = new Map<string, Annotation>();
  for (const pair of mapPairs(doc, locateEntity(doc, ['metadata', 'annotations']).node)) {
    const key = scalarText(doc, pair.key);
    if (key === undefined || !key.startsWith(annotationPrefix) || annotations.has(key)) continue;
    const keyRangeOfPair = rangeOfNode(pair.key, lineCounter);
    const valueRange = pairValueRange(pair, lineCounter);
    if (!keyRangeOfPair || !valueRange) continue;
    annotations.set(key, { key, text: scalarText(doc, pair.value), keyRange: keyRangeOfPair, valueRange });
  }
  return annotations;
}

/** Whether the entity opts in to svc-lint: at least one `svc-lint.dev/*` annotation. */
export function optsIn(doc: Document): boolean {
  return mapPairs(doc, locateEntity(doc, ['metadata', 'annotations']).node).some((pair) =>
    scalarText(doc, pair.key)?.startsWith(annotationPrefix),
  );
}

/** The first tag that names a language svc-lint knows (directly or by alias). */
export function findLanguageTag(
  doc: Document,
  lineCounter: LineCounter,
  languages: LanguageRegistry,
): LanguageTag | undefined {
  const { node } = locateEntity(doc, ['metadata', 'tags']);
  if (!isSeq(node)) return undefined;
  for (const item of node.items) {
    const text = scalarText(doc, item);
    if (text === undefined || !languages.isKnown(languages.resolve(text))) continue;
    const range = isNode(item) ? rangeOfNode(item, lineCounter) : undefined;
    if (range) return { text, range };
  }
  return undefined;
}

/** The document's first key: where findings about the entity as a whole point. */
export function documentStart(doc: Document, lineCounter: LineCounter): Range {
  const firstPair = mapPairs(doc, doc.contents)[0];
  const range = firstPair ? rangeOfNode(firstPair.key, lineCounter) : undefined;
  return range ?? keyRange(doc, lineCounter, ['kind']) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
}
