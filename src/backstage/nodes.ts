import { isMap, isScalar, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { Range } from '../types.js';
import { locate, rangeOfNode, type YamlPath } from '../yaml/locate.js';

/** The text of a scalar (numbers and booleans as written); undefined for maps, sequences and nulls. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const { value } = node;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return node.source ?? String(value);
  return undefined;
}

export function textAt(doc: Document, path: YamlPath): string | undefined {
  return scalarText(locate(doc, path).node);
}

export function keyRange(doc: Document, lineCounter: LineCounter, path: YamlPath): Range | undefined {
  const { pair } = locate(doc, path);
  return pair ? rangeOfNode(pair.key, lineCounter) : undefined;
}

/** The range of a value; an empty value (`key:`) falls back to its key. */
export function pairValueRange(pair: Pair<Node, Node | null>, lineCounter: LineCounter): Range | undefined {
  const value = pair.value;
  if (value?.range && value.range[1] > value.range[0]) return rangeOfNode(value, lineCounter);
  return rangeOfNode(pair.key, lineCounter);
}

export function mapPairs(node: unknown): Pair<Node, Node | null>[] {
  return isMap(node) ? (node.items as Pair<Node, Node | null>[]) : [];
}
