export interface StronglyConnectedComponents {
  /** Component number of each node. */
  componentOf: Int32Array;
  /**
   * Node lists, numbered as in `componentOf`, in reverse topological order:
   * every component comes after all the components it has an edge to.
   */
  components: number[][];
}

/**
 * Tarjan's algorithm with an explicit stack, so that chains of any depth
 * cannot overflow the call stack. Linear in nodes + edges.
 * `edgesFrom[node]` lists a node's edges; `targetOf` names the node an edge leads to.
 */
export function stronglyConnectedComponents<Edge>(
  edgesFrom: readonly (readonly Edge[])[],
  targetOf: (edge: Edge) => number,
): StronglyConnectedComponents {
  const nodeCount = edgesFrom.length;
  // Per-node state in typed arrays: a workspace has thousands of services, most of them alone in their component.
  const discovery = new Int32Array(nodeCount).fill(-1);
  const lowLink = new Int32Array(nodeCount);
  const stackPosition = new Int32Array(nodeCount).fill(-1);
  const componentOf = new Int32Array(nodeCount).fill(-1);
  const components: number[][] = [];
  const tarjanStack: number[] = [];
  const callStack: { node: number; nextEdge: number }[] = [];
  let counter = 0;

  const enter = (node: number): void => {
    discovery[node] = counter;
    lowLink[node] = counter;
    counter += 1;
    stackPosition[node] = tarjanStack.length;
    tarjanStack.push(node);
    callStack.push({ node, nextEdge: 0 });
  };

  for (let root = 0; root < nodeCount; root++) {
    if (discovery[root] !== -1) continue;
    enter(root);
    while (callStack.length > 0) {
      const frame = callStack[callStack.length - 1]!;
      const edges = edgesFrom[frame.node]!;
      if (frame.nextEdge < edges.length) {
        const next = targetOf(edges[frame.nextEdge]!);
        frame.nextEdge += 1;
        if (discovery[next] === -1) enter(next);
        else if (stackPosition[next] !== -1) lowLink[frame.node] = Math.min(lowLink[frame.node]!, discovery[next]!);
        continue;
      }
      callStack.pop();
      const parent = callStack[callStack.length - 1];
      if (parent) lowLink[parent.node] = Math.min(lowLink[parent.node]!, lowLink[frame.node]!);
      if (lowLink[frame.node] !== discovery[frame.node]) continue;
      // The component is the top of the stack down to this node; splice gives an array of exactly its size.
      const component = tarjanStack.splice(stackPosition[frame.node]!).reverse();
      for (const member of component) {
        stackPosition[member] = -1;
        componentOf[member] = components.length;
      }
      components.push(component);
    }
  }
  return { componentOf, components };
}
