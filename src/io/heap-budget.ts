import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const mb = 1024 * 1024;

/**
 * When a safe point collects: once the heap holds more than `floorMb`, and has grown since the last collection by
 * `growthShare` of what that collection left, or `minGrowthMb` when that is more.
 */
export interface HeapBudget {
  floorMb: number;
  growthShare: number;
  minGrowthMb: number;
}

/**
 * Measured at 50,000 manifests (`--format json`): between two of V8's own full collections the lint thread's heap grew
 * from about 70 MB live to over 200 MB, most of it what the rules, the exemptions and the report had already let go,
 * and peak RSS was 270–330 MB. With this budget, 4 to 6 collections of about 130 ms each held it at 241–253 MB on a
 * quiet machine (not under load: see README's Performance). No run of 10,000 manifests holds 96 MB, so runs of that
 * size never collect here.
 */
export const defaultHeapBudget: HeapBudget = { floorMb: 96, growthShare: 0.1, minGrowthMb: 20 };

/**
 * A reading thread keeps only the batch it is reading (some 14 MB live), yet V8 let its heap grow far past that with
 * what earlier batches left: at 50,000 manifests under a long path, peak RSS while the files were read was 278–313 MB,
 * and 239–247 MB with this budget, which collects there twice (some 15 ms each). After a collection that leaves little,
 * V8 sizes its own next one from that, so two are enough.
 */
export const readingThreadHeapBudget: HeapBudget = { floorMb: 32, growthShare: 0.5, minGrowthMb: 16 };

/** What a budget reads and does: the heap's used bytes, and a full collection. */
export interface HeapControl {
  usedBytes(): number;
  collect(): void;
}

/**
 * A full collection on demand. V8 gives one only to a context made after `--expose-gc` is set (that flag does nothing
 * else), so it is set and a context made the first time a run needs one: a run whose heap stays small never does.
 */
function fullCollection(): () => void {
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  // The context keeps its `gc`. V8 checks code caches against the flags in effect (see `whileHeapGrowthLimited`).
  setFlagsFromString('--no-expose-gc');
  return collect;
}

/** The heap of the thread it is made on. */
export function v8HeapControl(): HeapControl {
  let collect: (() => void) | undefined;
  return {
    usedBytes: () => getHeapStatistics().used_heap_size,
    collect: () => (collect ??= fullCollection())(),
  };
}

/**
 * A safe point: called where what a run made before is garbage (after reading, between the rules, before the report and
 * between its batches), it collects when the heap has grown past the budget. V8 sizes its next full collection at up to
 * four times what the last one left (one and a half while the CLI limits it: see `whileHeapGrowthLimited`), and a run
 * that allocates steadily reaches that limit only long after most of it is garbage; at a safe point the run knows it is.
 * TypeScript's language server likewise collects after it updates a project, when its host can (`GcTimer`).
 */
export function heapBudgetSafePoint(budget: HeapBudget = defaultHeapBudget, control: HeapControl = v8HeapControl()): () => void {
  let leftByLast = 0;
  return () => {
    const used = control.usedBytes();
    const allowed = leftByLast + Math.max(budget.minGrowthMb * mb, leftByLast * budget.growthShare);
    if (used < budget.floorMb * mb || used < allowed) return;
    control.collect();
    leftByLast = control.usedBytes();
  };
}
