import { compareText } from './compare.js';
import { MinQueue } from './min-queue.js';
import { nameParts, type NamePartsIndex } from './name-parts.js';

export interface SuggestionOptions {
  /** The largest edit distance offered, whatever the length of the name. */
  maxDistance: number;
  maxSuggestions: number;
  /** A longer name may be further off: up to this fraction of its length (rounded down), when that is more. */
  maxDistanceRatio?: number;
  /**
   * Also offer names that contain the name, or that it contains, as whole `-`-separated parts (`apps-service-service`
   * → `apps-service`), when the parts added are no longer than the name they are added to.
   */
  wholeParts?: boolean;
  /** Offer only the nearest names (all of them, up to `maxSuggestions`), not further ones after them. */
  nearestOnly?: boolean;
}

/** The candidates closest to `name` (ignoring case), nearest first, ties by name. */
export function closestNames(name: string, candidates: Iterable<string>, options: SuggestionOptions): string[] {
  return nameIndex(candidates).closest(name, options);
}

export interface NameIndex {
  /** The candidates closest to `name` (ignoring case), nearest first, ties by name (lower-cased, then as written). */
  closest(name: string, options: SuggestionOptions): string[];
}

interface TrieNode {
  children: TrieNode[];
  /** The code unit that leads here from the parent. */
  unit: string;
  /** The candidates (as given) whose lower-cased form ends here, sorted. */
  names: string[];
  /** Position in a depth-first walk with children in order: the lower-cased names' order. */
  rank: number;
}

/**
 * Each lookup expands at most this many trie nodes. Nodes are expanded nearest first, so what a lookup returns is
 * always the nearest names in order; a lookup in a crowded fleet that has to give up early returns fewer of them.
 */
const maxExpandedNodes = 2048;

/** A suggestion found, with the keys it sorts by. */
interface Found {
  candidate: string;
  lowered: string;
  distance: number;
}

/**
 * Candidates indexed for repeated lookups: a trie of their lower-cased names, searched nearest first with a banded
 * row of the edit-distance table per node, and left as soon as no name below can come within reach. A lookup visits
 * the few prefixes close to its name, and stops once it has the names it needs.
 */
export function nameIndex(candidates: Iterable<string>): NameIndex {
  const { root, longest } = buildTrie(candidates);
  let parts: NamePartsIndex | undefined;
  return {
    closest(name, options) {
      const target = name.toLowerCase();
      const limit = Math.max(options.maxDistance, Math.floor((options.maxDistanceRatio ?? 0) * target.length));
      const found = new Map<string, Found>();
      // No name is closer than the difference in length: a reference longer than every name by more than the limit
      // is never compared at all.
      if (target.length - longest <= limit) {
        for (const entry of searchTrie(root, target, limit, options)) found.set(entry.candidate, entry);
      }
      if (options.wholeParts) {
        parts ??= nameParts(allNames(root), longest);
        for (const entry of parts.related(target, options.maxSuggestions)) {
          if (!found.has(entry.candidate)) found.set(entry.candidate, entry);
        }
      }
      const nearest = [...found.values()].sort(compareFound);
      const within = options.nearestOnly ? nearest.filter((entry) => entry.distance === nearest[0]!.distance) : nearest;
      return within.slice(0, options.maxSuggestions).map((entry) => entry.candidate);
    },
  };
}

export function compareFound(a: Found, b: Found): number {
  return a.distance - b.distance || compareText(a.lowered, b.lowered) || compareText(a.candidate, b.candidate);
}

function buildTrie(candidates: Iterable<string>): { root: TrieNode; longest: number } {
  const root: TrieNode = { children: [], unit: '', names: [], rank: 0 };
  const childMaps = new Map<TrieNode, Map<string, TrieNode>>();
  let longest = 0;
  for (const candidate of candidates) {
    let node = root;
    // By UTF-16 code unit, as a lookup walks its target: the two must agree outside the Basic Multilingual Plane too.
    const lowered = candidate.toLowerCase();
    longest = Math.max(longest, lowered.length);
    for (let index = 0; index < lowered.length; index++) {
      const unit = lowered[index]!;
      let children = childMaps.get(node);
      if (!children) childMaps.set(node, (children = new Map()));
      let child = children.get(unit);
      if (!child) {
        child = { children: [], unit, names: [], rank: 0 };
        children.set(unit, child);
      }
      node = child;
    }
    node.names.push(candidate);
  }
  // Children in code-unit order and ranks in depth-first order, without recursion (names may be long).
  let rank = 0;
  const pending: TrieNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    node.rank = rank++;
    node.names.sort(compareText);
    node.children = [...(childMaps.get(node)?.values() ?? [])].sort((a, b) => compareText(a.unit, b.unit));
    for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index]!);
  }
  return { root, longest };
}

function allNames(root: TrieNode): string[] {
  const names: string[] = [];
  const pending: TrieNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    names.push(...node.names);
    pending.push(...node.children);
  }
  return names;
}

/** A trie node waiting to be expanded, or a candidate waiting to be reported, with the row that reached it. */
interface Queued {
  /** For a node: the least distance any name below it can have; for a candidate: its distance. */
  value: number;
  rank: number;
  /** The candidate's place among the names of its node; -1 for a node, which sorts before its own names. */
  nameIndex: number;
  node: TrieNode;
  depth: number;
  /** Where the band of the edit-distance row for `depth` starts in the lookup's arena. */
  band: number;
}

/**
 * The bands of the rows a lookup has computed, end to end in one growing buffer: a lookup allocates no array per
 * node. Cell `column` of row `depth` sits at `band + column - depth + limit`.
 */
class BandArena {
  cells = new Int32Array(1024);
  used = 0;

  allocate(width: number): number {
    if (this.used + width > this.cells.length) {
      const grown = new Int32Array(Math.max(this.cells.length * 2, this.used + width));
      grown.set(this.cells.subarray(0, this.used));
      this.cells = grown;
    }
    const start = this.used;
    this.used += width;
    return start;
  }
}

/**
 * The nearest names within `limit`, nearest first (ties in lower-cased name order): a best-first walk that takes
 * nodes by the least distance their names can have, so names come out in order and the walk stops when it has the
 * names it wants, runs out of nodes within reach, or reaches its budget.
 */
function searchTrie(root: TrieNode, target: string, limit: number, options: SuggestionOptions): Found[] {
  const width = 2 * limit + 1;
  const beyond = limit + 1;
  const arena = new BandArena();
  const rootBand = arena.allocate(width);
  for (let index = 0; index < width; index++) {
    const column = index - limit;
    arena.cells[rootBand + index] = column >= 0 && column <= target.length ? Math.min(column, beyond) : beyond;
  }
  const queue = new MinQueue<Queued>(compareQueued);
  queue.push({ value: 0, rank: root.rank, nameIndex: -1, node: root, depth: 0, band: rootBand });
  const found: Found[] = [];
  let expanded = 0;
  while (found.length < options.maxSuggestions && queue.size > 0 && expanded < maxExpandedNodes) {
    const item = queue.pop()!;
    if (options.nearestOnly && found.length > 0 && item.value > found[0]!.distance) break;
    if (item.nameIndex >= 0) {
      const candidate = item.node.names[item.nameIndex]!;
      found.push({ candidate, lowered: candidate.toLowerCase(), distance: item.value });
      continue;
    }
    expanded += 1;
    const { node, depth, band } = item;
    const last = target.length - depth + limit;
    const distance = last >= 0 && last < width ? arena.cells[band + last]! : beyond;
    if (distance <= limit) {
      node.names.forEach((_, index) => queue.push({ value: distance, rank: node.rank, nameIndex: index, node, depth, band }));
    }
    for (const child of node.children) {
      const next = arena.allocate(width);
      const least = fillNextBand(arena.cells, band, next, depth + 1, child.unit, target, limit);
      if (least <= limit) queue.push({ value: least, rank: child.rank, nameIndex: -1, node: child, depth: depth + 1, band: next });
      else arena.used -= width;
    }
  }
  return found;
}

/** Fills the band of row `row` (after the code unit `unit`) from the band of the row above; returns its least cell. */
function fillNextBand(cells: Int32Array, above: number, next: number, row: number, unit: string, target: string, limit: number): number {
  const width = 2 * limit + 1;
  const beyond = limit + 1;
  let least = beyond;
  for (let index = 0; index < width; index++) {
    const column = row - limit + index;
    let cell = beyond;
    if (column === 0) {
      cell = Math.min(row, beyond);
    } else if (column > 0 && column <= target.length) {
      // In the band above, column c sits at index + 1 and column c - 1 at index.
      const up = index + 1 < width ? cells[above + index + 1]! : beyond;
      const left = index > 0 ? cells[next + index - 1]! : beyond;
      const substitution = cells[above + index]! + (target[column - 1] === unit ? 0 : 1);
      cell = Math.min(up + 1, left + 1, substitution, beyond);
    }
    cells[next + index] = cell;
    if (cell < least) least = cell;
  }
  return least;
}

function compareQueued(a: Queued, b: Queued): number {
  return a.value - b.value || a.rank - b.rank || a.nameIndex - b.nameIndex;
}

/** The candidates close enough to a mistyped identifier to suggest, nearest first (at most three). */
/** How far a typed identifier may be from the names it could stand for: two edits, or a third of its length. */
export function closeMatchOptions(name: string): SuggestionOptions {
  return { maxDistance: Math.max(2, Math.floor(name.length / 3)), maxSuggestions: 3 };
}

export function closeMatches(name: string, candidates: Iterable<string>): string[] {
  return closestNames(name, candidates, closeMatchOptions(name));
}

/** " (did you mean a, b?)" offering `close`, or nothing when it is empty. */
export function suggestionOf(close: readonly string[]): string {
  return close.length > 0 ? ` (did you mean ${close.join(', ')}?)` : '';
}

/** " (did you mean a, b?)" for a mistyped identifier, or nothing when no candidate is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  return suggestionOf(closeMatches(name, candidates));
}
