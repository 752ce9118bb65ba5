import {
  laneGap,
  nodeHeight,
  nodeWidth,
  rowGap,
  selfLoopReach,
  type PlacedEdge,
  type PlacedNode,
  type Point,
  type UnroutedEdge,
} from './geometry.js';

interface Port {
  edge: UnroutedEdge;
  node: PlacedNode;
  /** The height of the other end; a lane under the drawing counts as lower than every node. */
  otherY: number;
  otherX: number;
  order: number;
}

function runsInLane(edge: UnroutedEdge): boolean {
  return edge.route === 'back' && edge.from.layer - edge.to.layer > 1;
}

/**
 * Calls leave from a node's right side and arrive at its left; a call that points back (closing a cycle) leaves
 * from the left and arrives at the right, through a lane under the drawing when it would cross other columns.
 * Each side's calls are spread along it, ordered by the other end's height, so parallel calls do not overlap.
 */
export function routeEdges(edges: readonly UnroutedEdge[], columnsBottom: number): { routed: PlacedEdge[]; lanes: number } {
  const right: Port[] = [];
  const left: Port[] = [];
  const port = (edge: UnroutedEdge, node: PlacedNode, other: PlacedNode, order: number): Port => ({
    edge,
    node,
    otherY: runsInLane(edge) ? Infinity : other.y,
    otherX: other.x,
    order,
  });
  edges.forEach((edge, order) => {
    if (edge.route === 'forward') {
      right.push(port(edge, edge.from, edge.to, order));
      left.push(port(edge, edge.to, edge.from, order));
    } else if (edge.route === 'back') {
      left.push(port(edge, edge.from, edge.to, order));
      right.push(port(edge, edge.to, edge.from, order));
    }
  });
  const rightY = portHeights(right);
  const leftY = portHeights(left);
  let lanes = 0;
  const routed = edges.map((edge) => {
    if (edge.route === 'self') return { ...edge, ...selfLoop(edge.from) };
    const toRight = edge.route === 'forward';
    const start = { x: edge.from.x + (toRight ? nodeWidth : 0), y: (toRight ? rightY : leftY).get(edge)! };
    const end = { x: edge.to.x + (toRight ? 0 : nodeWidth), y: (toRight ? leftY : rightY).get(edge)! };
    if (!runsInLane(edge)) return { ...edge, ...sCurve(start, end) };
    lanes += 1;
    return { ...edge, ...underpass(start, end, columnsBottom + laneGap * lanes) };
  });
  return { routed, lanes };
}

function portHeights(ports: readonly Port[]): Map<UnroutedEdge, number> {
  const byNode = new Map<PlacedNode, Port[]>();
  for (const port of ports) {
    const list = byNode.get(port.node);
    if (list) list.push(port);
    else byNode.set(port.node, [port]);
  }
  const heights = new Map<UnroutedEdge, number>();
  for (const [node, list] of byNode) {
    const ordered = [...list].sort((a, b) => compareHeights(a.otherY, b.otherY) || a.otherX - b.otherX || a.order - b.order);
    ordered.forEach((port, slot) => heights.set(port.edge, node.y + (nodeHeight * (slot + 1)) / (ordered.length + 1)));
  }
  return heights;
}

/** One decimal place is plenty for screen coordinates and keeps the markup short. */
function coordinate(value: number): number {
  return Math.round(value * 10) / 10;
}

function pathData(start: Point, control1: Point, control2: Point, end: Point): string {
  const pair = (point: Point) => `${coordinate(point.x)},${coordinate(point.y)}`;
  return `M${pair(start)} C${pair(control1)} ${pair(control2)} ${pair(end)}`;
}

function compareHeights(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Leaves and arrives horizontally, whichever way it runs. */
function sCurve(start: Point, end: Point): Pick<PlacedEdge, 'path' | 'label'> {
  const direction = end.x >= start.x ? 1 : -1;
  const bend = Math.max(40, Math.abs(end.x - start.x) / 2) * direction;
  return {
    path: pathData(start, { x: start.x + bend, y: start.y }, { x: end.x - bend, y: end.y }, end),
    label: { x: coordinate((start.x + end.x) / 2), y: coordinate((start.y + end.y) / 2) },
  };
}

/** Down into the gap left of the caller, along the lane, and up into the gap right of the callee. */
function underpass(start: Point, end: Point, laneY: number): Pick<PlacedEdge, 'path' | 'label'> {
  const turn = 40;
  const pair = (x: number, y: number) => `${coordinate(x)},${coordinate(y)}`;
  return {
    path:
      `M${pair(start.x, start.y)} C${pair(start.x - turn, start.y)} ${pair(start.x - turn, laneY)} ${pair(start.x - turn * 2, laneY)}` +
      ` L${pair(end.x + turn * 2, laneY)} C${pair(end.x + turn, laneY)} ${pair(end.x + turn, end.y)} ${pair(end.x, end.y)}`,
    label: { x: coordinate((start.x + end.x) / 2), y: coordinate(laneY) },
  };
}

function selfLoop(node: PlacedNode): Pick<PlacedEdge, 'path' | 'label'> {
  const right = node.x + nodeWidth;
  const top = node.y + nodeHeight * 0.3;
  const bottom = node.y + nodeHeight * 0.7;
  const reach = right + selfLoopReach;
  return {
    path: pathData({ x: right, y: top }, { x: reach, y: node.y - 8 }, { x: reach, y: node.y + nodeHeight + 8 }, { x: right, y: bottom }),
    label: { x: right + selfLoopReach / 2, y: node.y - rowGap / 2 },
  };
}
