import { describe, expect, it } from 'vitest';
import { stronglyConnectedComponents } from './scc.js';
import { slowTestTimeout } from '../../../test/timeouts.js';

const byNumber = (to: number) => to;

function sortedComponents(successors: number[][]): number[][] {
  return stronglyConnectedComponents(successors, byNumber)
    .components.map((component) => [...component].sort((a, b) => a - b))
    .sort((a, b) => a[0]! - b[0]!);
}

describe('stronglyConnectedComponents', () => {
  it.each([
    { name: 'a DAG has one component per node', successors: [[1, 2], [2], []], expected: [[0], [1], [2]] },
    { name: 'a two-member cycle', successors: [[1], [0], []], expected: [[0, 1], [2]] },
    { name: 'a three-member cycle with a tail', successors: [[1], [2], [0, 3], []], expected: [[0, 1, 2], [3]] },
    { name: 'a self-loop stays a single node', successors: [[0], []], expected: [[0], [1]] },
    { name: 'two cycles joined by one edge', successors: [[1], [0, 2], [3], [2]], expected: [[0, 1], [2, 3]] },
  ])('$name', ({ successors, expected }) => {
    expect(sortedComponents(successors)).toEqual(expected);
  });

  it('lists every component after the components it calls', () => {
    const successors = [[1, 3], [2], [], [1], [0]];
    const { components, componentOf } = stronglyConnectedComponents(successors, byNumber);
    const position = (node: number) => componentOf[node]!;
    successors.forEach((targets, from) => {
      for (const to of targets) expect(position(from)).toBeGreaterThanOrEqual(position(to));
    });
    expect(components).toHaveLength(5);
  });

  it('walks a 10,000-node chain and a 10,000-node ring without recursion', { timeout: slowTestTimeout }, () => {
    const length = 10_000;
    const chain = Array.from({ length }, (_, node) => (node + 1 < length ? [node + 1] : []));
    expect(stronglyConnectedComponents(chain, byNumber).components).toHaveLength(length);
    const ring = Array.from({ length }, (_, node) => [(node + 1) % length]);
    const { components } = stronglyConnectedComponents(ring, byNumber);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(length);
  });
});
