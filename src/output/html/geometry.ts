import type { GraphEdge, GraphNode } from '../graph/view.js';

export const nodeWidth = 200;
export const nodeHeight = 46;
export const rowGap = 26;
/** How far right of its node a call to itself loops. */
export const selfLoopReach = 44;
/** Spacing of the lanes under the drawing that carry calls pointing back across several columns. */
export const laneGap = 20;

export interface Point {
  x: number;
  y: number;
}

export interface PlacedNode {
  node: GraphNode;
  /** Column index, or -1 for a service without calls that sits in the grid below the drawing. */
  layer: number;
  x: number;
  y: number;
}

export type EdgeRoute = 'forward' | 'back' | 'self';

export interface PlacedEdge {
  edge: GraphEdge;
  from: PlacedNode;
  to: PlacedNode;
  route: EdgeRoute;
  /** SVG path data, ending where the arrowhead touches the callee. */
  path: string;
  label: Point;
}

export type UnroutedEdge = Omit<PlacedEdge, 'path' | 'label'>;
