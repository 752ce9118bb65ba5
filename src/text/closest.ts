import { compareNames } from '../graph/format.js';

/**
 * Levenshtein distance: insertions, deletions and substitutions each cost 1.
 * Stops early once every path exceeds `limit`, returning `limit + 1`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    if (Math.min(...current) > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

export interface SuggestionOptions {
  maxDistance: number;
  maxSuggestions: number;
}

/** The candidates closest to `name` (ignoring case), nearest first, ties by name. */
export function closestNames(name: string, candidates: Iterable<string>, options: SuggestionOptions): string[] {
  const target = name.toLowerCase();
  const near: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - target.length) > options.maxDistance) continue;
    const distance = editDistance(target, candidate.toLowerCase(), options.maxDistance);
    if (distance <= options.maxDistance) near.push({ candidate, distance });
  }
  near.sort((a, b) => a.distance - b.distance || compareNames(a.candidate, b.candidate));
  return near.slice(0, options.maxSuggestions).map((entry) => entry.candidate);
}

/** " (did you mean a, b?)" for a mistyped identifier, or nothing when no candidate is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const close = closestNames(name, candidates, { maxDistance: Math.max(2, Math.floor(name.length / 3)), maxSuggestions: 3 });
  return close.length > 0 ? ` (did you mean ${close.join(', ')}?)` : '';
}
