/** An edge between node indices. */
export interface IndexEdge {
  from: number;
  to: number;
}

export interface Layering {
  /** The column of each node; every kept edge goes from a lower layer to a higher one. */
  layerOf: number[];
  /** Node indices per layer, top to bottom. */
  layers: number[][];
  /** Indices of the edges cut to break cycles (they point backwards or at their own node). */
  backEdges: Set<number>;
}

/**
 * Columns by longest call depth: cycles are broken by cutting the edges a depth-first search finds pointing back
 * up its stack, callers come before their callees, and a caller nobody calls sits just left of its nearest callee.
 * Everything is linear in nodes + edges apart from sorting within a layer; ties keep input order.
 */
export function layerGraph(nodeCount: number, edges: readonly IndexEdge[]): Layering {
  const outgoing = adjacency(nodeCount, edges, (edge) => edge.from);
  const backEdges = findBackEdges(nodeCount, edges, outgoing);
  const layerOf = longestPathLayers(nodeCount, edges, outgoing, backEdges);
  const layers: number[][] = [];
  layerOf.forEach((layer, node) => (layers[layer] ??= []).push(node));
  for (let layer = 0; layer < layers.length; layer++) layers[layer] ??= [];
  orderWithinLayers(layers, edges, backEdges, nodeCount);
  return { layerOf, layers, backEdges };
}

function adjacency(nodeCount: number, edges: readonly IndexEdge[], end: (edge: IndexEdge) => number): number[][] {
  const lists: number[][] = Array.from({ length: nodeCount }, () => []);
  edges.forEach((edge, index) => lists[end(edge)]!.push(index));
  return lists;
}

const unvisited = 0;
const onStack = 1;
const finished = 2;

function findBackEdges(nodeCount: number, edges: readonly IndexEdge[], outgoing: readonly number[][]): Set<number> {
  const state = new Uint8Array(nodeCount);
  const backEdges = new Set<number>();
  for (let root = 0; root < nodeCount; root++) {
    if (state[root] !== unvisited) continue;
    const stack: { node: number; next: number }[] = [{ node: root, next: 0 }];
    state[root] = onStack;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edgeIndex = outgoing[frame.node]![frame.next];
      if (edgeIndex === undefined) {
        state[frame.node] = finished;
        stack.pop();
        continue;
      }
      frame.next += 1;
      const target = edges[edgeIndex]!.to;
      if (state[target] === onStack) backEdges.add(edgeIndex);
      else if (state[target] === unvisited) {
        state[target] = onStack;
        stack.push({ node: target, next: 0 });
      }
    }
  }
  return backEdges;
}

function longestPathLayers(
  nodeCount: number,
  edges: readonly IndexEdge[],
  outgoing: readonly number[][],
  backEdges: ReadonlySet<number>,
): number[] {
  const incomingCount = new Array<number>(nodeCount).fill(0);
  edges.forEach((edge, index) => {
    if (!backEdges.has(index)) incomingCount[edge.to]! += 1;
  });
  const isSource = incomingCount.map((count) => count === 0);
  const topological: number[] = [];
  for (let node = 0; node < nodeCount; node++) if (incomingCount[node] === 0) topological.push(node);
  const layerOf = new Array<number>(nodeCount).fill(0);
  for (let head = 0; head < topological.length; head++) {
    const node = topological[head]!;
    for (const edgeIndex of outgoing[node]!) {
      if (backEdges.has(edgeIndex)) continue;
      const target = edges[edgeIndex]!.to;
      layerOf[target] = Math.max(layerOf[target]!, layerOf[node]! + 1);
      incomingCount[target]! -= 1;
      if (incomingCount[target] === 0) topological.push(target);
    }
  }
  // Pull each uncalled caller right, next to its nearest callee, so its calls stay short.
  for (let position = topological.length - 1; position >= 0; position--) {
    const node = topological[position]!;
    if (!isSource[node]) continue;
    let nearestCallee = Infinity;
    for (const edgeIndex of outgoing[node]!) {
      if (!backEdges.has(edgeIndex)) nearestCallee = Math.min(nearestCallee, layerOf[edges[edgeIndex]!.to]!);
    }
    if (nearestCallee !== Infinity) layerOf[node] = nearestCallee - 1;
  }
  return layerOf;
}

/** Barycentre sweeps (down, up, down): each node moves towards the average row of its neighbours in the layer just swept. */
function orderWithinLayers(
  layers: number[][],
  edges: readonly IndexEdge[],
  backEdges: ReadonlySet<number>,
  nodeCount: number,
): void {
  const kept = edges.filter((_, index) => !backEdges.has(index));
  const callers = adjacency(nodeCount, kept, (edge) => edge.to).map((list) => list.map((index) => kept[index]!.from));
  const callees = adjacency(nodeCount, kept, (edge) => edge.from).map((list) => list.map((index) => kept[index]!.to));
  const rowOf = new Array<number>(nodeCount).fill(0);
  const remember = (layer: readonly number[]) => layer.forEach((node, row) => (rowOf[node] = row));
  layers.forEach(remember);
  const sweep = (layerIndices: number[], neighbours: readonly number[][]) => {
    for (const layerIndex of layerIndices) {
      const layer = layers[layerIndex]!;
      const key = new Map(layer.map((node) => [node, barycentre(neighbours[node]!, rowOf) ?? rowOf[node]!]));
      layer.sort((a, b) => key.get(a)! - key.get(b)! || rowOf[a]! - rowOf[b]!);
      remember(layer);
    }
  };
  const downward = layers.map((_, index) => index).slice(1);
  const upward = layers.map((_, index) => index).reverse().slice(1);
  sweep(downward, callers);
  sweep(upward, callees);
  sweep(downward, callers);
}

function barycentre(neighbours: readonly number[], rowOf: readonly number[]): number | undefined {
  if (neighbours.length === 0) return undefined;
  let sum = 0;
  for (const neighbour of neighbours) sum += rowOf[neighbour]!;
  return sum / neighbours.length;
}
