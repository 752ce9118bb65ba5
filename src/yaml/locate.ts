import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { Range } from '../types.js';

export type YamlPath = readonly (string | number)[];

/**
 * A collection's range runs to the start of the line after its last item; end it where that item ends instead,
 * so a range never points past the text it covers.
 */
function endBeforeLineBreak(lineCounter: LineCounter, position: { line: number; col: number }) {
  const { lineStarts } = lineCounter;
  if (position.col !== 1 || position.line < 2) return position;
  const previousStart = lineStarts[position.line - 2] as number;
  const thisStart = lineStarts[position.line - 1] as number;
  return { line: position.line - 1, col: thisStart - previousStart };
}

export function rangeOfOffsets(lineCounter: LineCounter, start: number, end: number): Range {
  const from = lineCounter.linePos(start);
  let to = lineCounter.linePos(Math.max(start, end));
  if (end > start && to.line > from.line) to = endBeforeLineBreak(lineCounter, to);
  return sharedRange(from.line, from.col, to.line, to.col);
}

// Manifests of one fleet are mostly written from one template, so the same field sits at the same place in
// thousands of files: equal ranges are one frozen object, which takes megabytes off a large run. Positions up to
// 8,191 pack into one exact number as the key; the cache stops growing at a bound, for long-lived processes.
const sharedRanges = new Map<number, Range>();
const packedPositionLimit = 8192;
const maxSharedRanges = 1 << 16;

function sharedRange(line: number, column: number, endLine: number, endColumn: number): Range {
  if (Math.max(line, column, endLine, endColumn) >= packedPositionLimit) return { line, column, endLine, endColumn };
  const key = ((line * packedPositionLimit + column) * packedPositionLimit + endLine) * packedPositionLimit + endColumn;
  let range = sharedRanges.get(key);
  if (!range) {
    range = Object.freeze({ line, column, endLine, endColumn });
    if (sharedRanges.size < maxSharedRanges) sharedRanges.set(key, range);
  }
  return range;
}

/** The range of a node's own text (for a collection, up to its last item). */
export function rangeOfNode(node: Node, lineCounter: LineCounter): Range | undefined {
  if (!node.range) return undefined;
  return rangeOfOffsets(lineCounter, node.range[0], node.range[1]);
}

/** Mappings with more pairs than this are looked up through an index built once, not scanned per lookup. */
const scanLimit = 16;
const pairIndexes = new WeakMap<object, Map<string, Pair<Node, Node | null>>>();

function keyText(pair: Pair<Node, Node | null>): string {
  const pairKey: unknown = pair.key;
  return String(isScalar(pairKey) ? pairKey.value : pairKey);
}

/** The first pair of `map` whose key reads as `key`. */
export function findPair(map: unknown, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  const pairs = map.items as Pair<Node, Node | null>[];
  if (pairs.length <= scanLimit) return pairs.find((pair) => keyText(pair) === key);
  // A file with thousands of unknown keys asks for each of them: one index per mapping keeps that linear.
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of pairs) {
      const text = keyText(pair);
      if (!index.has(text)) index.set(text, pair);
    }
    pairIndexes.set(map, index);
  }
  return index.get(key);
}

export interface LocatedNode {
  /** The node at the path, when it exists. */
  node?: Node;
  /** The pair whose value is the node, when the last path step is a map key. */
  pair?: Pair<Node, Node | null>;
}

/** Walks a document along a path of map keys and sequence indexes. */
export function locate(doc: Document, path: YamlPath): LocatedNode {
  let current: unknown = doc.contents;
  let pair: Pair<Node, Node | null> | undefined;
  for (const step of path) {
    if (typeof step === 'number' && isSeq(current)) {
      current = current.items[step];
      pair = undefined;
    } else {
      pair = findPair(current, String(step));
      if (!pair) return {};
      current = pair.value;
    }
    if (current === undefined) return {};
  }
  return { node: (current ?? undefined) as Node | undefined, pair };
}

/**
 * The range of the value at `path`; when the value is empty (`key:`), the key.
 * `target: 'key'` asks for the key itself (unknown keys, missing properties).
 */
export function rangeAtPath(
  doc: Document,
  lineCounter: LineCounter,
  path: YamlPath,
  target: 'value' | 'key' = 'value',
): Range | undefined {
  const { node, pair } = locate(doc, path);
  if (target === 'key' && pair) return rangeOfNode(pair.key, lineCounter);
  if (node?.range) return rangeOfNode(node, lineCounter);
  if (pair) return rangeOfNode(pair.key, lineCounter);
  return undefined;
}

/** The position of a finding about a whole file. */
export const startOfFile: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };
