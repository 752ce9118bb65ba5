import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { Range } from '../../types.js';
import { rangeOfNode, type YamlPath } from '../../yaml/locate.js';

/** Aliases followed this many times at most: a chain longer than that is not a catalog anyone wrote. */
const maxAliasHops = 100;

/** The node an alias (`*name`) stands for, following aliases of aliases; any other node as it is. */
export function resolved(doc: Document, node: unknown): unknown {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < maxAliasHops; hops++) current = current.resolve(doc);
  return isAlias(current) ? undefined : current;
}

/** The text of a scalar (numbers and booleans as written), through aliases; undefined for maps, sequences and nulls. */
export function scalarText(doc: Document, node: unknown): string | undefined {
  const target = resolved(doc, node);
  if (!isScalar(target)) return undefined;
  const { value } = target;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return target.source ?? String(value);
  return undefined;
}

function isMergeKey(doc: Document, pair: Pair<Node, Node | null>): boolean {
  return scalarText(doc, pair.key) === '<<' && isScalar(pair.key) && !pair.key.type?.startsWith('QUOTE');
}

/**
 * The pairs of a mapping as a reader sees them: its own, then those its merge keys (`<<: *base`, `<<: [*a, *b]`)
 * bring in. The first pair of a key wins, which is YAML's rule for merges: own keys first, then the merged
 * mappings in order. Each mapping is read once, so no chain of merges can make this loop.
 */
export function mapPairs(doc: Document, node: unknown): Pair<Node, Node | null>[] {
  const pairs: Pair<Node, Node | null>[] = [];
  const seen = new Set<unknown>();
  const pending = [resolved(doc, node)];
  while (pending.length > 0) {
    const map = pending.shift();
    if (!isMap(map) || seen.has(map)) continue;
    seen.add(map);
    const merged: unknown[] = [];
    for (const pair of map.items as Pair<Node, Node | null>[]) {
      if (!isMergeKey(doc, pair)) {
        pairs.push(pair);
        continue;
      }
      const value = resolved(doc, pair.value);
      if (isSeq(value)) merged.push(...value.items.map((item) => resolved(doc, item)));
      else merged.push(value);
    }
    pending.push(...merged);
  }
  return pairs;
}

export interface LocatedEntityNode {
  /** The node at the path, aliases resolved. */
  node?: unknown;
  /** The pair whose value the node is, when the last step is a map key: its nodes are where the text stands. */
  pair?: Pair<Node, Node | null>;
}

/** Walks an entity along map keys and sequence indexes, through aliases and merge keys. */
export function locateEntity(doc: Document, path: YamlPath): LocatedEntityNode {
  let current: unknown = resolved(doc, doc.contents);
  let pair: Pair<Node, Node | null> | undefined;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!isSeq(current)) return {};
      current = resolved(doc, current.items[step]);
      pair = undefined;
    } else {
      pair = mapPairs(doc, current).find((candidate) => scalarText(doc, candidate.key) === step);
      if (!pair) return {};
      current = resolved(doc, pair.value);
    }
    if (current === undefined) return {};
  }
  return { node: current ?? undefined, pair };
}

export function textAt(doc: Document, path: YamlPath): string | undefined {
  return scalarText(doc, locateEntity(doc, path).node);
}

export function keyRange(doc: Document, lineCounter: LineCounter, path: YamlPath): Range | undefined {
  const { pair } = locateEntity(doc, path);
  return pair ? rangeOfNode(pair.key, lineCounter) : undefined;
}

/** Where a value stands (an alias where it is used, not where its anchor is); an empty value (`key:`) falls back to its key. */
export function pairValueRange(pair: Pair<Node, Node | null>, lineCounter: LineCounter): Range | undefined {
  const value = pair.value;
  if (value?.range && value.range[1] > value.range[0]) return rangeOfNode(value, lineCounter);
  return rangeOfNode(pair.key, lineCounter);
}

/** The range of the node at `path` as written: an alias's own text when the value is an alias. */
export function valueRangeAt(doc: Document, lineCounter: LineCounter, path: YamlPath): Range | undefined {
  const { node, pair } = locateEntity(doc, path);
  if (pair) return pairValueRange(pair, lineCounter);
  return isNodeWithRange(node) ? rangeOfNode(node, lineCounter) : undefined;
}

function isNodeWithRange(node: unknown): node is Node {
  return typeof node === 'object' && node !== null && 'range' in node && Array.isArray((node as Node).range);
}
