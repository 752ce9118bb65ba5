import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { heapBudgetSafePoint, v8HeapControl, type HeapControl } from './heap-budget.js';

const mb = 1024 * 1024;

/** A heap whose used size the test sets; a collection brings it down to `live`. */
function fakeHeap(): HeapControl & { used: number; live: number; collections: number } {
  const heap = {
    used: 0,
    live: 0,
    collections: 0,
    usedBytes: () => heap.used,
    collect: () => {
      heap.collections += 1;
      heap.used = heap.live;
    },
  };
  return heap;
}

describe('heapBudgetSafePoint', () => {
  const budget = { floorMb: 100, growthShare: 0.25, minGrowthMb: 16 };

  it('never collects a heap below the floor, however much it grew', () => {
    const heap = fakeHeap();
    const safePoint = heapBudgetSafePoint(budget, heap);
    for (const used of [10, 50, 99]) {
      heap.used = used * mb;
      safePoint();
    }
    expect(heap.collections).toBe(0);
  });

  it('collects above the floor, then again only once the heap grew by the larger of the share and the minimum', () => {
    const heap = fakeHeap();
    const safePoint = heapBudgetSafePoint(budget, heap);
    /** The collections so far, after a safe point reached with `usedMb` in use (a collection would leave `liveMb`). */
    const collectionsAt = (usedMb: number, liveMb = heap.live / mb) => {
      heap.used = usedMb * mb;
      heap.live = liveMb * mb;
      safePoint();
      return heap.collections;
    };
    expect(collectionsAt(120, 80)).toBe(1);
    // 80 MB left: the next collection comes at 80 + max(16, 20) = 100 MB, and the floor is 100 MB too.
    expect(collectionsAt(99.9)).toBe(1);
    expect(collectionsAt(100, 160)).toBe(2);
    // 160 MB left: a quarter of it (40 MB) is more than the minimum.
    expect(collectionsAt(199)).toBe(2);
    expect(collectionsAt(200)).toBe(3);
  });

  it('runs a full collection of the thread it is called on', async () => {
    const control = v8HeapControl();
    let target: object | undefined = { held: 'until collected' };
    const held = new WeakRef(target);
    target = undefined;
    // A WeakRef holds its target until the job that made it ends.
    await new Promise((resolve) => setImmediate(resolve));
    heapBudgetSafePoint({ floorMb: 0, growthShare: 0, minGrowthMb: 0 }, control)();
    expect(held.deref()).toBeUndefined();
    expect(control.usedBytes()).toBeGreaterThan(0);
  });

  it('leaves V8 without --expose-gc once it has its collection, so a code cache written later is not rejected', () => {
    v8HeapControl().collect();
    // A context made while the flag is set gets a `gc` of its own.
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});
