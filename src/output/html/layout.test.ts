import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode, GraphView } from '../graph/view.js';
import { layoutGraph, nodeHeight, nodeWidth, type GraphLayout } from './layout.js';
import { graphViewOf } from '../graph/view.js';
import { buildPageTestResult } from '../../../test/support/html-report.js';

function node(id: string): GraphNode {
  return { id, name: id, language: 'go', path: 'hot', effectiveRps: 0, flagged: false };
}

function call(from: string, to: string, kind: GraphEdge['call'] = 'sync'): GraphEdge {
  return { from, to, call: kind, rpsShare: 1, rps: 0, inCycle: false };
}

function overlaps(layout: GraphLayout): boolean {
  const boxes = layout.nodes;
  return boxes.some((a, i) =>
    boxes.some((b, j) => j > i && Math.abs(a.x - b.x) < nodeWidth && Math.abs(a.y - b.y) < nodeHeight),
  );
}

const viewArbitrary = fc
  .integer({ min: 1, max: 25 })
  .chain((count) =>
    fc.record({
      count: fc.constant(count),
      edges: fc.array(
        fc.tuple(fc.nat(count - 1), fc.nat(count - 1), fc.constantFrom<GraphEdge['call']>('sync', 'async')),
        { maxLength: 50 },
      ),
    }),
  )
  .map(({ count, edges }): GraphView => ({
    nodes: Array.from({ length: count }, (_, index) => node(`n${index}`)),
    edges: edges.map(([from, to, kind]) => call(`n${from}`, `n${to}`, kind)),
  }));

describe('layoutGraph', () => {
  it('lays out the test workspace the same way every time', () => {
    const graph = graphViewOf(buildPageTestResult());
    expect(layoutGraph(graph)).toEqual(layoutGraph(structuredClone(graph)));
  });

  it('places every node once and draws every edge between placed nodes', () => {
    const graph = graphViewOf(buildPageTestResult());
    const layout = layoutGraph(graph);
    expect(layout.nodes.map((placed) => placed.node.id)).toEqual(graph.nodes.map((graphNode) => graphNode.id));
    expect(layout.edges.map((placed) => placed.edge)).toEqual(graph.edges);
    for (const placed of layout.edges) {
      expect(layout.nodes).toContain(placed.from);
      expect(layout.nodes).toContain(placed.to);
      expect(placed.from.node.id).toBe(placed.edge.from);
      expect(placed.to.node.id).toBe(placed.edge.to);
    }
  });

  it('draws a chain left to right in one row and the cycle-closing call as a back arc', () => {
    const layout = layoutGraph({
      nodes: ['a', 'b', 'c'].map(node),
      edges: [call('a', 'b'), call('b', 'c'), call('c', 'a')],
    });
    expect(layout.nodes.map((placed) => [placed.layer, placed.x, placed.y])).toEqual([
      [0, 24, 24],
      [1, 374, 24],
      [2, 724, 24],
    ]);
    expect(layout.edges.map((placed) => placed.route)).toEqual(['forward', 'forward', 'back']);
    // a's right side carries the call to b above the call back from c.
    expect(layout.edges[0]!.path).toBe('M224,39.3 C299,39.3 299,47 374,47');
    // c → a would cross b's column, so it runs in a lane under the row.
    expect(layout.edges[2]!.path).toBe('M724,54.7 C684,54.7 684,90 644,90 L304,90 C264,90 264,54.7 224,54.7');
    expect(layout.edges[2]!.label).toEqual({ x: 474, y: 90 });
    expect(layout.width).toBe(24 + 3 * 200 + 2 * 150 + 24);
    expect(layout.height).toBe(70 + 20 * 1.5 + 24);
  });

  it('draws a call back to the previous column as a curve between the two', () => {
    const layout = layoutGraph({ nodes: [node('a'), node('b')], edges: [call('a', 'b'), call('b', 'a')] });
    expect(layout.edges.map((placed) => placed.route)).toEqual(['forward', 'back']);
    expect(layout.edges[1]!.path).toBe('M374,54.7 C299,54.7 299,54.7 224,54.7');
    expect(layout.height).toBe(24 + 46 + 24);
  });

  it('loops a call to itself on the right of its node', () => {
    const layout = layoutGraph({ nodes: [node('a'), node('b')], edges: [call('a', 'a'), call('a', 'b')] });
    expect(layout.edges.map((placed) => placed.route)).toEqual(['self', 'forward']);
    expect(layout.edges[0]!.path).toBe('M224,37.8 C268,16 268,78 224,56.2');
  });

  it('puts services without calls in a grid below the drawing', () => {
    const layout = layoutGraph({ nodes: ['a', 'b', 'lonely', 'alone'].map(node), edges: [call('a', 'b')] });
    const [a, b, lonely, alone] = layout.nodes;
    expect([lonely!.layer, alone!.layer]).toEqual([-1, -1]);
    expect(lonely!.y).toBeGreaterThan(Math.max(a!.y, b!.y) + nodeHeight);
    expect(alone!.y).toBe(lonely!.y);
    expect(alone!.x).toBeGreaterThan(lonely!.x);
    expect(layout.height).toBe(alone!.y + nodeHeight + 24);
  });

  it('ignores an edge whose end is not a node', () => {
    const layout = layoutGraph({ nodes: [node('a')], edges: [call('a', 'nowhere')] });
    expect(layout.edges).toEqual([]);
    expect(layout.nodes).toHaveLength(1);
  });

  it('never overlaps nodes, keeps them on the canvas and sends forward calls rightwards', () => {
    fc.assert(
      fc.property(viewArbitrary, (view) => {
        const layout = layoutGraph(view);
        expect(overlaps(layout)).toBe(false);
        for (const placed of layout.nodes) {
          expect(placed.x).toBeGreaterThanOrEqual(0);
          expect(placed.y).toBeGreaterThanOrEqual(0);
          expect(placed.x + nodeWidth).toBeLessThanOrEqual(layout.width);
          expect(placed.y + nodeHeight).toBeLessThanOrEqual(layout.height);
        }
        for (const placed of layout.edges) {
          if (placed.route === 'forward') expect(placed.to.layer).toBeGreaterThan(placed.from.layer);
          if (placed.route === 'back') expect(placed.to.layer).toBeLessThan(placed.from.layer);
          if (placed.route === 'self') expect(placed.to).toBe(placed.from);
          expect(placed.label.x).toBeGreaterThan(0);
          expect(placed.label.x).toBeLessThan(layout.width);
          expect(placed.label.y).toBeGreaterThan(0);
          expect(placed.label.y).toBeLessThan(layout.height);
        }
      }),
      { numRuns: 150, seed: 20261128 },
    );
  });
});
