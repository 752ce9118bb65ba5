import { compareText } from './compare.js';

export interface SuggestionOptions {
  maxDistance: number;
  maxSuggestions: number;
}

/** The candidates closest to `name` (ignoring case), nearest first, ties by name. */
export function closestNames(name: string, candidates: Iterable<string>, options: SuggestionOptions): string[] {
  return nameIndex(candidates).closest(name, options);
}

interface TrieNode {
  children: Map<string, TrieNode>;
  /** The candidates (as given) that end here, lower-cased. */
  names: string[];
}

export interface NameIndex {
  /** The candidates closest to `name` (ignoring case), nearest first, ties by name. */
  closest(name: string, options: SuggestionOptions): string[];
}

/**
 * Candidates indexed for repeated lookups: a trie of their lower-cased names, walked with one row of the
 * edit-distance table per node and left as soon as no name below can come within reach. A lookup among thousands of
 * names visits the few prefixes close to it, where comparing with each name made a fleet of unknown dependencies
 * quadratic (minutes at 10,000 services).
 */
export function nameIndex(candidates: Iterable<string>): NameIndex {
  const root: TrieNode = { children: new Map(), names: [] };
  for (const candidate of candidates) {
    let node = root;
    // By UTF-16 code unit, as a lookup walks its target: the two must agree outside the Basic Multilingual Plane too.
    const lowered = candidate.toLowerCase();
    for (let index = 0; index < lowered.length; index++) {
      const character = lowered[index]!;
      let child = node.children.get(character);
      if (!child) {
        child = { children: new Map(), names: [] };
        node.children.set(character, child);
      }
      node = child;
    }
    node.names.push(candidate);
  }
  return {
    closest(name, options) {
      const target = name.toLowerCase();
      const limit = options.maxDistance;
      const width = target.length + 1;
      const beyond = limit + 1;
      // One row of the edit-distance table per trie depth, reused: a lookup allocates nothing per node. Only the band
      // |row - column| <= limit is computed; every cell outside it is beyond the limit anyway.
      const rows: Int32Array[] = [Int32Array.from({ length: width }, (_, column) => Math.min(column, beyond))];
      const near: { candidate: string; distance: number }[] = [];
      const visit = (node: TrieNode, depth: number): void => {
        const row = rows[depth]!;
        const distance = row[target.length]!;
        if (distance <= limit) for (const candidate of node.names) near.push({ candidate, distance });
        const next = (rows[depth + 1] ??= new Int32Array(width));
        const first = Math.max(1, depth + 1 - limit);
        const last = Math.min(target.length, depth + 1 + limit);
        for (const [character, child] of node.children) {
          next.fill(beyond);
          next[0] = Math.min(depth + 1, beyond);
          let best = next[0]!;
          for (let column = first; column <= last; column++) {
            const substitution = row[column - 1]! + (target[column - 1] === character ? 0 : 1);
            const cell = Math.min(row[column]! + 1, next[column - 1]! + 1, substitution, beyond);
            next[column] = cell;
            if (cell < best) best = cell;
          }
          if (best <= limit) visit(child, depth + 1);
        }
      };
      visit(root, 0);
      near.sort((a, b) => a.distance - b.distance || compareText(a.candidate, b.candidate));
      return near.slice(0, options.maxSuggestions).map((entry) => entry.candidate);
    },
  };
}

/** " (did you mean a, b?)" for a mistyped identifier, or nothing when no candidate is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const close = closestNames(name, candidates, { maxDistance: Math.max(2, Math.floor(name.length / 3)), maxSuggestions: 3 });
  return close.length > 0 ? ` (did you mean ${close.join(', ')}?)` : '';
}
