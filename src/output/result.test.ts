import { describe, expect, it } from 'vitest';
import { buildCleanTestResult } from '../../test/support/result.js';
import { resultWith, withLazyViews } from './result.js';

function lazyResult() {
  const calls = { capacity: 0, graph: 0 };
  const { capacity, graph, ...rest } = buildCleanTestResult();
  const result = withLazyViews(rest, {
    capacity: () => ((calls.capacity += 1), capacity),
    graph: () => ((calls.graph += 1), graph),
  });
  return { result, calls, capacity, graph };
}

describe('withLazyViews', () => {
  it('computes a view on its first read only, and keeps it', () => {
    const { result, calls, capacity } = lazyResult();
    expect(calls).toEqual({ capacity: 0, graph: 0 });
    expect(result.capacity).toBe(capacity);
    expect(result.capacity).toBe(capacity);
    expect(calls).toEqual({ capacity: 1, graph: 0 });
  });

  it('shows the views to JSON.stringify and Object.keys like plain fields', () => {
    const { result, graph } = lazyResult();
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['capacity', 'graph', 'findings']));
    expect((JSON.parse(JSON.stringify(result)) as { graph: unknown }).graph).toEqual(graph);
  });
});

describe('resultWith', () => {
  it('replaces fields on a copy without computing the views, which the copy shares', () => {
    const { result, calls, graph } = lazyResult();
    const copy = resultWith(result, { findings: [], notes: ['changed'] });
    expect(copy.notes).toEqual(['changed']);
    expect(result.notes).toEqual([]);
    expect(calls).toEqual({ capacity: 0, graph: 0 });
    expect(copy.graph).toBe(graph);
    expect(result.graph).toBe(graph);
    expect(calls.graph).toBe(1);
  });
});
