import { compareText } from './compare.js';

/** A name related to another by whole parts, with its edit distance (the length of the parts added or dropped). */
export interface RelatedName {
  candidate: string;
  lowered: string;
  distance: number;
}

export interface NamePartsIndex {
  /**
   * The candidates that contain `target` as whole `-`-separated parts, or that `target` contains so, nearest first
   * and at most `wanted` of each kind; `target` is lower-cased.
   */
  related(target: string, wanted: number): RelatedName[];
}

/** Names of more parts than this are not looked into: service names have a few, and the work grows with the square. */
const maxParts = 16;

/** `a-b-c` → `a`, `b`, `c`, `a-b`, `b-c`: every run of whole parts but the name itself, when it is at least half of it. */
function partRuns(lowered: string): string[] {
  const parts = lowered.split('-');
  if (parts.length < 2 || parts.length > maxParts) return [];
  const runs: string[] = [];
  for (let first = 0; first < parts.length; first++) {
    let run = '';
    for (let last = first; last < parts.length; last++) {
      run = last === first ? parts[first]! : `${run}-${parts[last]}`;
      if (last - first + 1 === parts.length) continue;
      // Parts added may be no longer than the name they are added to.
      if (run.length > 0 && 2 * run.length >= lowered.length) runs.push(run);
    }
  }
  return runs;
}

function byDistance(a: RelatedName, b: RelatedName): number {
  return a.distance - b.distance || compareText(a.lowered, b.lowered) || compareText(a.candidate, b.candidate);
}

/** Keeps the `wanted` nearest of a list, in order, as items arrive: a list never outgrows what a lookup can use. */
function keepNearest(list: RelatedName[], item: RelatedName, wanted: number): void {
  if (list.length >= wanted && byDistance(item, list[list.length - 1]!) >= 0) return;
  let index = list.length;
  while (index > 0 && byDistance(item, list[index - 1]!) < 0) index -= 1;
  list.splice(index, 0, item);
  if (list.length > wanted) list.pop();
}

/**
 * Candidates indexed by their runs of whole parts. Each run keeps only the nearest candidates a lookup can use, and
 * a lookup reads only the runs of its own name, so a run shared by thousands of names (`service`) costs no more
 * than a rare one.
 */
export function nameParts(candidates: readonly string[], longest: number): NamePartsIndex {
  const byName = new Map<string, string[]>();
  for (const candidate of candidates) {
    const lowered = candidate.toLowerCase();
    const same = byName.get(lowered);
    if (same) same.push(candidate);
    else byName.set(lowered, [candidate]);
  }
  // Built for the number of suggestions the first lookup wants; rebuilt should one want more.
  let containers: { wanted: number; byRun: Map<string, RelatedName[]> } | undefined;
  const containersFor = (wanted: number) => {
    if (containers && containers.wanted >= wanted) return containers.byRun;
    const byRun = new Map<string, RelatedName[]>();
    for (const candidate of candidates) {
      const lowered = candidate.toLowerCase();
      for (const run of partRuns(lowered)) {
        let list = byRun.get(run);
        if (!list) byRun.set(run, (list = []));
        keepNearest(list, { candidate, lowered, distance: lowered.length - run.length }, wanted);
      }
    }
    containers = { wanted, byRun };
    return byRun;
  };

  return {
    related(target, wanted) {
      if (wanted <= 0) return [];
      const found: RelatedName[] = [];
      for (const containing of containersFor(wanted).get(target) ?? []) keepNearest(found, containing, wanted);
      // A contained name is at least half the target's length: a longer target contains none.
      if (target.length <= 2 * longest) {
        for (const run of partRuns(target)) {
          for (const candidate of byName.get(run) ?? []) {
            keepNearest(found, { candidate, lowered: run, distance: target.length - run.length }, wanted);
          }
        }
      }
      return found;
    },
  };
}
