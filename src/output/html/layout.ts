import type { GraphEdge, GraphView } from '../graph/view.js';
import { routeEdges } from './edge-routes.js';
import {
  laneGap,
  nodeHeight,
  nodeWidth,
  rowGap,
  selfLoopReach,
  type EdgeRoute,
  type PlacedEdge,
  type PlacedNode,
  type UnroutedEdge,
} from './geometry.js';
import { layerGraph, type IndexEdge } from './layering.js';

export { nodeHeight, nodeWidth, type PlacedEdge, type PlacedNode };

const columnGap = 150;
const margin = 24;
const unconnectedColumnGap = 36;

export interface GraphLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

/** Callers left, callees right, one column per call depth; services without any call go in a grid underneath. */
export function layoutGraph(view: GraphView): GraphLayout {
  const drawn = drawableEdges(view);
  const connected = new Array<boolean>(view.nodes.length).fill(false);
  for (const { ends } of drawn) connected[ends.from] = connected[ends.to] = true;
  const { layers, backEdges } = layerGraph(
    view.nodes.length,
    drawn.map(({ ends }) => ends),
  );
  const columns = layers.map((layer) => layer.filter((node) => connected[node])).filter((layer) => layer.length > 0);
  const placed: PlacedNode[] = new Array(view.nodes.length);
  const columnsBottom = placeColumns(view, columns, placed);

  const edges = drawn.map(({ edge, ends }, index): UnroutedEdge => {
    const route: EdgeRoute = ends.from === ends.to ? 'self' : backEdges.has(index) ? 'back' : 'forward';
    return { edge, from: placed[ends.from]!, to: placed[ends.to]!, route };
  });
  const { routed, lanes } = routeEdges(edges, columnsBottom);
  const drawingBottom = columnsBottom + (lanes > 0 ? laneGap * (lanes + 0.5) : 0);
  const selfLoops = edges.some((edge) => edge.route === 'self') ? selfLoopReach : 0;
  const drawingWidth = columns.length === 0 ? 0 : columns.length * (nodeWidth + columnGap) - columnGap + selfLoops;

  const unconnected = view.nodes.map((_, index) => index).filter((index) => !connected[index]);
  const gridTop = columns.length === 0 ? margin : drawingBottom + rowGap * 2;
  const grid = placeGrid(view, unconnected, Math.max(4, columns.length), gridTop, placed);
  return {
    nodes: placed,
    edges: routed,
    width: margin * 2 + Math.max(drawingWidth, grid.width),
    height: (unconnected.length > 0 ? grid.bottom : drawingBottom) + margin,
  };
}

/** The calls whose both ends are nodes, with the ends as node indices. */
function drawableEdges(view: GraphView): { edge: GraphEdge; ends: IndexEdge }[] {
  const indexById = new Map(view.nodes.map((node, index) => [node.id, index]));
  const drawn: { edge: GraphEdge; ends: IndexEdge }[] = [];
  for (const edge of view.edges) {
    const from = indexById.get(edge.from);
    const to = indexById.get(edge.to);
    if (from !== undefined && to !== undefined) drawn.push({ edge, ends: { from, to } });
  }
  return drawn;
}

function columnHeight(rows: number): number {
  return rows === 0 ? 0 : rows * nodeHeight + (rows - 1) * rowGap;
}

/** Places each column's nodes, centred on the tallest column; returns the bottom of the tallest. */
function placeColumns(view: GraphView, columns: readonly number[][], placed: PlacedNode[]): number {
  const tallest = columns.reduce((most, column) => Math.max(most, column.length), 0);
  columns.forEach((column, layer) => {
    const offset = (columnHeight(tallest) - columnHeight(column.length)) / 2;
    column.forEach((node, row) => {
      placed[node] = {
        node: view.nodes[node]!,
        layer,
        x: margin + layer * (nodeWidth + columnGap),
        y: margin + offset + row * (nodeHeight + rowGap),
      };
    });
  });
  return margin + columnHeight(tallest);
}

function placeGrid(
  view: GraphView,
  nodes: readonly number[],
  perRow: number,
  top: number,
  placed: PlacedNode[],
): { width: number; bottom: number } {
  nodes.forEach((node, position) => {
    placed[node] = {
      node: view.nodes[node]!,
      layer: -1,
      x: margin + (position % perRow) * (nodeWidth + unconnectedColumnGap),
      y: top + Math.floor(position / perRow) * (nodeHeight + rowGap),
    };
  });
  const shown = Math.min(nodes.length, perRow);
  return {
    width: shown === 0 ? 0 : shown * (nodeWidth + unconnectedColumnGap) - unconnectedColumnGap,
    bottom: top + columnHeight(Math.ceil(nodes.length / perRow)),
  };
}
