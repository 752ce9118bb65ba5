import { describe, expect, it } from 'vitest';
import { layerGraph } from './layering.js';

const edge = (from: number, to: number) => ({ from, to });

describe('layerGraph', () => {
  it('puts callees right of their callers, at their longest call depth', () => {
    // 0 → 1 → 2 → 3 and 0 → 3: 3 sits after the long chain, not next to 0.
    const { layerOf, backEdges } = layerGraph(4, [edge(0, 1), edge(1, 2), edge(2, 3), edge(0, 3)]);
    expect(layerOf).toEqual([0, 1, 2, 3]);
    expect([...backEdges]).toEqual([]);
  });

  it('pulls a caller nobody calls next to its nearest callee', () => {
    // 0 → 1 → 2, and 3 → 2 only: 3 goes in column 1, beside 1.
    const { layerOf, layers } = layerGraph(4, [edge(0, 1), edge(1, 2), edge(3, 2)]);
    expect(layerOf).toEqual([0, 1, 2, 1]);
    expect(layers).toEqual([[0], [1, 3], [2]]);
  });

  it('cuts the edge closing a cycle and a call to itself', () => {
    const { layerOf, backEdges } = layerGraph(3, [edge(0, 1), edge(1, 2), edge(2, 0), edge(1, 1)]);
    expect([...backEdges].sort()).toEqual([2, 3]);
    expect(layerOf).toEqual([0, 1, 2]);
  });

  it('orders a layer by where its callers are, keeping input order on ties', () => {
    // Callers 0 (top) and 1 (bottom); 2 is called by 1 and 3 by 0, so 3 goes above 2.
    const { layers } = layerGraph(4, [edge(0, 3), edge(1, 2)]);
    expect(layers).toEqual([[0, 1], [3, 2]]);
  });

  it('gives the same answer every time', () => {
    const edges = [edge(0, 4), edge(1, 4), edge(2, 3), edge(3, 4), edge(4, 2), edge(5, 0)];
    expect(layerGraph(6, edges)).toEqual(layerGraph(6, edges));
  });

  it('handles a long chain without recursion', () => {
    const length = 20_000;
    const chain = Array.from({ length: length - 1 }, (_, index) => edge(index, index + 1));
    const { layerOf, backEdges } = layerGraph(length, chain);
    expect(layerOf[length - 1]).toBe(length - 1);
    expect(backEdges.size).toBe(0);
  });
});
