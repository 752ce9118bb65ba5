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
    heap.used = 120 * mb;
    heap.live = 80 * mb;
    safePoint();
    expect(heap.collections).toBe(1);

    // 80 MB left: the next collection comes at 80 + max(16, 20) = 100 MB, and the floor is 100 MB too.
    heap.used = 99.9 * mb;
    safePoint();
    expect(heap.collections).toBe(1);
    heap.used = 100 * mb;
    heap.live = 160 * mb;
    safePoint();
    expect(heap.collections).toBe(2);

    // 160 MB left: a quarter of it (40 MB) is more than the minimum.
    heap.used = 199 * mb;
    safePoint();
    expect(heap.collections).toBe(2);
    heap.used = 200 * mb;
    safePoint();
    expect(heap.collections).toBe(3);
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
});
