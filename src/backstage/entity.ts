import { isNode, isSeq, type Document, type LineCounter } from 'yaml';
import type { LanguageRegistry } from '../templates/types.js';
import type { Range } from '../types.js';
import { locate, rangeOfNode } from '../yaml/locate.js';
import { annotationPrefix } from './annotations.js';
import { keyRange, mapPairs, pairValueRange, scalarText, textAt } from './nodes.js';

const backstageApiVersions = ['backstage.io/v1alpha1', 'backstage.io/v1beta1'];
const serviceTypes = ['service', 'website'];

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

/** Any Backstage catalog entity (`apiVersion: backstage.io/...`), whatever its kind. */
export function isBackstageDocument(doc: Document): boolean {
  return (textAt(doc, ['apiVersion']) ?? '').startsWith('backstage.io/');
}

export function isServiceComponent(doc: Document): boolean {
  const apiVersion = textAt(doc, ['apiVersion']) ?? '';
  const type = textAt(doc, ['spec', 'type']) ?? '';
  return backstageApiVersions.includes(apiVersion) && textAt(doc, ['kind']) === 'Component' && serviceTypes.includes(type);
}

/** The `svc-lint.dev/*` annotations by key, in document order. */
export function readSvcLintAnnotations(doc: Document, lineCounter: LineCounter): Map<string, Annotation> {
  const annotations = new Map<string, Annotation>();
  for (const pair of mapPairs(locate(doc, ['metadata', 'annotations']).node)) {
    const key = scalarText(pair.key);
    if (key === undefined || !key.startsWith(annotationPrefix) || annotations.has(key)) continue;
    const keyRangeOfPair = rangeOfNode(pair.key, lineCounter);
    const valueRange = pairValueRange(pair, lineCounter);
    if (!keyRangeOfPair || !valueRange) continue;
    annotations.set(key, { key, text: scalarText(pair.value), keyRange: keyRangeOfPair, valueRange });
  }
  return annotations;
}

/** The first tag that names a language svc-lint knows (directly or by alias). */
export function findLanguageTag(
  doc: Document,
  lineCounter: LineCounter,
  languages: LanguageRegistry,
): LanguageTag | undefined {
  const { node } = locate(doc, ['metadata', 'tags']);
  if (!isSeq(node)) return undefined;
  for (const item of node.items) {
    const text = scalarText(item);
    if (text === undefined || !languages.isKnown(languages.resolve(text))) continue;
    const range = isNode(item) ? rangeOfNode(item, lineCounter) : undefined;
    if (range) return { text, range };
  }
  return undefined;
}

/** The document's first key: where findings about the entity as a whole point. */
export function documentStart(doc: Document, lineCounter: LineCounter): Range {
  const firstPair = mapPairs(doc.contents)[0];
  const range = firstPair ? rangeOfNode(firstPair.key, lineCounter) : undefined;
  return range ?? keyRange(doc, lineCounter, ['kind']) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
}
